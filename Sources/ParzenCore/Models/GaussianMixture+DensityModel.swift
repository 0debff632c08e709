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
    /// (The component's draw is written in place: one `sample(1)` per draw allocated four
    /// arrays, a quarter of a 20,000-draw Monte Carlo KL.)
    public func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet {
        let d = dimension
        var values = [Double](repeating: 0, count: count * d)
        var z = [Double](repeating: 0, count: d)
        for i in 0..<count {
            let u = generator.nextUniform()
            var cumulative = 0.0
            var j = componentCount - 1
            for (index, w) in weights.enumerated() {
                cumulative += w
                if u < cumulative { j = index; break }
            }
            for k in 0..<d { z[k] = generator.nextGaussian() }
            // μ + L·z, summed in the order of `Cholesky.multiplyLower`, so the draws are the same.
            let mean = components[j].mean, lower = components[j].cholesky.lower.values
            for r in 0..<d {
                var s = 0.0
                for k in 0...r { s += lower[r * d + k] * z[k] }
                values[i * d + r] = mean[r] + s
            }
        }
        return PointSet(dimension: d, values: values)
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
