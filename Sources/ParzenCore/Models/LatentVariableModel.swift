#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A nonlinear latent-variable model, the tutorial's "intractable marginal" made visible:
///
/// ```
/// z ∼ N(0, I_k),   x = G_θ(z) + ε,   ε ∼ N(0, σ² I_d)
/// p(x) = ∫ N(z | 0, I) N(x | G(z), σ² I) dz
/// ```
/// Sampling is easy (ancestral: draw z, decode, add noise); the density is not, so log p(x)
/// is *estimated*, with a standard error, in two ways:
///
/// - `priorSamplingLogDensity`: p̂ = (1/n) Σ p(x | zᵢ), zᵢ ∼ N(0, I). Unbiased for p(x), but
///   almost every zᵢ misses the small region of latent space that explains x, and the
///   region shrinks exponentially with k: the relative error explodes with the latent
///   dimension (see `relativeErrorByLatentDimension`).
/// - `importanceSamplingLogDensity`: zᵢ ∼ q = N(ẑ, s² H⁻¹) around the posterior mode ẑ with
///   the Gauss–Newton curvature H = I + JᵀJ/σ² (a Laplace approximation widened by s), and
///   p̂ = (1/n) Σ p(zᵢ) p(x | zᵢ) / q(zᵢ). Unbiased as well, and far more accurate when the
///   posterior is unimodal; for a linear G the posterior is exactly N(ẑ, H⁻¹).
///
/// Both report log p̂ with the delta-method SE of `Estimate(logMeanExpOf:)`; log p̂ is
/// biased low by about SE²/2 (Jensen).
///
/// As a `DensityModel`, `logDensity(at:)` is the importance-sampling estimate with
/// `evaluationSamples` draws from a generator seeded with `evaluationSeed` for every point,
/// so it is deterministic — but it is an estimate, not an exact density.
///
/// - Reference: C. M. Bishop, *Pattern Recognition and Machine Learning*, §11.1.4
///   (importance sampling) and §4.4 (Laplace approximation).
public struct LatentVariableModel: Sendable {
    /// G_θ.
    public let decoder: any LatentDecoder
    /// σ², the observation noise variance.
    public let noiseVariance: Double
    /// Importance samples per point used by `logDensity(at:)`.
    public let evaluationSamples: Int
    /// The seed used by `logDensity(at:)` (the same for every point).
    public let evaluationSeed: UInt64

    /// The model x = G(z) + ε with ε ∼ N(0, σ² I).
    /// - Throws: `ModelError` when σ² ≤ 0 or `evaluationSamples` < 2.
    public init(decoder: any LatentDecoder, noiseVariance: Double, evaluationSamples: Int = 1000,
                evaluationSeed: UInt64 = 0) throws {
        guard noiseVariance > 0, noiseVariance.isFinite else {
            throw ModelError.invalidParameter("σ²", "\(noiseVariance)", expected: "a positive noise variance")
        }
        guard evaluationSamples >= 2 else {
            throw ModelError.invalidParameter(
                "evaluationSamples", "\(evaluationSamples)", expected: "at least 2, e.g. 1000")
        }
        self.decoder = decoder
        self.noiseVariance = noiseVariance
        self.evaluationSamples = evaluationSamples
        self.evaluationSeed = evaluationSeed
    }

    /// d.
    public var dimension: Int { decoder.outputDimension }
    /// k.
    public var latentDimension: Int { decoder.latentDimension }

    /// log N(x | G(z), σ² I).
    public func logLikelihood(of x: [Double], given z: [Double]) -> Double {
        precondition(
            x.count == dimension && z.count == latentDimension,
            "x needs \(dimension) and z \(latentDimension) coordinates")
        return decoder.decode(z).withUnsafeBufferPointer { logLikelihood(of: x, decoded: $0.baseAddress!) }
    }

    /// log N(x | g, σ² I) for the d values g = G(z) at `g`.
    private func logLikelihood(of x: [Double], decoded g: UnsafePointer<Double>) -> Double {
        var s = 0.0
        for i in 0..<dimension { let r = x[i] - g[i]; s += r * r }
        return -0.5 * (Double(dimension) * log(2 * Double.pi * noiseVariance) + s / noiseVariance)
    }

