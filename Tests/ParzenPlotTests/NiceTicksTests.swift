import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// Heckbert's nice numbers and loose labelling, checked against hand computations that follow
/// the algorithm in *Graphics Gems* (1990), 61–63. Tick values are multiples of the step and
/// compared exactly after rounding to the labels' precision — the labels are what readers see.
struct NiceTicksTests {
    @Test func niceNumberRoundsToOneTwoFiveTen() {
        #expect(NiceTicks.niceNumber(1.4, rounding: true) == 1)
        #expect(NiceTicks.niceNumber(1.5, rounding: true) == 2)
        #expect(NiceTicks.niceNumber(2.9, rounding: true) == 2)
        #expect(NiceTicks.niceNumber(3, rounding: true) == 5)
        #expect(NiceTicks.niceNumber(6.9, rounding: true) == 5)
        #expect(NiceTicks.niceNumber(7, rounding: true) == 10)
        #expect(NiceTicks.niceNumber(0.034, rounding: true) == 0.05)
    }

    @Test func niceNumberCeilingWithoutRounding() {
        #expect(NiceTicks.niceNumber(1, rounding: false) == 1)
        #expect(NiceTicks.niceNumber(1.01, rounding: false) == 2)
        #expect(NiceTicks.niceNumber(5, rounding: false) == 5)
        #expect(NiceTicks.niceNumber(5.1, rounding: false) == 10)
        #expect(NiceTicks.niceNumber(438, rounding: false) == 500)
    }

    /// Heckbert's worked example: data 105…543, 5 ticks. range = nicenum(438, false) = 500,
    /// d = nicenum(125, true) = 100, graph 100…600, no decimals.
    @Test func heckbertsExample() {
        let ticks = NiceTicks.loose(covering: 105...543, count: 5)
        #expect(ticks.values == [100, 200, 300, 400, 500, 600])
        #expect(ticks.step == 100)
        #expect(ticks.decimals == 0)
    }

    /// −3.7…12.2: range = nicenum(15.9, false) = 20, d = nicenum(5, true) = 5 → −5…15.
    @Test func negativeRange() {
        let ticks = NiceTicks.loose(covering: -3.7...12.2, count: 5)
        #expect(ticks.values == [-5, 0, 5, 10, 15])
        #expect(ticks.values[1].sign == .plus)
    }

    /// 0.0012…0.0048: range = nicenum(0.0036, false) = 0.005, d = nicenum(0.00125, true) =
    /// 0.001 → 0.001…0.005 with three decimals.
    @Test func smallDecimals() {
        let ticks = NiceTicks.loose(covering: 0.0012...0.0048, count: 5)
        #expect(ticks.decimals == 3)
        #expect(ticks.values.map { TickLabel.linear($0, decimals: ticks.decimals) } == ["0.001", "0.002", "0.003", "0.004", "0.005"])
    }

    /// 0…1 with 6 ticks: range 1, d = nicenum(0.2, true) = 0.2; 0.6 is 3·0.2 = 0.6000000000000001
    /// in binary, which the label must still print as "0.6".
    @Test func unitIntervalLabels() {
        let ticks = NiceTicks.loose(covering: 0...1, count: 6)
        #expect(ticks.values.map { TickLabel.linear($0, decimals: ticks.decimals) } == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    @Test func emptyRangeIsWidenedByTenPercent() {
        let ticks = NiceTicks.loose(covering: 3...3, count: 5)
        #expect(ticks.range.lowerBound <= 2.7 && ticks.range.upperBound >= 3.3)
        let zero = NiceTicks.loose(covering: 0...0, count: 5)
        #expect(zero.range.lowerBound <= -1 && zero.range.upperBound >= 1)
    }

    /// A fixed domain is not widened: 0.3…2.7 → range nicenum(2.4, false) = 5, d =
    /// nicenum(1.25, true) = 1 → ticks 1 and 2 only.
    @Test func insideFixedDomain() {
        #expect(NiceTicks.inside(0.3...2.7, count: 5).values == [1, 2])
        #expect(NiceTicks.inside(0...1, count: 6).values.count == 6)
    }
}
