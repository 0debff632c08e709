#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The normal distribution N(μ, Σ) on ℝᵈ with a full covariance matrix (d = 1 is the
/// univariate N(μ, σ²)).
///
/// ```
/// log p(x) = −½ d log 2π − ½ log det Σ − ½ (x − μ)ᵀ Σ⁻¹ (x − μ)
/// ```
/// evaluated through the Cholesky factor Σ = L·Lᵀ: log det Σ = 2 Σ log Lᵢᵢ and the
/// quadratic form is ‖L⁻¹(x − μ)‖², so no inverse is ever formed.
///
/// - Domain: Σ symmetric positive definite; otherwise the initialisers throw `ModelError`.
/// - Accuracy: log-densities agree with `scipy.stats.multivariate_normal.logpdf` to ~1e-14
///   relative for well-conditioned Σ (tests ask 1e-10); the error grows with cond(Σ).
/// - Cost: d³/3 to build, d² per log-density, d² per sample.
public struct Gaussian: Sendable, Equatable {
    /// The mean μ.
    public let mean: [Double]
    /// The covariance Σ (d × d, symmetric positive definite).
    public let covariance: Matrix
    /// Σ = L·Lᵀ, kept for evaluation and sampling.
    public let cholesky: Cholesky
    /// How Σ was estimated when the Gaussian came from `fit`, `nil` when given.
    public let estimator: CovarianceEstimator?

    /// N(μ, Σ) from a mean and a covariance.
    /// - Throws: `ModelError` when the sizes disagree or Σ is not positive definite.
    public init(mean: [Double], covariance: Matrix) throws {
        try self.init(mean: mean, covariance: covariance, estimator: nil)
    }

    /// The univariate N(μ, σ²); note the second argument is the *variance* σ².
    /// - Throws: `ModelError` when σ² ≤ 0 or is not finite.
    public init(mean: Double, variance: Double) throws {
        guard variance > 0, variance.isFinite else {
            throw ModelError.invalidParameter("σ²", "\(variance)", expected: "a positive, finite variance")
        }
        try self.init(mean: [mean], covariance: Matrix(diagonal: [variance]))
    }

    init(mean: [Double], covariance: Matrix, estimator: CovarianceEstimator?) throws {
        guard covariance.isSquare, covariance.rows == mean.count, !mean.isEmpty else {
            throw ModelError.dimensionMismatch("the covariance (\(covariance.rows)×\(covariance.columns))",
                                               expected: mean.count, got: covariance.rows)
        }
        guard mean.allSatisfy(\.isFinite) else {
            throw ModelError.invalidParameter("μ", "\(mean)", expected: "finite coordinates")
        }
        // Rounding may leave |Σᵢⱼ − Σⱼᵢ| of a few ulps (symmetrised away below); anything
        // larger is a wrong matrix, not rounding.
        let scale = covariance.values.reduce(0) { max($0, abs($1)) }
        for i in 0..<covariance.rows {
            for j in 0..<i where abs(covariance[i, j] - covariance[j, i]) > 1e-12 * scale {
                throw ModelError.invalidParameter("Σ", "a matrix with Σ[\(i + 1),\(j + 1)] ≠ Σ[\(j + 1),\(i + 1)]",
                                                  expected: "a symmetric covariance matrix")
            }
        }
        self.mean = mean
        self.covariance = covariance.symmetrized
        self.cholesky = try Cholesky(self.covariance)
        self.estimator = estimator
    }

