import Foundation
import Testing
@testable import ParzenCore

@Suite struct FoundationLogSumExpTests {
    /// log(e⁻¹⁰⁰⁰ + e⁻¹⁰⁰⁰) = −1000 + log 2 exactly in real arithmetic; a naive sum underflows to −∞.
    @Test func farAwayTermsStayFinite() {
        #expect(abs(logSumExp([-1000.0, -1000.0]) - (-1000 + log(2.0))) < 1e-12)
        #expect(logSumExp([Double]()) == -.infinity)
        #expect(logSumExp([-Double.infinity, 0]) == 0)
        #expect(logSumExp([1000.0, 1000.0]).isFinite)
    }

    /// The streaming accumulator agrees with the two-pass function to rounding (1e-13 for
    /// 1000 terms of size ≤ 30: the sums differ only in order).
    @Test func accumulatorMatchesBatch() {
        var g = Xoshiro256StarStar(seed: 9)
        let values = (0..<1000).map { _ in 30 * g.nextGaussian() }
        var acc = LogSumExpAccumulator()
        for v in values { acc.add(v) }
        #expect(abs(acc.value - logSumExp(values)) < 1e-13)
        #expect(LogSumExpAccumulator().value == -.infinity)
    }
}
