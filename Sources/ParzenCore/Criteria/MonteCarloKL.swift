/// KL(p‖q) by Monte Carlo, for any two models that can be evaluated, p also sampled:
///
/// ```
/// KL(p‖q) = E_{x∼p}[log p(x) − log q(x)] ≈ (1/n) Σᵢ [log p(xᵢ) − log q(xᵢ)],  xᵢ ∼ p
/// ```
/// with the standard error of that mean. The estimate is unbiased; its SE shrinks as 1/√n
/// when log(p/q) has finite variance under p (true for Gaussians, mixtures and KDEs with
/// Gaussian kernels; for q with lighter tails than p it can be infinite, and the SE then
/// understates the error).
///
/// - Domain: equal dimensions, n ≥ 2; throws `ModelError` otherwise. If q(x) = 0 at a draw
///   where p(x) > 0 the estimate is +∞ (KL is infinite), with SE +∞.
/// - Accuracy: a Gaussian KDE (as p or q) is evaluated through its binned grid where that is
///   cheaper and the computed bound on the estimate's evaluation error stays below 10⁻³ of its
///   SE, exactly otherwise (`MonteCarloLogDensities`); every other model exactly.
/// - Cost: n draws from p and 2n log-density evaluations.
/// - Reference: e.g. Hershey & Olsen, "Approximating the Kullback Leibler divergence between
///   Gaussian mixture models", ICASSP 2007, §2.
public func klDivergence(_ p: some DensityModel, _ q: some DensityModel, samples: Int,
                         using generator: inout Xoshiro256StarStar) throws -> Estimate {
    guard p.dimension == q.dimension else {
        throw ModelError.dimensionMismatch("q", expected: p.dimension, got: q.dimension)
    }
    guard samples >= 2 else {
        throw ModelError.invalidParameter(
            "the number of Monte Carlo samples", "\(samples)", expected: "at least 2, e.g. 10000")
    }
    let draws = p.sample(samples, using: &generator)
    // A draw where p itself underflows to −∞ (a compact kernel's boundary) would give
    // −∞ − (−∞) = NaN; such a draw has p = 0 and contributes nothing to the expectation.
    func terms(_ logP: [Double], _ logQ: [Double]) -> [Double] {
        zip(logP, logQ).map { $0 == -.infinity ? 0 : $0 - $1 }
    }
    var parts = [MonteCarloLogDensities(candidate: p, at: draws), MonteCarloLogDensities(candidate: q, at: draws)]
    MonteCarloLogDensities.meet(&parts, of: [p, q], at: draws, fraction: MonteCarloLogDensities.standardErrorFraction) {
        Estimate(meanOf: terms($0[0], $0[1])).standardError
    }
    return Estimate(meanOf: terms(parts[0].values, parts[1].values))
}
