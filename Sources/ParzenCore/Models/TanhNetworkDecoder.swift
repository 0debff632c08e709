#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-hidden-layer tanh network with given parameters, the tutorial's "neural decoder":
///
/// ```
/// G(z) = W₂ tanh(W₁ z + b₁) + b₂,    W₁: h × k,  b₁: h,  W₂: d × h,  b₂: d
/// ∂G/∂z = W₂ diag(1 − tanh²(W₁ z + b₁)) W₁
/// ```
/// Nothing is trained here: the parameters are fixed, so the only question is the
/// intractable integral p(x) = ∫ p(z) p(x | z) dz.
public struct TanhNetworkDecoder: LatentDecoder, Equatable, Codable {
    /// W₁ (h × k).
    public let inputWeights: Matrix
    /// b₁ (h).
    public let hiddenBias: [Double]
    /// W₂ (d × h).
    public let outputWeights: Matrix
    /// b₂ (d).
    public let outputBias: [Double]

    /// A network from its parameters.
    /// - Throws: `ModelError` when the shapes do not chain (W₁ h × k, b₁ h, W₂ d × h, b₂ d).
    public init(inputWeights: Matrix, hiddenBias: [Double], outputWeights: Matrix, outputBias: [Double]) throws {
        guard hiddenBias.count == inputWeights.rows else {
            throw ModelError.dimensionMismatch("b₁", expected: inputWeights.rows, got: hiddenBias.count)
        }
        guard outputWeights.columns == inputWeights.rows else {
            throw ModelError.dimensionMismatch("W₂'s columns", expected: inputWeights.rows, got: outputWeights.columns)
        }
        guard outputBias.count == outputWeights.rows else {
            throw ModelError.dimensionMismatch("b₂", expected: outputWeights.rows, got: outputBias.count)
        }
        self.inputWeights = inputWeights
        self.hiddenBias = hiddenBias
        self.outputWeights = outputWeights
        self.outputBias = outputBias
    }

    /// A network with seeded random parameters, for demonstrations: entries of W₁ are
    /// N(0, gain²/k), of W₂ N(0, 1/h), biases N(0, 0.1²), drawn in the order W₁, b₁, W₂, b₂
    /// (row-major) with `nextGaussian()`.
    public static func random(latentDimension k: Int, hidden h: Int, outputDimension d: Int,
                              gain: Double = 2, seed: UInt64) -> TanhNetworkDecoder {
        precondition(k >= 1 && h >= 1 && d >= 1, "all layer sizes must be positive")
        var g = Xoshiro256StarStar(seed: seed)
        let w1 = Matrix(
            rows: h, columns: k, values: (0..<(h * k)).map { _ in gain / Double(k).squareRoot() * g.nextGaussian() })
        let b1 = (0..<h).map { _ in 0.1 * g.nextGaussian() }
        let w2 = Matrix(
            rows: d, columns: h, values: (0..<(d * h)).map { _ in g.nextGaussian() / Double(h).squareRoot() })
        let b2 = (0..<d).map { _ in 0.1 * g.nextGaussian() }
        // The shapes chain by construction.
        return try! TanhNetworkDecoder(inputWeights: w1, hiddenBias: b1, outputWeights: w2, outputBias: b2)
    }

    /// k, the number of columns of W₁.
    public var latentDimension: Int { inputWeights.columns }
    /// d, the number of rows of W₂.
    public var outputDimension: Int { outputWeights.rows }

    /// tanh(W₁ z + b₁) for one point: scalar sums in column order (as the batch's lanes add
    /// them), then the h units' tanh eight at a time by `hyperbolicTangents` (within 4 ulp of
    /// libm's): ⌈h/8⌉ evaluations, not h as in the batch's one-point-per-lane layout (the mode
    /// search decodes and differentiates one point at a time, often). The same bits as a batch:
    /// tanh is lane by lane.
    private func hiddenLayer(_ z: [Double]) -> [Double] {
        let k = latentDimension, h = inputWeights.rows
        precondition(z.count == k, "z needs \(k) coordinates, got \(z.count)")
        var a = inputWeights.values.withUnsafeBufferPointer { w in
            (0..<h).map { i in
                var sum = hiddenBias[i]
                for j in 0..<k { sum += w[i * k + j] * z[j] }
                return sum
            }
        }
        a.withUnsafeMutableBufferPointer { hyperbolicTangents($0) }
        return a
    }

    /// W₂ tanh(W₁ z + b₁) + b₂, one point by scalar sums (`hiddenLayer`).
    public func decode(_ z: [Double]) -> [Double] {
        let a = hiddenLayer(z), h = inputWeights.rows
        return outputWeights.values.withUnsafeBufferPointer { w in
            (0..<outputDimension).map { i in
                var sum = outputBias[i]
                for j in 0..<h { sum += w[i * h + j] * a[j] }
                return sum
            }
        }
    }

    /// W₂ tanh(W₁ zᵣ + b₁) + b₂ for each row zᵣ of `latents`, in one array: eight points at a
    /// time, one per SIMD lane, through both layers without leaving L1 (`Matrix.eightAtATime`;
    /// each point's bits are those of `decode` on it alone). Cost: n·h·(k + d) multiply-adds
    /// and n·h tanh.
    public func decode(batch latents: [Double], count n: Int) -> [Double] {
        let k = latentDimension, h = inputWeights.rows
        precondition(latents.count == n * k, "\(n) latent points need \(n * k) coordinates, got \(latents.count)")
        return latents.withUnsafeBufferPointer { z in
            Matrix.eightAtATime(z, count: n, inputs: k, outputs: outputDimension, scratch: h) { input, output, hidden in
                inputWeights.laneProducts(input, startingFrom: hiddenBias, into: hidden)
                for i in 0..<h { hidden[i] = hyperbolicTangent(hidden[i]) }
                outputWeights.laneProducts(hidden, startingFrom: outputBias, into: output)
            }
        }
    }

    /// W₂ diag(1 − tanh²(W₁ z + b₁)) W₁, a d × k matrix.
    public func jacobian(at z: [Double]) -> Matrix {
        let a = hiddenLayer(z)
        var scaled = inputWeights
        for i in 0..<scaled.rows {
            let slope = 1 - a[i] * a[i]
            for j in 0..<scaled.columns { scaled[i, j] *= slope }
        }
        return outputWeights * scaled
    }

    /// "tanh network k → h → d".
    public var description: String {
        "tanh network \(latentDimension) → \(inputWeights.rows) → \(outputDimension)"
    }
}