    /// log N(z | 0, I) for the k values z at `z`.
    private func logPrior(_ z: UnsafePointer<Double>) -> Double {
        var s = 0.0
        for j in 0..<latentDimension { s += z[j] * z[j] }
        return -0.5 * (Double(latentDimension) * log(2 * Double.pi) + s)
    }

    /// `count` standard normals from `generator`, in its order: n draws of z ∈ ℝᵏ, row by row.
    static func standardNormals(_ count: Int, using generator: inout Xoshiro256StarStar) -> [Double] {
        [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count { buffer[i] = generator.nextGaussian() }
            initialized = count
        }
    }

    /// Plain Monte Carlo over the prior: log of (1/n) Σ p(x | zᵢ), zᵢ ∼ N(0, I), with its
    /// delta-method SE. Uses n·k normals. Cost: n decoder evaluations.
    /// - Precondition: x has d coordinates, n ≥ 2.
    public func priorSamplingLogDensity(at x: [Double], samples n: Int,
                                        using generator: inout Xoshiro256StarStar) -> Estimate {
        precondition(x.count == dimension && n >= 2, "need a point of dimension \(dimension) and at least 2 samples")
        return priorSamplingLogDensity(at: x, draws: Self.standardNormals(n * latentDimension, using: &generator))
    }

    /// `priorSamplingLogDensity` from given draws: `draws` holds n·k standard normals, zᵢ in
    /// row i.
    func priorSamplingLogDensity(at x: [Double], draws z: [Double]) -> Estimate {
        let n = z.count / latentDimension, d = dimension
        let g = decoder.decode(batch: z, count: n)
        let logTerms = g.withUnsafeBufferPointer { decoded in
            (0..<n).map { r in logLikelihood(of: x, decoded: decoded.baseAddress! + r * d) }
        }
        return Estimate(logMeanExpOf: logTerms)
    }

    /// The Laplace approximation N(ẑ, H⁻¹) to p(z | x): ẑ maximises
    /// log p(z) + log p(x | z) = −½‖z‖² − ‖x − G(z)‖²/(2σ²) + const, found by Gauss–Newton
    /// from z = 0 with step halving (at most 100 steps; exact in one step for linear G);
    /// H = I + JᵀJ/σ² is the Gauss–Newton curvature at ẑ.
    ///
    /// A local method: for a multimodal posterior it finds one mode (the importance sampler
    /// stays unbiased but its variance grows). Cost per step: d·k² + k³.
    public func laplaceApproximation(at x: [Double]) -> (mode: [Double], curvature: Cholesky) {
        precondition(x.count == dimension, "point has dimension \(x.count), model has \(dimension)")
        let k = latentDimension
        // The objective at z and G(z): the decoded point of an accepted step is the next
        // step's residual, so each accepted z is decoded once.
        func objective(_ z: [Double]) -> (value: Double, decoded: [Double]) {
            let g = decoder.decode(z)
            var s = 0.0
            for i in 0..<dimension { let r = x[i] - g[i]; s += r * r }
            return (0.5 * z.reduce(0) { $0 + $1 * $1 } + 0.5 * s / noiseVariance, g)
        }
        func curvature(_ z: [Double]) -> (Matrix, Cholesky) {
            let j = decoder.jacobian(at: z)
            let h = (1 / noiseVariance) * (j.transposed * j)
            // I + JᵀJ/σ² ≥ I is positive definite, so the factorisation cannot fail.
            return (j, try! Cholesky(h.addingToDiagonal(1)))
        }
        var z = [Double](repeating: 0, count: k)
        var (f, decoded) = objective(z)
        // The curvature at the current z once computed (a rejected step leaves z as it was).
        var current: Cholesky?
        for _ in 0..<100 {
            let (j, h) = curvature(z)
            current = h
            let residual = zip(x, decoded).map { $0 - $1 }
            let pull = j.transposed * residual
            let gradient = (0..<k).map { z[$0] - pull[$0] / noiseVariance }
            let step = h.solve(gradient).map { -$0 }
            var t = 1.0
            var candidate = zip(z, step).map { $0 + t * $1 }
            var (fc, gc) = objective(candidate)
            while !(fc <= f) && t > 1e-12 {
                t /= 2
                candidate = zip(z, step).map { $0 + t * $1 }
                (fc, gc) = objective(candidate)
            }
            if !(fc <= f) { break }
            let moved = zip(z, candidate).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
            z = candidate
            f = fc
            decoded = gc
            current = nil
            if moved <= 1e-12 * (1 + z.reduce(0) { $0 + $1 * $1 }.squareRoot()) { break }
        }
        return (z, current ?? curvature(z).1)
    }

