/// The average negative log-likelihood of a model on data, the loss of maximum-likelihood
/// training and the tutorial's yardstick for comparing models on held-out data:
///
/// ```
/// L(θ) = −(1/N) Σᵢ log p(xᵢ; θ),   SE = s/√N,   s² = Σᵢ (ℓᵢ − L)²/(N − 1),  ℓᵢ = −log p(xᵢ; θ)
/// ```
/// In nats per point; smaller is better. The standard error treats the points as i.i.d.
/// draws from the data distribution: it measures how much L would move on another sample
/// of the same size, so two models whose NLLs differ by less than ~2 SE are not
/// distinguishable on this data (for a paired comparison use the per-point differences).
///
/// - Domain: `points.dimension == model.dimension` (precondition). A point of zero density
///   (log p = −∞, e.g. the empirical distribution off the data) makes L = +∞ with SE +∞.
/// - Accuracy: exact, except for a Gaussian KDE in 1-D or 2-D with many points, which is
///   evaluated by `negativeLogLikelihood(of:on:method:)` with `.auto`: binned only where the
///   computed bound guarantees |L̃ − L| ≤ 1e-8·|L|.
/// - Cost: N log-density evaluations (the model's batched `logDensities(at:)`).
public func negativeLogLikelihood(of model: some DensityModel, on points: PointSet) -> Estimate {
    precondition(points.count > 0, "the NLL of an empty data set is undefined")
    if let kde = model as? KernelDensityEstimate {
        return negativeLogLikelihood(of: kde, on: points, method: .auto).estimate
    }
    return Estimate(meanOf: model.logDensities(at: points).map { -$0 })
}

/// The paired NLL difference of two models on the same points, L(a) − L(b), with the
/// standard error of the per-point differences:
///
/// ```
/// Δ = (1/N) Σᵢ [log p_b(xᵢ) − log p_a(xᵢ)],   SE = s_Δ/√N
/// ```
/// Negative Δ means model a fits better. Because the points are shared, the noise common
/// to both NLLs cancels: this SE is usually far smaller than either model's own SE, and it
/// is the right one for "is a better than b on this data?".
///
/// - Domain: equal dimensions (precondition). A point where both densities are 0
///   contributes 0; where only one is, Δ is ±∞.
/// - Cost: 2N log-density evaluations.
public func negativeLogLikelihoodDifference(of a: some DensityModel, minus b: some DensityModel,
                                            on points: PointSet) -> Estimate {
    precondition(points.count > 0, "the NLL of an empty data set is undefined")
    precondition(a.dimension == b.dimension, "the models have dimensions \(a.dimension) and \(b.dimension)")
    let logA = a.logDensities(at: points), logB = b.logDensities(at: points)
    return Estimate(meanOf: zip(logA, logB).map { $0 == $1 ? 0 : $1 - $0 })
}
