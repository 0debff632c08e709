@testable import ParzenReport
import Testing

/// The precision rule of `label.key:se` against hand-worked cases: the standard error to two
/// significant digits, the value to the same decimal place (see ``MeasuredNumber``).
@Suite struct MeasuredNumberTests {
    static func prose(_ value: Double, _ error: Double) -> String {
        MeasuredNumber(value: value, standardError: error).prose
    }

    @Test func theErrorKeepsTwoSignificantDigitsAndTheValueItsPlace() {
        #expect(Self.prose(0.2915, 0.1234) == "0.29 ± 0.12")
        #expect(Self.prose(1.23456, 0.095) == "1.235 ± 0.095")  // 0.095 already has two digits
        #expect(Self.prose(123.456, 25) == "123 ± 25")
        #expect(Self.prose(56789, 1234) == "56800 ± 1200")  // the place is the hundreds
        #expect(Self.prose(-1.2345, 0.5) == "−1.23 ± 0.50")  // trailing zeros are digits
    }

    @Test func roundingThatAddsADigitMovesThePlace() {
        // 0.09951 → 0.10 (not 0.100): two digits at the new place; the value follows.
        #expect(Self.prose(0.29151, 0.09951) == "0.29 ± 0.10")
        // 0.0951 at two decimals rounds up to 0.10, and keeps its trailing zero.
        #expect(Self.prose(0.0951, 0.12) == "0.10 ± 0.12")
        #expect(Self.prose(9.96, 0.12) == "9.96 ± 0.12")
        #expect(Self.prose(9.996, 0.12) == "10.00 ± 0.12")
    }

    @Test func exactTiesRoundAsPrintfDoes() {
        // 0.125 and 0.375 are exact in binary: ties go to the even digit.
        #expect(Self.prose(0.125, 0.12) == "0.12 ± 0.12")
        #expect(Self.prose(0.375, 0.12) == "0.38 ± 0.12")
        // 0.135 is 0.13500000000000000888… in binary: above the tie.
        #expect(Self.prose(0.135, 0.12) == "0.14 ± 0.12")
    }

    @Test func aValueThatRoundsToZeroHasNoSign() {
        #expect(Self.prose(-0.001, 0.12) == "0.00 ± 0.12")
    }

    @Test func farFromOneBothShareAPowerOfTen() {
        #expect(Self.prose(3e-7, 1.2e-8) == "(3.00 ± 0.12) × 10⁻⁷")
        #expect(Self.prose(1.234567e7, 2.5e4) == "(1.2346 ± 0.0025) × 10⁷")
        // Six decimals are still written out; a seventh is not.
        #expect(Self.prose(0.34567, 0.000012) == "0.345670 ± 0.000012")
        #expect(Self.prose(0.34567, 0.0000012) == "(3.456700 ± 0.000012) × 10⁻¹")
    }

    @Test func zeroNaNAndInfiniteErrorsAreShownAsTheyAre() {
        #expect(Self.prose(1.5, 0) == "1.5 ± 0")
        #expect(Self.prose(2, .nan) == "2 ± NaN")
        #expect(Self.prose(0.123456, .infinity) == "0.1235 ± ∞")
        #expect(Self.prose(.infinity, .infinity) == "∞ ± ∞")
        #expect(Self.prose(.infinity, 0.12) == "∞ ± 0.12")
    }

    @Test func formulasGetTeX() {
        #expect(MeasuredNumber(value: -1.2345, standardError: 0.5).tex == "-1.23 \\pm 0.50")
        #expect(MeasuredNumber(value: 3e-7, standardError: 1.2e-8).tex
            == "\\left(3.00 \\pm 0.12\\right) \\times 10^{-7}")
        #expect(MeasuredNumber(value: 2, standardError: .nan).tex == "2 \\pm \\text{NaN}")
    }
}
