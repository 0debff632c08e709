#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// log Σᵢ exp(aᵢ), computed without overflow or underflow.
///
/// ```
/// logSumExp(a) = m + log Σᵢ exp(aᵢ − m),   m = maxᵢ aᵢ
/// ```
/// Every term exp(aᵢ − m) lies in (0, 1] and one equals 1, so the sum is in [1, n] and its
/// logarithm loses no digits; log-densities of −1000 combine to a finite answer where
/// `log(exp(−1000) + …)` would give −∞.
///
/// - Domain: −∞ entries are allowed (they contribute nothing); an empty collection or all
///   −∞ gives −∞; +∞ anywhere gives +∞; NaN propagates.
/// - Accuracy: a few ulps of the result plus the rounding of the n-term sum (relative error
///   ≲ n·ε in the sum, i.e. absolute ≲ n·ε in the log).
/// - Cost: two passes, n `exp` and one `log`.
public func logSumExp<C: Collection>(_ values: C) -> Double where C.Element == Double {
    guard let m = values.max() else { return -.infinity }
    if m == -.infinity || m == .infinity || m.isNaN { return m }
    var sum = 0.0
    for a in values { sum += exp(a - m) }
    return m + log(sum)
}

/// A running log-sum-exp for values that arrive one at a time (a stream of log-weights).
///
/// Keeps the running maximum m and s = Σ exp(aᵢ − m); when a larger value arrives, s is
/// rescaled by exp(m_old − m_new), so no term ever overflows. Same accuracy as
/// `logSumExp(_:)`; one `exp` per value plus one per new maximum.
public struct LogSumExpAccumulator: Sendable {
    private var maximum = -Double.infinity
    private var scaledSum = 0.0

    /// An empty accumulator; its `value` is −∞ (the log of an empty sum).
    public init() {}

    /// Adds exp(`value`) to the sum.
    public mutating func add(_ value: Double) {
        if value == -.infinity { return }
        if value <= maximum {
            scaledSum += exp(value - maximum)
        } else {
            scaledSum = scaledSum * exp(maximum - value) + 1
            maximum = value
        }
    }

    /// log of the sum of exp(value) over all values added so far.
    public var value: Double {
        maximum == -.infinity || !maximum.isFinite ? maximum : maximum + log(scaledSum)
    }
}
