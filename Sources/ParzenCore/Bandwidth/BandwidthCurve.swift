#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// The tutorial's bandwidth picture: for each β on a grid, the negative log-likelihood of a
/// kernel density estimate on its own training data, by leave-one-out, and on held-out data.
///
/// ```
/// train(β)    = −(1/N) Σᵢ log p_β(xᵢ)                         → −∞ as β → 0 (overfitting)
/// LOO(β)      = −(1/N) Σᵢ log p_β,−ᵢ(xᵢ),  p_β,−ᵢ without xᵢ, normalised by N − 1
/// heldOut(β)  = −(1/M) Σⱼ log p_β(yⱼ)
/// ```
///
/// Natural logarithms (nats per point); β is the seed's variance (h = √β). All three are
/// exact sums (log-sum-exp), in parallel over points. +∞ is a genuine value: a compact
/// kernel with no neighbour within h gives a zero leave-one-out density.
///
/// - Domain: at least two training points; positive finite β; held-out points of the same
///   dimension. Throws `ModelError` otherwise.
/// - Cost: (N² + N·M) kernel evaluations per β.
public struct BandwidthCurve: Sendable, Equatable {
    /// The grid of variances β (the seed's N(x | oᵢ, Iβ)); h = √β.
    public let betas: [Double]
    /// Training NLL per β.
    public let trainNLL: [Double]
    /// Leave-one-out NLL per β.
    public let leaveOneOutNLL: [Double]
    /// Held-out NLL per β, nil without held-out data.
    public let heldOutNLL: [Double]?

    /// Evaluates the three curves for a KDE on `train` with `kernel` at every β in `betas`.
    public init(train: PointSet, heldOut: PointSet? = nil, kernel: Kernel = .gaussian, betas: [Double]) throws {
        guard train.count >= 2 else { throw ModelError.tooFewPoints("a bandwidth curve", needed: 2, got: train.count) }
        if let heldOut, heldOut.dimension != train.dimension {
            throw ModelError.dimensionMismatch("the held-out data", expected: train.dimension, got: heldOut.dimension)
        }
        for beta in betas where !(beta > 0 && beta.isFinite) {
            throw ModelError.invalidParameter("β", "\(beta)", expected: "positive finite variances")
        }
        self.betas = betas
        var train_: [Double] = [], loo: [Double] = [], held: [Double] = []
        for beta in betas {
            let kde = try KernelDensityEstimate(data: train, kernel: kernel, bandwidth: .variance(beta))
            let (t, l) = BandwidthCurve.trainAndLeaveOneOut(kde)
            train_.append(t)
            loo.append(l)
            if let heldOut {
                let logs = kde.logDensities(at: heldOut)
                held.append(-logs.reduce(0, +) / Double(logs.count))
            }
        }
        trainNLL = train_
        leaveOneOutNLL = loo
        heldOutNLL = heldOut == nil ? nil : held
    }

    /// Training and leave-one-out NLL from one pass: log p(xᵢ) includes the self term
    /// K_H(0)/N; the leave-one-out sum is log(N·p(xᵢ) − K_H(0)) − log(N − 1), computed as
    /// log(e^{a} − e^{b}) stably. For points whose own term dominates (isolated points) the
    /// subtraction would cancel, so they are summed exactly without themselves.
    private static func trainAndLeaveOneOut(_ kde: KernelDensityEstimate) -> (Double, Double) {
        let data = kde.data
        let n = data.count
        let logN = log(Double(n))
        let logSelf = kde.kernelLogDensity(offset: [Double](repeating: 0, count: data.dimension))
        let logs = kde.logDensities(at: data)
        var loo = [Double](repeating: 0, count: n)
        loo.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: n) { i in
                let all = logs[i] + logN  // log Σⱼ K_H(xᵢ − xⱼ)
                if all - logSelf > 1e-3 {
                    out[i] = all + log(-expm1(logSelf - all)) - log(Double(n - 1))
                } else {
                    let others = PointSet(
                        dimension: data.dimension, values: (0..<n).filter { $0 != i }.flatMap { Array(data[$0]) })
                    // A KDE of the other N − 1 points, evaluated at xᵢ, is p₋ᵢ(xᵢ) exactly.
                    let rest = try? KernelDensityEstimate(data: others, kernel: kde.kernel, bandwidth: kde.bandwidth)
                    out[i] = rest?.logDensity(at: data[i]) ?? -.infinity
                }
            }
        }
        return (-logs.reduce(0, +) / Double(n), -loo.reduce(0, +) / Double(n))
    }
}
