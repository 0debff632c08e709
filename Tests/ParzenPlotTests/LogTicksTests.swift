import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// Log-axis ticks: powers of ten over several decades, 1–2–5 multiples over short ranges.
struct LogTicksTests {
    /// 0.003…40 widens to 0.002…50 and spans the powers 10⁻², 10⁻¹, 10⁰, 10¹.
    @Test func powersOfTenOverSeveralDecades() {
        let ticks = LogTicks.loose(covering: 0.003...40, maximumCount: 8)
        #expect(ticks.domain == 0.002...50)
        #expect(ticks.values == [0.01, 0.1, 1, 10])
    }

    /// Thirteen powers (10⁻⁶…10⁶) with at most five ticks: every third power.
    @Test func everyKthPowerWhenTooMany() {
        let ticks = LogTicks.loose(covering: 1e-6...1e6, maximumCount: 5)
        #expect(ticks.values == [1e-6, 1e-3, 1, 1e3, 1e6])
    }

    /// Within one decade the 1–2–5 multiples are the ticks.
    @Test func oneTwoFiveWithinADecade() {
        let ticks = LogTicks.loose(covering: 1.5...8, maximumCount: 8)
        #expect(ticks.domain == 1...10)
        #expect(ticks.values == [1, 2, 5, 10])
    }

    @Test func labels() {
        #expect(TickLabel.logarithmic(0.001) == "0.001")
        #expect(TickLabel.logarithmic(0.02) == "0.02")
        #expect(TickLabel.logarithmic(100_000) == "100000")
        #expect(TickLabel.logarithmic(1e-5) == "10⁻⁵")
        #expect(TickLabel.logarithmic(2e6) == "2×10⁶")
    }
}
