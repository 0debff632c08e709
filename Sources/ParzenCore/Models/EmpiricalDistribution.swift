#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The empirical distribution of data o₁ … o_N: a point mass 1/N on every data point,
///
/// ```
/// p_emp(x) = (1/N) Σᵢ δ(x − oᵢ)
/// ```
///
/// It is what maximum likelihood over all distributions returns, and what a kernel density
/// estimate smooths: KDE = p_emp convolved with K_H, and `KernelDensityEstimate` tends to it
/// as β → 0.
///
/// Log-density convention (a Dirac mass has no finite density): `logDensity(at:)` is −∞ off
/// the data and +∞ on a data point; the finite quantity there is the probability mass k/N
/// of the point (k = its multiplicity), given by `logMass(at:)`. So the NLL of held-out data
/// under p_emp is +∞ unless every held-out point repeats a training point — the tutorial's
/// argument for smoothing.
///
/// - Domain: at least one point with finite coordinates (else `ModelError`).
/// - Cost: O(N·d) to build (a hash of the points); O(d) per evaluation; O(d) per draw.
public struct EmpiricalDistribution: DensityModel {
    /// The data o₁ … o_N.
    public let data: PointSet
    /// How many times each distinct point occurs.
    private let multiplicity: [[Double]: Int]

    /// The dimension d of the data.
    public var dimension: Int { data.dimension }

    /// The empirical distribution of `data`.
    /// - Throws: `ModelError` for empty data or non-finite coordinates.
    public init(data: PointSet) throws {
        guard data.count >= 1 else { throw ModelError.tooFewPoints("an empirical distribution", needed: 1, got: 0) }
        guard data.values.allSatisfy(\.isFinite) else {
            throw ModelError(
                .invalidParameter, problem: "the data contain NaN or infinite values", fix: "remove or fix those points"
            )
        }
        self.data = data
        var counts: [[Double]: Int] = [:]
        for i in 0..<data.count { counts[Array(data[i]), default: 0] += 1 }
        multiplicity = counts
    }

    /// +∞ on a data point, −∞ elsewhere (see the type's note on Dirac masses).
    public func logDensity(at x: ArraySlice<Double>) -> Double {
        precondition(x.count == dimension, "point has dimension \(x.count), model has \(dimension)")
        return multiplicity[Array(x)] == nil ? -.infinity : .infinity
    }

    /// log(k/N), the log probability mass at x: k is the number of data points equal to x
    /// (−∞ when x is not a data point).
    public func logMass(at x: ArraySlice<Double>) -> Double {
        guard let k = multiplicity[Array(x)] else { return -.infinity }
        return log(Double(k) / Double(data.count))
    }

    /// `count` draws with replacement from the data (bootstrap resampling): each draw is
    /// oᵢ with i uniform in 0 ..< N.
    public func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet {
        data.selecting((0..<count).map { _ in generator.nextIndex(below: data.count) })
    }

    /// kind "empirical"; parameters: number of points N.
    public var summary: ModelSummary {
        ModelSummary(kind: "empirical", parameters: [
            ModelParameter(key: "points", symbol: "N", value: .integer(data.count),
                           note: "a point mass 1/N on every data point"),
        ])
    }
}
