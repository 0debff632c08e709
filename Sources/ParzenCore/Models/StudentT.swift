#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Student-t distribution t_ν(μ, Σ) on ℝᵈ: location μ, scatter (shape) matrix Σ and ν
/// degrees of freedom; in 1-D the location–scale t of `scipy.stats.t(df=ν, loc=μ, scale=σ)`
/// with Σ = σ². Its tails fall like ‖x‖^{−(ν+d)}, so it is the heavy-tailed neighbour of the
/// Gaussian (which it becomes as ν → ∞).
///
/// ```
/// log p(x) = log Γ((ν+d)/2) − log Γ(ν/2) − (d/2) log(νπ) − ½ log det Σ
///            − ((ν+d)/2) log(1 + δ(x)/ν),        δ(x) = (x − μ)ᵀ Σ⁻¹ (x − μ)
/// ```
/// evaluated through the Cholesky factor of Σ (no inverse) and `log1p`, so far points keep
/// accurate log-densities. Σ is the covariance only up to a factor: Cov x = ν/(ν − 2) Σ
/// for ν > 2, infinite for ν ≤ 2.
///
/// - Domain: ν > 0 and finite, Σ symmetric positive definite, μ finite; otherwise the
///   initialisers throw `ModelError`.
/// - Accuracy: log-densities agree with `scipy.stats.t.logpdf` and
///   `scipy.stats.multivariate_t.logpdf` to ~1e-14 relative (tests ask 1e-12) for ν up to
///   ~10⁴; the difference log Γ((ν+d)/2) − log Γ(ν/2) loses about log₁₀ ν digits beyond.
/// - Cost: d³/3 to build, d² per log-density.
/// - Reference: C. Liu and D. B. Rubin, "ML estimation of the t distribution using EM and its
///   extensions, ECM and ECME", Statistica Sinica 5, 1995; Kotz & Nadarajah, *Multivariate t
///   Distributions and Their Applications*, 2004, ch. 1.
public struct StudentT: Sendable, Equatable {
    /// The location μ (the mean when ν > 1).
    public let location: [Double]
    /// The scatter matrix Σ (d × d, symmetric positive definite); σ² in 1-D.
    public let scatter: Matrix
    /// Σ = L·Lᵀ, kept for evaluation and sampling.
    public let cholesky: Cholesky
    /// The degrees of freedom ν > 0.
    public let degreesOfFreedom: Double
    /// How the fit went, when the distribution came from `fit`; nil when given.
    public let fitReport: StudentTFitReport?

    /// t_ν(μ, Σ) from its parameters.
    /// - Throws: `ModelError` when the sizes disagree, Σ is not symmetric positive definite,
    ///   μ is not finite or ν is not positive and finite.
    public init(location: [Double], scatter: Matrix, degreesOfFreedom: Double) throws {
        try self.init(location: location, scatter: scatter, degreesOfFreedom: degreesOfFreedom, fitReport: nil)
    }

    /// The 1-D t of scipy's parameterisation: `scipy.stats.t(df, loc, scale)`, scale σ (not σ²).
    /// - Throws: `ModelError` when σ or ν is not positive and finite, or μ is not finite.
    public init(location: Double, scale: Double, degreesOfFreedom: Double) throws {
        guard scale > 0, scale.isFinite else {
            throw ModelError.invalidParameter("the scale σ", "\(scale)", expected: "a positive, finite scale")
        }
        try self.init(location: [location], scatter: Matrix(diagonal: [scale * scale]),
                      degreesOfFreedom: degreesOfFreedom)
    }

    init(location: [Double], scatter: Matrix, degreesOfFreedom: Double, fitReport: StudentTFitReport?) throws {
        guard degreesOfFreedom > 0, degreesOfFreedom.isFinite else {
            throw ModelError.invalidParameter("the degrees of freedom ν", "\(degreesOfFreedom)",
                                              expected: "a positive, finite ν (ν → ∞ is the Gaussian)")
        }
        // The Gaussian's initialiser checks sizes, finiteness, symmetry and definiteness.
        let gaussian = try Gaussian(mean: location, covariance: scatter)
        self.location = gaussian.mean
        self.scatter = gaussian.covariance
        self.cholesky = gaussian.cholesky
        self.degreesOfFreedom = degreesOfFreedom
        self.fitReport = fitReport
    }

    /// The dimension d.
    public var dimension: Int { location.count }

    /// σ = √Σ₁₁, scipy's `scale` in 1-D.
    public var scale: Double { scatter[0, 0].squareRoot() }

    /// The covariance ν/(ν − 2)·Σ, or nil when ν ≤ 2 (the variance is infinite).
    public var covariance: Matrix? {
        degreesOfFreedom > 2 ? (degreesOfFreedom / (degreesOfFreedom - 2)) * scatter : nil
    }

    /// log Γ((ν+d)/2) − log Γ(ν/2) − (d/2) log(νπ) − ½ log det Σ: the log-density at μ.
    var logConstant: Double {
        let nu = degreesOfFreedom, d = Double(dimension)
        return lgamma(0.5 * (nu + d)) - lgamma(0.5 * nu) - 0.5 * d * log(nu * Double.pi)
            - 0.5 * cholesky.logDeterminant
    }

    /// δ(x) = ‖L⁻¹(x − μ)‖², the squared Mahalanobis distance of x from μ.
    func squaredDistance(_ x: ArraySlice<Double>) -> Double {
        cholesky.inverseQuadraticForm(zip(x, location).map { $0 - $1 })
    }
}
