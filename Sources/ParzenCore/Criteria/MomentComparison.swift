/// Moment matching: the moments of samples drawn from a model next to those of the data.
///
/// Sampling error: with n model draws, a mean differs from the model's true mean by about
/// σ/√n and a skewness by about √(6/n) (Gaussian case); draw enough samples (the default
/// 10⁴ gives ±0.02σ and ±0.025) that the differences shown are the model's, not noise.
public struct MomentComparison: Sendable, Equatable, Codable {
    /// Moments of the model's samples.
    public let model: Moments
    /// Moments of the data.
    public let data: Moments
    /// How many model samples were drawn.
    public let sampleCount: Int

    /// Draws `samples` points from `model` and compares their moments with `data`'s.
    /// - Throws: `ModelError` when the dimensions differ or `samples` < 2.
    public init(model: some DensityModel, data: PointSet, samples: Int = 10_000,
                using generator: inout Xoshiro256StarStar) throws {
        guard model.dimension == data.dimension else {
            throw ModelError.dimensionMismatch("the data", expected: model.dimension, got: data.dimension)
        }
        guard samples >= 2 else {
            throw ModelError.invalidParameter(
                "the number of model samples", "\(samples)", expected: "at least 2, e.g. 10000")
        }
        guard data.count >= 1 else { throw ModelError.tooFewPoints("a moment comparison", needed: 1, got: 0) }
        self.model = Moments(of: model.sample(samples, using: &generator))
        self.data = Moments(of: data)
        sampleCount = samples
    }
}
