#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension StudentT: DensityModel {
    /// log t_ν(x | μ, Σ) = log p(μ) − ((ν+d)/2) log1p(δ(x)/ν); see the type's formula.
    public func logDensity(at x: ArraySlice<Double>) -> Double {
        precondition(x.count == dimension, "point has dimension \(x.count), model has \(dimension)")
        return logConstant - 0.5 * (degreesOfFreedom + Double(dimension)) * log1p(squaredDistance(x) / degreesOfFreedom)
    }

    /// Draws x = μ + L·z / √(g/ν) with z ∼ N(0, I) (d normals) and g ∼ χ²_ν = 2·Gamma(ν/2)
    /// (`GammaVariate`), the normal–gamma mixture that defines the t.
    public func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet {
        let d = dimension
        var values: [Double] = []
        values.reserveCapacity(count * d)
        var z = [Double](repeating: 0, count: d)
        for _ in 0..<count {
            for k in 0..<d { z[k] = generator.nextGaussian() }
            let g = 2 * GammaVariate.next(shape: 0.5 * degreesOfFreedom, using: &generator)
            let factor = (degreesOfFreedom / g).squareRoot()
            let offset = cholesky.multiplyLower(z)
            for k in 0..<d { values.append(location[k] + factor * offset[k]) }
        }
        return PointSet(dimension: d, values: values)
    }

    /// Kind "student_t"; in 1-D `df` (ν), `loc` (μ), `scale` (σ), scipy's names and order;
    /// in d-D `df`, `location` (μ) and `scatter` (Σ, not the covariance).
    public var summary: ModelSummary {
        let df = ModelParameter(key: "df", symbol: "\\nu", value: .scalar(degreesOfFreedom),
                                note: fitReport?.degreesOfFreedomBound == .upper
                                    ? "at the upper end of the search range: the tails are no heavier than a Gaussian's"
                                    : fitReport?.degreesOfFreedomBound == .lower
                                        ? "at the lower end of the search range" : nil)
        if dimension == 1 {
            return ModelSummary(kind: "student_t", parameters: [
                df,
                ModelParameter(key: "loc", symbol: "\\mu", value: .scalar(location[0])),
                ModelParameter(key: "scale", symbol: "\\sigma", value: .scalar(scale),
                               note: "scipy's scale; the variance is σ²ν/(ν − 2) for ν > 2"),
            ])
        }
        return ModelSummary(kind: "student_t", parameters: [
            df,
            ModelParameter(key: "location", symbol: "\\boldsymbol{\\mu}", value: .vector(location)),
            ModelParameter(key: "scatter", symbol: "\\Sigma",
                           value: .matrix(rows: dimension, columns: dimension, values: scatter.values),
                           note: "scatter matrix; the covariance is Σν/(ν − 2) for ν > 2"),
        ])
    }
}
