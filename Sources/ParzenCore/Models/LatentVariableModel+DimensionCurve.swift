#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// How well the two Monte Carlo estimators of log p(x) do at one latent dimension k, on a
/// linear-Gaussian model where p(x) is known exactly.
public struct LatentDimensionError: Sendable, Equatable {
    /// k.
    public let latentDimension: Int
    /// Mean over the test points of |p̂/p − 1| for sampling from the prior.
    public let priorSamplingRelativeError: Double
    /// Mean over the test points of |p̂/p − 1| for importance sampling.
    public let importanceSamplingRelativeError: Double
    /// Mean over the test points of |log p̂ − log p| for sampling from the prior: unlike the
    /// relative error, which saturates at 1 once p̂ ≪ p, this keeps growing with k.
    public let priorSamplingLogError: Double
    /// Mean over the test points of |log p̂ − log p| for importance sampling.
    public let importanceSamplingLogError: Double
    /// Mean reported (delta-method) SE of log p̂ for sampling from the prior.
    public let priorSamplingStandardError: Double
    /// Mean reported (delta-method) SE of log p̂ for importance sampling.
    public let importanceSamplingStandardError: Double
}

extension LatentVariableModel {
    /// The curve the tutorial plots: relative error of p̂(x) against the latent dimension k.
    ///
    /// For each k: a linear decoder G(z) = W z with W's d × k entries N(0, 1/k) (so x has
    /// the same scale for every k), noise σ²; `points` test points drawn from the model;
    /// log p(x) estimated with `samples` draws by each method and compared with the exact
    /// pPCA marginal N(0, W Wᵀ + σ² I) via |expm1(log p̂ − log p)| and |log p̂ − log p|.
    ///
    /// Randomness, in order, from one generator seeded with `seed`: W (row-major), then per
    /// test point the point itself, its prior-sampling draws, its importance draws.
    ///
    /// - Throws: `ModelError` for an empty or non-positive k, d < 1, σ² ≤ 0, fewer than
    ///   1 point or 2 samples.
    /// - Cost: Σₖ points · samples · d·k, the points spread over all cores.
    public static func relativeErrorByLatentDimension(
        _ latentDimensions: [Int], observedDimension d: Int = 10, noiseVariance: Double = 0.05,
        points: Int = 20, samples: Int = 1000, seed: UInt64 = 0
    ) throws -> [LatentDimensionError] {
        guard !latentDimensions.isEmpty, latentDimensions.allSatisfy({ $0 >= 1 }), d >= 1 else {
            throw ModelError.invalidParameter(
                "the latent dimensions", "\(latentDimensions) with d = \(d)", expected: "positive dimensions")
        }
        guard points >= 1, samples >= 2 else {
            throw ModelError.invalidParameter(
                "points/samples", "\(points)/\(samples)", expected: "at least 1 point and 2 samples")
        }
        var generator = Xoshiro256StarStar(seed: seed)
        var curve: [LatentDimensionError] = []
        for k in latentDimensions {
            let scale = 1 / Double(k).squareRoot()
            let w = Matrix(rows: d, columns: k, values: (0..<(d * k)).map { _ in scale * generator.nextGaussian() })
            let zero = [Double](repeating: 0, count: d)
            let exact = try ProbabilisticPCA(mean: zero, loadings: w, noiseVariance: noiseVariance)
            let model = try LatentVariableModel(
                decoder: try LinearDecoder(weights: w, offset: zero), noiseVariance: noiseVariance)
            // Everything random is drawn first, in the generator's order (per point: the point,
            // its prior draws, its importance draws); then the points' estimates run in
            // parallel and are summed in point order, so the numbers do not depend on scheduling.
            let inputs = (0..<points).map { _ in
                let x = Array(exact.sample(1, using: &generator).values)
                let prior = standardNormals(samples * k, using: &generator)
                return (x: x, prior: prior, importance: standardNormals(samples * k, using: &generator))
            }
            var estimates = [(truth: Double, prior: Estimate, importance: Estimate)?](repeating: nil, count: points)
            estimates.withUnsafeMutableBufferPointer { buffer in
                // Each iteration writes only its own slot, so the unsynchronised writes never overlap.
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: points) { i in
                    let (x, prior, importance) = inputs[i]
                    slots[i] = (exact.logDensity(at: x), model.priorSamplingLogDensity(at: x, draws: prior),
                                model.importanceSamplingLogDensity(at: x, draws: importance,
                                                                   proposalScale: defaultProposalScale))
                }
            }
            var priorError = 0.0, importanceError = 0.0, priorSE = 0.0, importanceSE = 0.0
            var priorLogError = 0.0, importanceLogError = 0.0
            for case let (truth, prior, importance)? in estimates {
                priorError += abs(expm1(prior.value - truth))
                importanceError += abs(expm1(importance.value - truth))
                priorLogError += abs(prior.value - truth)
                importanceLogError += abs(importance.value - truth)
                priorSE += prior.standardError
                importanceSE += importance.standardError
            }
            let m = Double(points)
            curve.append(LatentDimensionError(latentDimension: k, priorSamplingRelativeError: priorError / m,
                                              importanceSamplingRelativeError: importanceError / m,
                                              priorSamplingLogError: priorLogError / m,
                                              importanceSamplingLogError: importanceLogError / m,
                                              priorSamplingStandardError: priorSE / m,
                                              importanceSamplingStandardError: importanceSE / m))
        }
        return curve
    }
}