    /// Fits N(μ, Σ) to data: μ̂ = x̄ and Σ̂ the sample covariance.
    ///
    /// ```
    /// μ̂ = (1/N) Σᵢ xᵢ,   Σ̂ = (1/N) Σᵢ (xᵢ − μ̂)(xᵢ − μ̂)ᵀ      (maximum likelihood, default)
    ///                    S  = (1/(N−1)) Σᵢ (xᵢ − μ̂)(xᵢ − μ̂)ᵀ  (.unbiased)
    /// ```
    /// - Throws: `ModelError` when N < d + 1 (N points span at most N − 1 directions, so Σ̂
    ///   would be singular), when a column is constant (zero variance), or when the columns
    ///   are collinear (Σ̂ not positive definite).
    /// - Accuracy: two-pass sums; matches numpy's `mean`/`cov` to ~1e-15 relative.
    /// - Cost: N·d² + d³/3.
    public static func fit(_ points: PointSet, estimator: CovarianceEstimator = .maximumLikelihood) throws -> Gaussian {
        let d = points.dimension
        let needed = max(d + 1, estimator.minimumCount)
        guard points.count >= needed else {
            throw ModelError.tooFewPoints(
                "a Gaussian in \(d) dimension\(d == 1 ? "" : "s")", needed: needed, got: points.count)
        }
        guard points.values.allSatisfy(\.isFinite) else {
            throw ModelError(.invalidParameter, problem: "the data contain NaN or infinite values",
                             fix: "remove or impute the non-finite cells")
        }
        let mu = points.mean()
        let sigma = points.covariance(about: mu, estimator)
        for k in 0..<d {
            let column = points.column(k)
            if column.allSatisfy({ $0 == column[0] }) {
                throw ModelError(.degenerateData,
                    problem:
                        "column \(k + 1) has zero variance (every value is \(column[0])), "
                            + "so the covariance is singular",
                                 fix: "remove the constant column")
            }
        }
        let collinear = ModelError(.degenerateData,
                                   problem: "the sample covariance is singular: the columns are linearly dependent",
                                   fix: "remove collinear columns (e.g. one that is a sum of others)")
        let gaussian: Gaussian
        do {
            gaussian = try Gaussian(mean: mu, covariance: sigma, estimator: estimator)
        } catch {
            throw collinear
        }
        // L_kk² / Σ_kk = 1 − R² of column k regressed on the columns before it. Below 1e-12
        // the column is a combination of the others up to rounding of the data (cond Σ ≳ 1e12),
        // and log-densities would be dominated by that rounding.
        for k in 0..<d where gaussian.cholesky.lower[k, k] * gaussian.cholesky.lower[k, k] < 1e-12 * sigma[k, k] {
            throw collinear
        }
        return gaussian
    }

    /// The dimension d.
    public var dimension: Int { mean.count }

    /// σ² of a univariate Gaussian (Σ₁₁ in general).
    public var variance: Double { covariance[0, 0] }

    /// The differential entropy in nats, in closed form:
    ///
    /// ```
    /// H[N(μ, Σ)] = ½ log det(2πe Σ) = ½ d (1 + log 2π) + ½ log det Σ
    /// ```
    /// Accuracy: a few ulps of log det Σ (matches `scipy.stats.multivariate_normal.entropy`
    /// to ~1e-15). Cost: O(d).
    public var entropy: Double {
        0.5 * Double(dimension) * (1 + log(2 * Double.pi)) + 0.5 * cholesky.logDeterminant
    }

    /// KL(p‖q) between two Gaussians of the same dimension, in closed form (nats):
    ///
    /// ```
    /// KL(p‖q) = ½ [ tr(Σq⁻¹ Σp) + (μq − μp)ᵀ Σq⁻¹ (μq − μp) − d + log det Σq − log det Σp ]
    /// ```
    /// - Throws: `ModelError.dimensionMismatch` when d differs.
    /// - Accuracy: tr(Σq⁻¹Σp) = ‖Lq⁻¹Lp‖²_F through triangular solves; relative error
    ///   ~ε·cond(Σq), except when KL ≈ 0, where the terms cancel (absolute error ~d·ε).
    /// - Cost: O(d³).
    /// - Reference: e.g. Pardo, *Statistical Inference Based on Divergence Measures*, 2006.
    public static func klDivergence(_ p: Gaussian, _ q: Gaussian) throws -> Double {
        guard p.dimension == q.dimension else {
            throw ModelError.dimensionMismatch("q", expected: p.dimension, got: q.dimension)
        }
        let d = p.dimension
        // tr(Σq⁻¹ Σp) = tr(Lq⁻ᵀ Lq⁻¹ Lp Lpᵀ) = ‖Lq⁻¹ Lp‖²_F, one lower solve per column of Lp.
        var trace = 0.0
        for j in 0..<d {
            let column = q.cholesky.solveLower(p.cholesky.lower.column(j))
            trace += column.reduce(0) { $0 + $1 * $1 }
        }
        let difference = zip(q.mean, p.mean).map { $0 - $1 }
        let mahalanobis = q.cholesky.inverseQuadraticForm(difference)
        return 0.5 * (trace + mahalanobis - Double(d) + q.cholesky.logDeterminant - p.cholesky.logDeterminant)
    }
}
