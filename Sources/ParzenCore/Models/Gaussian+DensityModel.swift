#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Gaussian: DensityModel {
    /// log N(x | μ, Σ) = −½ d log 2π − ½ log det Σ − ½ ‖L⁻¹(x − μ)‖².
    public func logDensity(at x: ArraySlice<Double>) -> Double {
        precondition(x.count == dimension, "point has dimension \(x.count), model has \(dimension)")
        let residual = zip(x, mean).map { $0 - $1 }
        let quadratic = cholesky.inverseQuadraticForm(residual)
        return -0.5 * (Double(dimension) * log(2 * Double.pi) + cholesky.logDeterminant + quadratic)
    }

    /// The batched log-density: the same formula as `logDensity(at:)`, with the forward
    /// substitution done in place on one scratch buffer (no allocation per point), which is
    /// what makes the E-step of a mixture and Monte Carlo criteria cheap.
    /// Cost: d²/2 multiply-adds per point.
    public func logDensities(at points: PointSet) -> [Double] {
        precondition(points.dimension == dimension, "points have dimension \(points.dimension), model has \(dimension)")
        let d = dimension
        let constant = -0.5 * (Double(d) * log(2 * Double.pi) + cholesky.logDeterminant)
        var scratch = [Double](repeating: 0, count: d)
        var out = [Double](repeating: 0, count: points.count)
        points.values.withUnsafeBufferPointer { x in
            cholesky.lower.values.withUnsafeBufferPointer { l in
                mean.withUnsafeBufferPointer { mu in
                    scratch.withUnsafeMutableBufferPointer { y in
                        for i in 0..<points.count {
                            var quadratic = 0.0
                            for a in 0..<d {
                                var t = x[i * d + a] - mu[a]
                                for b in 0..<a { t -= l[a * d + b] * y[b] }
                                t /= l[a * d + a]
                                y[a] = t
                                quadratic += t * t
                            }
                            out[i] = constant - 0.5 * quadratic
                        }
                    }
                }
            }
        }
        return out
    }

    /// Draws x = μ + L·z with z ∼ N(0, I) from the generator's `nextGaussian()`; each draw
    /// uses exactly d normals, in coordinate order.
    public func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet {
        var values: [Double] = []
        values.reserveCapacity(count * dimension)
        var z = [Double](repeating: 0, count: dimension)
        for _ in 0..<count {
            for k in 0..<dimension { z[k] = generator.nextGaussian() }
            let offset = cholesky.multiplyLower(z)
            for k in 0..<dimension { values.append(mean[k] + offset[k]) }
        }
        return PointSet(dimension: dimension, values: values)
    }

    /// Kind "gaussian"; parameters `mean` (μ) and `covariance` (Σ), or `variance` (σ²) in 1-D.
    public var summary: ModelSummary {
        let note = estimator.map {
            $0 == .maximumLikelihood ? "maximum likelihood (divides by N)" : "unbiased (divides by N − 1)"
        }
        if dimension == 1 {
            return ModelSummary(kind: "gaussian", parameters: [
                ModelParameter(key: "mean", symbol: "\\mu", value: .scalar(mean[0])),
                ModelParameter(key: "variance", symbol: "\\sigma^2", value: .scalar(variance), note: note),
            ])
        }
        return ModelSummary(kind: "gaussian", parameters: [
            ModelParameter(key: "mean", symbol: "\\boldsymbol{\\mu}", value: .vector(mean)),
            ModelParameter(key: "covariance", symbol: "\\Sigma",
                           value: .matrix(rows: dimension, columns: dimension, values: covariance.values), note: note),
        ])
    }
}
