#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension GaussianMixture: DensityModel {
    /// log p(x) = logsumexpⱼ [log πⱼ + log N(x | μⱼ, Σⱼ)]: finite far from every component.
    public func logDensity(at x: ArraySlice<Double>) -> Double {
        var acc = LogSumExpAccumulator()
        for (w, c) in zip(weights, components) { acc.add(log(w) + c.logDensity(at: x)) }
        return acc.value
    }

    /// The batched log-density: each component evaluated over all points at once, then a
    /// log-sum-exp per point.
    public func logDensities(at points: PointSet) -> [Double] {
        let joint = logJoint(points)
        let k = componentCount
        return (0..<points.count).map { logSumExp(joint.values[($0 * k)..<(($0 + 1) * k)]) }
    }

    /// Per draw: one `nextUniform()` picks component j by the cumulative weights, then the
    /// component draws x as `Gaussian.sample` does (d normals).
    public func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet {
        var out = PointSet(dimension: dimension, values: [])
        for _ in 0..<count {
            let u = generator.nextUniform()
            var cumulative = 0.0
            var j = componentCount - 1
            for (index, w) in weights.enumerated() {
                cumulative += w
                if u < cumulative { j = index; break }
            }
            out.append(components[j].sample(1, using: &generator).values)
        }
        return out
    }

    /// Kind "gmm"; parameters `components` (k), `covarianceType`, `weights` (π), `means`
    /// (k × d, row j is μⱼ) and `covariances` (k × d², row j is Σⱼ row-major).
    public var summary: ModelSummary {
        let k = componentCount, d = dimension
        return ModelSummary(kind: "gmm", parameters: [
            ModelParameter(key: "components", symbol: "K", value: .integer(k)),
            ModelParameter(key: "covarianceType", symbol: "\\Sigma_j", value: .text(covarianceType.rawValue)),
            ModelParameter(key: "weights", symbol: "\\pi", value: .vector(weights)),
            ModelParameter(key: "means", symbol: "\\boldsymbol{\\mu}_j",
                           value: .matrix(rows: k, columns: d, values: components.flatMap(\.mean))),
            ModelParameter(key: "covariances", symbol: "\\Sigma_j",
                           value: .matrix(rows: k, columns: d * d, values: components.flatMap(\.covariance.values)),
                           note: "row j is Σⱼ, row-major"),
        ])
    }
}
