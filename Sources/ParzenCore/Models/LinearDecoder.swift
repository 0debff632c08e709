/// The linear decoder G(z) = W z + μ: with Gaussian noise it is probabilistic PCA, whose
/// marginal N(μ, W Wᵀ + σ² I) is exact — the check on the Monte Carlo estimators.
public struct LinearDecoder: LatentDecoder, Equatable, Codable {
    /// W, d × k.
    public let weights: Matrix
    /// μ, length d.
    public let offset: [Double]

    /// G(z) = W z + μ.
    /// - Throws: `ModelError` when μ's length differs from W's row count.
    public init(weights: Matrix, offset: [Double]) throws {
        guard offset.count == weights.rows else {
            throw ModelError.dimensionMismatch("the offset μ", expected: weights.rows, got: offset.count)
        }
        self.weights = weights
        self.offset = offset
    }

    /// k, the number of columns of W.
    public var latentDimension: Int { weights.columns }
    /// d, the number of rows of W.
    public var outputDimension: Int { weights.rows }
    /// W z + μ.
    public func decode(_ z: [Double]) -> [Double] { decode(batch: z, count: 1) }
    /// W zᵣ + μ for each row zᵣ of `latents`, in one array, eight points at a time in SIMD
    /// lanes (`Matrix.eightAtATime`): each sum starts from 0, adds the products in column order,
    /// then μᵢ, as `decode` does. Cost: n·d·k multiply-adds.
    public func decode(batch latents: [Double], count n: Int) -> [Double] {
        let k = latentDimension, d = outputDimension
        precondition(latents.count == n * k, "\(n) latent points need \(n * k) coordinates, got \(latents.count)")
        let zeros = [Double](repeating: 0, count: d)
        return latents.withUnsafeBufferPointer { z in
            Matrix.eightAtATime(z, count: n, inputs: k, outputs: d) { input, output, _ in
                weights.laneProducts(input, startingFrom: zeros, into: output)
                for i in 0..<d { output[i] += offset[i] }
            }
        }
    }
    /// W, the same at every z.
    public func jacobian(at z: [Double]) -> Matrix { weights }
    /// "linear map W z + μ, k → d".
    public var description: String { "linear map W z + μ, \(latentDimension) → \(outputDimension)" }
}
