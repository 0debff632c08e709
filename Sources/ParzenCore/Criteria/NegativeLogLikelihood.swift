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
/// - Cost: N log-density evaluations (the model's batched `logDensities(at:)`).
public func negativeLogLikelihood(of model: some DensityModel, on points: PointSet) -> Estimate {
    precondition(points.count > 0, "the NLL of an empty data set is undefined")
    return Estimate(meanOf: model.logDensities(at: points).map { -$0 })
}
