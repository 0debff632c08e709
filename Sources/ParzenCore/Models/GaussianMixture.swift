#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A mixture of k Gaussians, p(x) = Σⱼ πⱼ N(x | μⱼ, Σⱼ), fitted by expectation–maximisation.
///
/// ```
/// E-step:  log rᵢⱼ = log πⱼ + log N(xᵢ | μⱼ, Σⱼ) − logsumexpₗ [log πₗ + log N(xᵢ | μₗ, Σₗ)]
/// M-step:  Nⱼ = Σᵢ rᵢⱼ,  πⱼ = Nⱼ/N,  μⱼ = (1/Nⱼ) Σᵢ rᵢⱼ xᵢ,
///          Sⱼ = (1/Nⱼ) Σᵢ rᵢⱼ (xᵢ − μⱼ)(xᵢ − μⱼ)ᵀ, and by covariance type
///          full: Σⱼ = Sⱼ + λI    diagonal: Σⱼ = diag Sⱼ + λI    spherical: Σⱼ = (tr Sⱼ / d + λ) I
///          tied: Σⱼ = Σ = (1/N) Σₗ Nₗ Sₗ + λI   (one covariance shared by every component)
/// ```
/// Responsibilities are computed in log space, so points far from every component keep
/// finite, correct responsibilities instead of 0/0.
///
/// The regulariser λ (`regularization`, default 1e-6, scikit-learn's `reg_covar`) is added
/// to every covariance's diagonal after each M-step. It keeps Σⱼ positive definite when a
/// component collapses onto a few points or the data have a constant column; it biases
/// each variance up by λ, negligible when the data's variances are ≫ λ (rescale data with
/// tiny variances).
///
/// - Domain: 1 ≤ k ≤ N; throws `ModelError` otherwise, for non-finite data, or when a
///   covariance is singular with λ = 0.
/// - Accuracy: EM increases the likelihood at every step (Dempster, Laird & Rubin 1977)
///   and stops at a local maximum; `fit` runs it from several k-means++ starts and keeps
///   the best. From the same start it follows scikit-learn's `GaussianMixture` step for step
///   (same update order, the same 10ε added to each Nⱼ). With the defaults (10 starts,
///   relative tolerance 1e-10) it reaches scikit-learn's best-of-20 optimum to ≤ 4e-9 in
///   mean NLL (tests ask 1e-6) for every covariance type on iris petals (k = 3), Old Faithful (k = 2), a
///   generated 3-component mixture and the yearly sunspots (k = 3, NLL 4.892810).
/// - Cost: O(N·k·d²) per iteration, plus k·d³ for the factorisations.
/// - Reference: A. P. Dempster, N. M. Laird, D. B. Rubin, J. R. Statist. Soc. B 39(1), 1977;
///   Bishop, *Pattern Recognition and Machine Learning*, §9.2.
public struct GaussianMixture: Sendable, Equatable, Codable {
    /// The shape of each component's covariance.
    public enum CovarianceType: String, Sendable, Equatable, CaseIterable, Codable {
        /// A full d × d covariance per component: d(d+1)/2 parameters each.
        case full
        /// A diagonal covariance per component (axis-aligned ellipsoids): d parameters each.
        case diagonal
        /// σⱼ² I per component (balls of their own radius): 1 parameter each.
        case spherical
        /// One full covariance shared by every component (same ellipsoid, moved): d(d+1)/2
        /// parameters in all.
        case tied
    }

    /// Where EM starts.
    public enum Initialization: Sendable, Equatable {
        /// k-means++ seeding (Arthur & Vassilvitskii 2007) from the seeded generator, then
        /// Lloyd's k-means iterations until the assignment is stable (at most 100); the hard
        /// clusters give the initial weights, means and covariances (+ λ I).
        case kMeansPlusPlus(seed: UInt64)
        /// Given starting parameters, used as they are (no regulariser added), e.g. to
        /// reproduce another implementation's run.
        case parameters(weights: [Double], means: [[Double]], covariances: [Matrix])
    }

    /// The mixing weights πⱼ (positive, summing to 1).
    public let weights: [Double]
    /// The components N(μⱼ, Σⱼ).
    public let components: [Gaussian]
    /// Full or diagonal covariances.
    public let covarianceType: CovarianceType
    /// Every EM run of `fit`, one per start in seed order; empty when the mixture was given.
    public let restarts: [EMReport]
    /// The index in `restarts` of the run `fit` kept (the highest likelihood, the first of
    /// equals), or nil for a given mixture.
    public let bestRestart: Int?

