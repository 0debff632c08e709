extension ProbabilisticPCA: DensityModel {
    /// The exact log N(x | μ, W Wᵀ + σ² I).
    public func logDensity(at x: ArraySlice<Double>) -> Double {
        marginal.logDensity(at: x)
    }

    /// Ancestral sampling, the generative story itself: per draw, k normals for z, then d
    /// normals for ε, and x = W z + μ + σ ε.
    public func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet {
        let d = dimension, k = latentDimension
        let sigma = noiseVariance.squareRoot()
        var values: [Double] = []
        values.reserveCapacity(count * d)
        var z = [Double](repeating: 0, count: k)
        for _ in 0..<count {
            for j in 0..<k { z[j] = generator.nextGaussian() }
            let wz = loadings * z
            for i in 0..<d { values.append(wz[i] + mean[i] + sigma * generator.nextGaussian()) }
        }
        return PointSet(dimension: d, values: values)
    }

    /// Kind "ppca"; parameters `latentDimension` (k), `mean` (μ), `loadings` (W),
    /// `noiseVariance` (σ²).
    public var summary: ModelSummary {
        ModelSummary(kind: "ppca", parameters: [
            ModelParameter(key: "latentDimension", symbol: "k", value: .integer(latentDimension)),
            ModelParameter(key: "mean", symbol: "\\boldsymbol{\\mu}", value: .vector(mean)),
            ModelParameter(key: "loadings", symbol: "W",
                           value: .matrix(rows: dimension, columns: latentDimension, values: loadings.values),
                           note: "determined up to a rotation W R; columns are scaled principal axes"),
            ModelParameter(key: "noiseVariance", symbol: "\\sigma^2", value: .scalar(noiseVariance)),
        ])
    }
}
