#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A number estimated from a sample, with its standard error: every stochastic criterion in
/// Parzen (NLL, Monte Carlo KL, importance-sampled log-likelihoods) reports one.
///
/// For a mean of N values aᵢ the standard error is s/√N with s² = Σ(aᵢ − ā)²/(N − 1); a
/// ±2·SE interval is an approximate 95% confidence interval when N is large (central limit
/// theorem), provided the aᵢ have finite variance.
public struct Estimate: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The estimate.
    public let value: Double
    /// Its standard error (0 for a constant sample, +∞ when `value` is infinite).
    public let standardError: Double
    /// The number of terms N it was computed from.
    public let count: Int

    /// An estimate with a given standard error.
    public init(value: Double, standardError: Double, count: Int) {
        self.value = value
        self.standardError = standardError
        self.count = count
    }

    /// The sample mean of `terms` with its standard error s/√N.
    ///
    /// When a term is ±∞ (e.g. log q(x) = −∞ in a KL estimate) the mean is that infinity and
    /// the standard error +∞; a NaN term makes both NaN. Two-pass, so no cancellation.
    /// - Precondition: at least one term.
    public init(meanOf terms: [Double]) {
        precondition(!terms.isEmpty, "an estimate needs at least one term")
        let n = Double(terms.count)
        let mean = terms.reduce(0, +) / n
        count = terms.count
        guard mean.isFinite else {
            value = mean
            standardError = mean.isNaN ? .nan : .infinity
            return
        }
        value = mean
        guard terms.count > 1 else {
            standardError = .infinity
            return
        }
        let squares = terms.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        standardError = (squares / (n - 1) / n).squareRoot()
    }

    /// `value ± standardError`, e.g. "1.2346 ± 0.0123".
    public var description: String { "\(value) ± \(standardError)" }
}

extension Estimate {
    /// log of the mean of exp(lᵢ), with a delta-method standard error — the estimate of a
    /// log-likelihood log p(x) from importance log-weights lᵢ = log w_i:
    ///
    /// ```
    /// value = log((1/n) Σ exp(lᵢ)) = m + log((1/n) Σ exp(lᵢ − m)),   m = max lᵢ
    /// SE(value) ≈ SE(p̂)/p̂ = s_w / (√n · w̄),   w = exp(l − m)     (delta method)
    /// ```
    /// Shifting by m keeps every weight in (0, 1], so log-weights of −10⁴ still give a finite
    /// answer. The delta-method SE is accurate when SE(p̂)/p̂ ≪ 1; when it is near 1 or
    /// above, the weights are dominated by a few draws and the estimate is unreliable (and
    /// biased low: E[log p̂] ≤ log p by Jensen's inequality).
    ///
    /// All lᵢ = −∞ gives value −∞, SE +∞. Precondition: at least one term.
    public init(logMeanExpOf logTerms: [Double]) {
        precondition(!logTerms.isEmpty, "an estimate needs at least one term")
        let n = Double(logTerms.count)
        let m = logTerms.max()!
        count = logTerms.count
        guard m.isFinite else {
            value = m
            standardError = m.isNaN ? .nan : .infinity
            return
        }
        let w = logTerms.map { exp($0 - m) }
        let mean = w.reduce(0, +) / n
        value = m + log(mean)
        guard logTerms.count > 1 else {
            standardError = .infinity
            return
        }
        let variance = w.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        standardError = (variance / n).squareRoot() / mean
    }
}