    /// How EM went from the start that `fit` kept, when the mixture came from `fit`.
    public var convergence: EMReport? { bestRestart.map { restarts[$0] } }

    /// A mixture with given weights and components.
    /// - Throws: `ModelError` when the counts or dimensions disagree, or the weights are not
    ///   positive and summing to 1 (within 1e-9).
    public init(weights: [Double], components: [Gaussian], covarianceType: CovarianceType = .full) throws {
        try self.init(weights: weights, components: components, covarianceType: covarianceType,
                      restarts: [], bestRestart: nil)
    }

    init(weights: [Double], components: [Gaussian], covarianceType: CovarianceType,
         restarts: [EMReport], bestRestart: Int?) throws {
        guard !components.isEmpty, weights.count == components.count else {
            throw ModelError.invalidParameter("the number of weights", "\(weights.count)",
                                              expected: "one weight per component (\(components.count))")
        }
        let d = components[0].dimension
        if let odd = components.first(where: { $0.dimension != d }) {
            throw ModelError.dimensionMismatch("a component", expected: d, got: odd.dimension)
        }
        guard weights.allSatisfy({ $0 > 0 && $0.isFinite }), abs(weights.reduce(0, +) - 1) < 1e-9 else {
            throw ModelError.invalidParameter("the weights", "\(weights)", expected: "positive weights that sum to 1")
        }
        self.weights = weights
        self.components = components
        self.covarianceType = covarianceType
        self.restarts = restarts
        self.bestRestart = bestRestart
    }

    /// The number of components k.
    public var componentCount: Int { components.count }

    /// The dimension d.
    public var dimension: Int { components[0].dimension }

    /// The number of free parameters p: (k − 1) weights, k·d means, and the covariance
    /// entries: k·d(d+1)/2 (full), k·d (diagonal), k (spherical) or d(d+1)/2 (tied), as
    /// scikit-learn's `_n_parameters`.
    public var parameterCount: Int {
        let k = componentCount, d = dimension
        let covariances = switch covarianceType {
        case .full: k * d * (d + 1) / 2
        case .diagonal: k * d
        case .spherical: k
        case .tied: d * (d + 1) / 2
        }
        return (k - 1) + k * d + covariances
    }

    /// The Bayesian information criterion on `points` (lower is better):
    ///
    /// ```
    /// BIC = −2 Σᵢ log p(xᵢ) + p log N
    /// ```
    /// as scikit-learn's `GaussianMixture.bic`. Reference: G. Schwarz, Ann. Stat. 6(2), 1978.
    public func bic(_ points: PointSet) -> Double {
        let total = logDensities(at: points).reduce(0, +)
        return -2 * total + Double(parameterCount) * log(Double(points.count))
    }

    /// The responsibilities log rᵢⱼ = log p(component j | xᵢ), row i for point i.
    public func logResponsibilities(at points: PointSet) -> Matrix {
        expectationStep(points).logResponsibilities
    }

    /// The E-step: log-responsibilities and the mean log-likelihood (1/N) Σᵢ log p(xᵢ) of
    /// the current parameters, from one evaluation of every component at every point.
    func expectationStep(_ points: PointSet) -> (logResponsibilities: Matrix, meanLogLikelihood: Double) {
        var joint = logJoint(points)
        var total = 0.0
        for i in 0..<points.count {
            let normaliser = logSumExp(joint.values[(i * componentCount)..<((i + 1) * componentCount)])
            for j in 0..<componentCount { joint[i, j] -= normaliser }
            total += normaliser
        }
        return (joint, total / Double(points.count))
    }

    /// log πⱼ + log N(xᵢ | μⱼ, Σⱼ) for every point i (rows) and component j (columns), each
    /// component evaluated in one batch.
    func logJoint(_ points: PointSet) -> Matrix {
        precondition(points.dimension == dimension, "points have dimension \(points.dimension), model has \(dimension)")
        var joint = Matrix(rows: points.count, columns: componentCount)
        for j in 0..<componentCount {
            let logWeight = log(weights[j])
            for (i, value) in components[j].logDensities(at: points).enumerated() { joint[i, j] = logWeight + value }
        }
        return joint
    }
}
