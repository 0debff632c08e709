import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// Locale-free number formatting. Inputs such as 1.25 and 0.375 are exact in binary, so the
/// expected roundings are unambiguous.
struct FixedPointTests {
    @Test func coordinatesRoundHalfAwayFromZeroAndTrimZeros() {
        #expect(FixedPoint.coordinate(1.25) == "1.3")
        #expect(FixedPoint.coordinate(-1.25) == "-1.3")
        #expect(FixedPoint.coordinate(2.0) == "2")
        #expect(FixedPoint.coordinate(0.04) == "0")
        #expect(FixedPoint.coordinate(-0.04) == "0")
        #expect(FixedPoint.coordinate(560) == "560")
    }

    @Test func tickLabelsKeepTheirDecimalsAndUseTheMinusSign() {
        #expect(TickLabel.linear(-0.5, decimals: 1) == "−0.5")
        #expect(TickLabel.linear(-0.0, decimals: 1) == "0.0")
        #expect(TickLabel.linear(0.375, decimals: 2) == "0.38")
        #expect(TickLabel.linear(1234.5678, decimals: 2) == "1234.57")
        #expect(TickLabel.linear(3, decimals: 0) == "3")
        #expect(TickLabel.linear(0.05, decimals: 2) == "0.05")
    }

    @Test func hugeAndNonFiniteValuesStayReadable() {
        #expect(FixedPoint.format(1e300, decimals: 1, trimmingZeros: true) == "1e+300")
        #expect(FixedPoint.format(.infinity, decimals: 1, trimmingZeros: true) == "∞")
    }
}
