/// The width of a kernel density estimate's kernel, in one of the two conventions people
/// meet, named so that nobody confuses them.
///
/// The tutorial writes the Parzen window as p(x) = (1/N) Σᵢ N(x | oᵢ, Iβ): its β is a
/// *variance*. scikit-learn's `KernelDensity(bandwidth=h)` (and scipy, KDEpy, statsmodels)
/// take h, a *standard deviation* for the Gaussian kernel. They are related by β = h².
/// For the other kernels h is the kernel's scale exactly as in scikit-learn (the support
/// radius of the compact kernels); the kernel's actual standard deviation is h·σ_K
/// (`Kernel.variance(dimension:)`), and β is still defined as h².
public enum Bandwidth: Sendable, Equatable, Codable {
    /// The seed's β, a variance: K_β(u) = β^{−d/2} K(u/√β); for the Gaussian, N(u | 0, Iβ).
    case variance(Double)
    /// scikit-learn's `bandwidth` h, a standard deviation (the scale): K_h(u) = h^{−d} K(u/h);
    /// β = h².
    case standardDeviation(Double)
    /// A full bandwidth matrix H (d×d, symmetric positive definite, row-major), in variance
    /// units like β: K_H(u) = |H|^{−1/2} K(H^{−1/2} u) with H^{1/2} the Cholesky factor; for
    /// the Gaussian, N(u | 0, H). `.variance(β)` is the special case H = βI.
    case matrix(Matrix)

    /// β = h² for a scalar bandwidth, nil for a matrix.
    public var beta: Double? {
        switch self {
        case .variance(let beta): beta
        case .standardDeviation(let h): h * h
        case .matrix: nil
        }
    }

    /// h = √β for a scalar bandwidth, nil for a matrix.
    public var standardDeviation: Double? {
        switch self {
        case .variance(let beta): beta.squareRoot()
        case .standardDeviation(let h): h
        case .matrix: nil
        }
    }

    /// The bandwidth as a matrix: H = βI for a scalar bandwidth, in `dimension` dimensions.
    public func matrix(dimension d: Int) -> Matrix {
        switch self {
        case .matrix(let h): h
        case .variance, .standardDeviation: Matrix(diagonal: [Double](repeating: beta!, count: d))
        }
    }

    /// How the bandwidth reads in a report, naming the convention, e.g.
    /// `β = 0.01 (variance, the seed's N(x | oᵢ, Iβ)); h = 0.1 (standard deviation, scikit-learn's bandwidth)`.
    public var description: String {
        switch self {
        case .variance, .standardDeviation:
            "β = \(beta!) (variance, the seed's N(x | oᵢ, Iβ)); h = \(standardDeviation!) (standard deviation, " +
                "scikit-learn's bandwidth)"
        case .matrix(let h):
            "H, a \(h.rows)×\(h.columns) bandwidth matrix (covariance of the kernel, the seed's Iβ generalised)"
        }
    }
}
