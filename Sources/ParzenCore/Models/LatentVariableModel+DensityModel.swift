import Dispatch

extension LatentVariableModel: DensityModel {
    /// The importance-sampling estimate of log p(x) with `evaluationSamples` draws, the
    /// generator reseeded with `evaluationSeed` for each point (deterministic, but an
    /// estimate: see `importanceSamplingLogDensity` for its standard error).
    public func logDensity(at x: ArraySlice<Double>) -> Double {
        var generator = Xoshiro256StarStar(seed: evaluationSeed)
        return importanceSamplingLogDensity(at: Array(x), samples: evaluationSamples, using: &generator).value
    }

    /// `logDensity(at:)` for every point, the points spread over all cores. Every point's
    /// estimate reseeds the generator, so all use the same draws: they are drawn once and
    /// shared, and the result does not depend on the scheduling.
    /// Cost: N × `evaluationSamples` decoder evaluations, divided among the cores.
    public func logDensities(at points: PointSet) -> [Double] {
        precondition(points.dimension == dimension, "points have dimension \(points.dimension), model has \(dimension)")
        var generator = Xoshiro256StarStar(seed: evaluationSeed)
        let draws = Self.standardNormals(evaluationSamples * latentDimension, using: &generator)
        var out = [Double](repeating: 0, count: points.count)
        out.withUnsafeMutableBufferPointer { buffer in
            // Each iteration writes only its own slot, so the unsynchronised writes never overlap.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: points.count) { i in
                slots[i] = importanceSamplingLogDensity(
                    at: Array(points[i]), draws: draws, proposalScale: Self.defaultProposalScale
                ).value
            }
        }
        return out
    }

    /// Ancestral sampling: per draw, k normals for z, then d normals for ε; x = G(z) + σ ε.
    public func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet {
        let sigma = noiseVariance.squareRoot()
        var out = PointSet(dimension: dimension, values: [])
        var z = [Double](repeating: 0, count: latentDimension)
        for _ in 0..<count {
            for j in 0..<latentDimension { z[j] = generator.nextGaussian() }
            out.append(decoder.decode(z).map { $0 + sigma * generator.nextGaussian() })
        }
        return out
    }

    /// Kind "latent"; parameters `latentDimension` (k), `decoder` (a description of G),
    /// `noiseVariance` (σ²), `evaluationSamples`.
    public var summary: ModelSummary {
        ModelSummary(kind: "latent", parameters: [
            ModelParameter(key: "latentDimension", symbol: "k", value: .integer(latentDimension)),
            ModelParameter(key: "decoder", symbol: "G_\\theta", value: .text(decoder.description)),
            ModelParameter(key: "noiseVariance", symbol: "\\sigma^2", value: .scalar(noiseVariance)),
            ModelParameter(key: "evaluationSamples", symbol: "n", value: .integer(evaluationSamples),
                           note: "importance samples per log-density estimate"),
        ])
    }
}
