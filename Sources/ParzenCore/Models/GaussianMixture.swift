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
///          Σⱼ = (1/Nⱼ) Σᵢ rᵢⱼ (xᵢ − μⱼ)(xᵢ − μⱼ)ᵀ + λ I      (diagonal: only its diagonal)
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
///   and stops at a local maximum when the mean log-likelihood changes by less than
///   `tolerance`; from the same start it follows scikit-learn's `GaussianMixture` step for
///   step (same update order, the same 10ε added to each Nⱼ).
/// - Cost: O(N·k·d²) per iteration, plus k·d³ for the factorisations.
/// - Reference: A. P. Dempster, N. M. Laird, D. B. Rubin, J. R. Statist. Soc. B 39(1), 1977;
///   Bishop, *Pattern Recognition and Machine Learning*, §9.2.
public struct GaussianMixture: Sendable, Equatable {
    /// The shape of each component's covariance.
    public enum CovarianceType: String, Sendable, Equatable, CaseIterable {
        /// A full d × d covariance per component: d(d+1)/2 parameters each.
        case full
        /// A diagonal covariance per component (axis-aligned ellipsoids): d parameters each.
        case diagonal
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
    /// How EM went, when the mixture came from `fit`.
    public let convergence: EMReport?

    /// A mixture with given weights and components.
    /// - Throws: `ModelError` when the counts or dimensions disagree, or the weights are not
    ///   positive and summing to 1 (within 1e-9).
    public init(weights: [Double], components: [Gaussian], covarianceType: CovarianceType = .full) throws {
        try self.init(weights: weights, components: components, covarianceType: covarianceType, convergence: nil)
    }

    init(weights: [Double], components: [Gaussian], covarianceType: CovarianceType, convergence: EMReport?) throws {
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
        self.convergence = convergence
    }

    /// The number of components k.
    public var componentCount: Int { components.count }

    /// The dimension d.
    public var dimension: Int { components[0].dimension }

    /// The number of free parameters p: (k − 1) weights, k·d means, and k·d(d+1)/2 (full)
    /// or k·d (diagonal) covariance entries.
    public var parameterCount: Int {
        let k = componentCount, d = dimension
        let perCovariance = covarianceType == .full ? d * (d + 1) / 2 : d
        return (k - 1) + k * d + k * perCovariance
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
