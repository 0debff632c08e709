/// A probability density p(x) on ℝᵈ that can be evaluated and sampled: the common face of
/// every generative model in Parzen (Gaussian, empirical distribution, KDE, mixture,
/// linear and nonlinear latent models).
///
/// Log-densities are natural logarithms. A model returns `-Double.infinity` only where its
/// density is exactly zero (outside a compact kernel's support, off the data for the
/// empirical distribution), never because of underflow: implementations work in log space.
public protocol DensityModel: Sendable {
    /// The dimension d of the space the model lives in.
    var dimension: Int { get }

    /// log p(x) at one point with `dimension` coordinates.
    func logDensity(at x: ArraySlice<Double>) -> Double

    /// log p(xᵢ) for every point of `points`, in order.
    ///
    /// The default calls `logDensity(at:)` per point; models override it with a faster
    /// batched or parallel evaluation when they have one.
    func logDensities(at points: PointSet) -> [Double]

    /// `count` independent draws from the model, reproducible from the generator's seed.
    func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet

    /// The fitted parameters, named as in the tutorial's formulas, for reports and JSON.
    var summary: ModelSummary { get }
}

extension DensityModel {
    public func logDensities(at points: PointSet) -> [Double] {
        precondition(points.dimension == dimension, "points have dimension \(points.dimension), model has \(dimension)")
        return (0..<points.count).map { logDensity(at: points[$0]) }
    }

    /// log p(x) at a point given as an array.
    public func logDensity(at x: [Double]) -> Double {
        logDensity(at: x[...])
    }
}
