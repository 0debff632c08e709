/// The first four moments of a sample, coordinate by coordinate (plus the covariance):
/// what "the model's samples look like the data" means at the crudest level.
///
/// ```
/// x̄ = (1/N) Σ xᵢ,  Σ̂ = (1/N) Σ (xᵢ − x̄)(xᵢ − x̄)ᵀ,  mₚ = (1/N) Σ (xᵢ − x̄)ᵖ per coordinate
/// skewness = m₃ / m₂^{3/2},   excess kurtosis = m₄ / m₂² − 3
/// ```
/// These are the biased (plug-in) moments, as `scipy.stats.skew(bias=True)` and
/// `scipy.stats.kurtosis(fisher=True, bias=True)`; a Gaussian has skewness 0 and excess
/// kurtosis 0. A constant coordinate has m₂ = 0 and NaN skewness and kurtosis (as scipy).
/// Cost: N·d² for Σ̂, N·d for the rest.
public struct Moments: Sendable, Equatable, Codable {
    /// The sample mean x̄.
    public let mean: [Double]
    /// The maximum-likelihood covariance Σ̂ (divides by N).
    public let covariance: Matrix
    /// m₃ / m₂^{3/2} per coordinate.
    public let skewness: [Double]
    /// m₄ / m₂² − 3 per coordinate.
    public let excessKurtosis: [Double]

    /// The moments of `points` (at least one point).
    public init(of points: PointSet) {
        precondition(points.count > 0, "moments of an empty sample are undefined")
        let d = points.dimension, n = Double(points.count)
        mean = points.mean()
        covariance = points.covariance(about: mean)
        var skew: [Double] = [], kurt: [Double] = []
        for k in 0..<d {
            var m2 = 0.0, m3 = 0.0, m4 = 0.0
            for i in 0..<points.count {
                let r = points.values[i * d + k] - mean[k]
                let r2 = r * r
                m2 += r2
                m3 += r2 * r
                m4 += r2 * r2
            }
            m2 /= n; m3 /= n; m4 /= n
            skew.append(m2 > 0 ? m3 / (m2 * m2.squareRoot()) : .nan)
            kurt.append(m2 > 0 ? m4 / (m2 * m2) - 3 : .nan)
        }
        skewness = skew
        excessKurtosis = kurt
    }
}
