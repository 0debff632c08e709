#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The average negative log-likelihood of a kernel density estimate, with how it was computed
/// and a bound on the error of that computation (not the statistical standard error).
public struct NegativeLogLikelihoodEvaluation: Sendable, Equatable {
    /// L with its standard error, as `negativeLogLikelihood(of:on:)`.
    public let estimate: Estimate
    /// `.exact` or `.binned` (binned may include exactly evaluated points, `exactPoints`).
    public let method: DensityEvaluation
    /// A bound on |L̃ − L|, the mean of the per-point log-density bounds (0 when exact).
    public let bound: Double
    /// How many points were evaluated by the exact sum.
    public let exactPoints: Int

    /// bound/|L̃|, the guaranteed relative accuracy of L̃ (+∞ when L̃ = 0 and bound > 0).
    public var relativeBound: Double { bound == 0 ? 0 : bound / abs(estimate.value) }
}

/// The average negative log-likelihood of a KDE on `points`, exact, binned or auto:
///
/// ```
/// L = −(1/M) Σⱼ log p(xⱼ),   |L̃ − L| ≤ (1/M) Σⱼ bⱼ   (bⱼ: the per-point bound of log p̃(xⱼ))
/// ```
/// `.auto` bins (when binning applies and pays, see `DensityEvaluation`) and then evaluates
/// exactly every point whose bound exceeds ½·`relativeTolerance`·|L̃|, so the reported bound is
/// at most about half the requested relative accuracy; if L̃ is so close to 0 that this fails,
/// everything is exact.
///
/// - Parameter relativeTolerance: for `.auto`, the guaranteed bound/|L| (default 1e-8).
/// - Cost: see `KernelDensityEstimate.logDensities(at:method:tolerance:)`; N = 10⁶ training
///   points in 1-D ≈ tens of milliseconds binned, minutes exact.
public func negativeLogLikelihood(of kde: KernelDensityEstimate, on points: PointSet, method: DensityEvaluation,
                                  relativeTolerance: Double = 1e-8) -> NegativeLogLikelihoodEvaluation {
    precondition(points.count > 0, "the NLL of an empty data set is undefined")
    // The grid is designed for 1e-10 per point: below ½·1e-8·|L| for any L above 0.02 nats.
    let binned = method == .binned || (method == .auto && kde.binningPays(at: points.count))
    var evaluation = kde.logDensities(at: points, method: binned ? .binned : .exact, tolerance: 1e-10)
    if method == .auto && evaluation.method == .binned {
        let finite = evaluation.values.filter(\.isFinite)
        let rough = finite.isEmpty ? 0 : abs(finite.reduce(0, +) / Double(finite.count))
        evaluation = kde.completed(evaluation.values, evaluation.errorBounds, at: points,
                                   limit: 0.5 * relativeTolerance * rough)
        let bound = evaluation.errorBounds.reduce(0, +) / Double(points.count)
        let value = abs(evaluation.values.reduce(0, +) / Double(points.count))
        if !(bound <= relativeTolerance * (value - bound)) {
            evaluation = kde.logDensities(at: points, method: .exact)
        }
    }
    let bound = evaluation.errorBounds.reduce(0, +) / Double(points.count)
    return NegativeLogLikelihoodEvaluation(
        estimate: Estimate(meanOf: evaluation.values.map { -$0 }), method: evaluation.method,
                                           bound: bound, exactPoints: evaluation.exactPoints)
}