    /// Importance sampling with the widened Laplace proposal q = N(ẑ, s² H⁻¹):
    /// log of (1/n) Σ p(zᵢ) p(x | zᵢ) / q(zᵢ), zᵢ ∼ q, with its delta-method SE.
    ///
    /// `proposalScale` s > 1 (default 1.5) makes q's tails heavier than a Gaussian
    /// posterior's, so the weights have finite variance (for a Gaussian target that needs
    /// s² > ½ per direction; s = 1.5 costs a variance factor (s²/√(2s² − 1))ᵏ ≈ 1.2ᵏ).
    /// Each draw uses k normals. Cost: n decoder evaluations plus the mode search.
    /// - Precondition: x has d coordinates, n ≥ 2, s > 0.
    public func importanceSamplingLogDensity(at x: [Double], samples n: Int,
                                             proposalScale s: Double = Self.defaultProposalScale,
                                             using generator: inout Xoshiro256StarStar) -> Estimate {
        precondition(
            x.count == dimension && n >= 2 && s > 0, "need a point of dimension \(dimension), at least 2 samples, s > 0"
        )
        let draws = Self.standardNormals(n * latentDimension, using: &generator)
        return importanceSamplingLogDensity(at: x, draws: draws, proposalScale: s)
    }

    /// s = 1.5, the proposal widening of `importanceSamplingLogDensity` and `logDensity(at:)`.
    public static let defaultProposalScale = 1.5

    /// `importanceSamplingLogDensity` from given draws: `draws` holds n·k standard normals,
    /// uᵢ in row i, and zᵢ = ẑ + s·L⁻ᵀuᵢ. The draws do not depend on x, so a batch of points
    /// shares one set (the generator is reseeded per point anyway) and every point costs
    /// only its mode search, n triangular solves and one batched decode.
    func importanceSamplingLogDensity(at x: [Double], draws: [Double], proposalScale s: Double) -> Estimate {
        let k = latentDimension, n = draws.count / k
        let (mode, h) = laplaceApproximation(at: x)
        // z = ẑ + s·L⁻ᵀu has covariance s² H⁻¹ for H = L Lᵀ, and then Lᵀ(z − ẑ)/s = u, so
        // log q(z) = −½ k log 2π − k log s + ½ log det H − ½‖u‖².
        let logQConstant = -0.5 * Double(k) * log(2 * Double.pi) - Double(k) * log(s) + 0.5 * h.logDeterminant
        var logQ = [Double](repeating: 0, count: n)
        draws.withUnsafeBufferPointer { u in
            for r in 0..<n {
                let row = u.baseAddress! + r * k
                var squaredNorm = 0.0
                for j in 0..<k { squaredNorm += row[j] * row[j] }
                logQ[r] = logQConstant - 0.5 * squaredNorm
            }
        }
        // The triangular solves eight draws at a time, one per SIMD lane.
        let z = draws.withUnsafeBufferPointer { u in
            Matrix.eightAtATime(u, count: n, inputs: k, outputs: k) { input, output, _ in
                output.update(from: input, count: k)
                h.solveUpperInPlace(lanes: output)
                for j in 0..<k { output[j] = mode[j] + s * output[j] }
            }
        }
        let g = decoder.decode(batch: z, count: n)
        let d = dimension
        var logTerms = [Double](repeating: 0, count: n)
        z.withUnsafeBufferPointer { latents in
            g.withUnsafeBufferPointer { decoded in
                for r in 0..<n {
                    let prior = logPrior(latents.baseAddress! + r * k)
                    logTerms[r] = prior + logLikelihood(of: x, decoded: decoded.baseAddress! + r * d) - logQ[r]
                }
            }
        }
        return Estimate(logMeanExpOf: logTerms)
    }
}
