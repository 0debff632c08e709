#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A smoothing kernel K: a probability density on ℝᵈ centred at 0, used by a kernel density
/// estimate as p(x) = (1/N) Σᵢ K_h(x − oᵢ) with K_h(u) = h⁻ᵈ K(u/h).
///
/// The built-in kernels are radial, K(u) = k(‖u‖)/c_d, with the profiles, scale and
/// normalisation of scikit-learn's `KernelDensity` (h is scikit-learn's `bandwidth`: the
/// standard deviation for `gaussian`, the support radius for the compact kernels), plus
/// `biweight` and `triweight`. The normalising constant is exact in every dimension:
///
/// ```
/// c_d = ∫_{ℝᵈ} k(‖u‖) du = S_{d−1} ∫₀^∞ r^{d−1} k(r) dr,   S_{d−1} = 2π^{d/2} / Γ(d/2)
/// ```
///
/// `formula` is a 1-D kernel given by a user formula in x (see `FormulaKernel`); `radial` a
/// d-dimensional one given by a formula in r = ‖u‖ (see `RadialFormulaKernel`).
///
/// Goals, in order: exact normalisation (tests integrate every kernel to 1 in 1-D and 2-D),
/// log-space evaluation (no underflow), reproducible sampling, speed.
public enum Kernel: Sendable, Equatable, Codable {
    /// k(r) = exp(−r²/2), unbounded support, c_d = (2π)^{d/2}; per-coordinate variance 1.
    case gaussian
    /// k(r) = 1 − r² on r < 1, c_d = V_d · 2/(d+2); variance 1/(d+4).
    case epanechnikov
    /// k(r) = 1 on r < 1 (uniform on the unit ball), c_d = V_d; variance 1/(d+2).
    case tophat
    /// k(r) = exp(−r), unbounded support, c_d = S_{d−1} Γ(d); variance d+1 (Laplace in 1-D).
    case exponential
    /// k(r) = 1 − r on r < 1 (triangular in 1-D), c_d = V_d/(d+1); variance (d+1)/((d+2)(d+3)).
    case linear
    /// k(r) = cos(πr/2) on r < 1, c_d = S_{d−1} ∫₀¹ r^{d−1} cos(πr/2) dr (series, exact);
    /// variance I_{d+1}/(d·I_{d−1}) with I_n = ∫₀¹ rⁿ cos(πr/2) dr (1 − 8/π² in 1-D).
    case cosine
    /// k(r) = (1 − r²)² on r < 1 (quartic), c_d = V_d · (d/2) B(d/2, 3); variance 1/(d+6).
    case biweight
    /// k(r) = (1 − r²)³ on r < 1, c_d = V_d · (d/2) B(d/2, 4); variance 1/(d+8).
    case triweight
    /// A 1-D kernel from a user formula, checked and normalised (see `FormulaKernel`).
    case formula(FormulaKernel)
    /// A radial kernel k(‖u‖) from a user formula in r, checked and normalised in every
    /// dimension it is integrable in (see `RadialFormulaKernel`).
    case radial(RadialFormulaKernel)

    /// The kernel's name as written in notebooks and on the command line.
    public var name: String {
        switch self {
        case .gaussian: "gaussian"
        case .epanechnikov: "epanechnikov"
        case .tophat: "tophat"
        case .exponential: "exponential"
        case .linear: "linear"
        case .cosine: "cosine"
        case .biweight: "biweight"
        case .triweight: "triweight"
        case .formula(let f): "formula: \(f.source)"
        case .radial(let f): "radial: \(f.source)"
        }
    }

    /// The largest dimension the kernel is defined in (formula kernels are 1-D only; radial
    /// formula kernels as far as they are integrable, at most `RadialFormulaKernel.dimensionLimit`).
    public var maximumDimension: Int {
        switch self {
        case .formula: 1
        case .radial(let f): f.maximumDimension
        default: .max
        }
    }

    /// The radius of the support of K (scale h = 1): 1 for the compact kernels, ∞ otherwise.
    /// A formula kernel reports the half-width of its support as found by its tail analysis.
    public var supportRadius: Double {
        switch self {
        case .gaussian, .exponential: .infinity
        case .epanechnikov, .tophat, .linear, .cosine, .biweight, .triweight: 1
        case .formula(let f): f.supportRadius
        case .radial(let f): f.supportRadius
        }
    }

    /// The exponent p of the polynomial kernels k(r) = (1 − r²)^p, or nil.
    var polynomialPower: Int? {
        switch self {
        case .tophat: 0
        case .epanechnikov: 1
        case .biweight: 2
        case .triweight: 3
        default: nil
        }
    }

    /// log k(r) of a radial kernel, unnormalised, at squared radius r² (scale h = 1);
    /// −∞ outside the support. Formula kernels use `logDensity(at:)` instead.
    ///
    /// The squared radius is the natural input: the Gaussian and polynomial kernels need no
    /// square root.
    @inline(__always)
    func logProfile(squaredRadius r2: Double) -> Double {
        switch self {
        case .gaussian: return -0.5 * r2
        case .tophat: return r2 < 1 ? 0 : -.infinity
        case .epanechnikov: return r2 < 1 ? log1p(-r2) : -.infinity
        case .biweight: return r2 < 1 ? 2 * log1p(-r2) : -.infinity
        case .triweight: return r2 < 1 ? 3 * log1p(-r2) : -.infinity
        case .exponential: return -r2.squareRoot()
        case .linear:
            let r = r2.squareRoot()
            return r < 1 ? log1p(-r) : -.infinity
        case .cosine:
            let r = r2.squareRoot()
            return r < 1 ? log(cos(0.5 * Double.pi * r)) : -.infinity
        case .radial(let f): return f.logProfile(squaredRadius: r2)
        case .formula:
            preconditionFailure("formula kernels are not radial; use logDensity(at:)")
        }
    }

    /// log c_d, the logarithm of ∫ k(‖u‖) du over ℝᵈ (scale h = 1).
    ///
    /// Accuracy: a few ulps from `lgamma` and `log`; the cosine moment comes from an
    /// alternating series summed to below 1e-17 relative (see `cosineMoment`).
    /// - Precondition: 1 ≤ d ≤ `maximumDimension`.
    public func logNormalization(dimension d: Int) -> Double {
        precondition(d >= 1 && d <= maximumDimension, "kernel \(name) is not defined in \(d) dimensions")
        let dd = Double(d)
        let logBallVolume = 0.5 * dd * log(Double.pi) - lgamma(0.5 * dd + 1)
        let logSphereArea = log(dd) + logBallVolume  // S_{d−1} = d · V_d
        switch self {
        case .gaussian:
            return 0.5 * dd * log(2 * Double.pi)
        case .tophat, .epanechnikov, .biweight, .triweight:
            // ∫₀¹ r^{d−1}(1 − r²)^p dr = ½ B(d/2, p+1), and S_{d−1}/2 = (d/2) V_d.
            let p = Double(polynomialPower!)
            return logBallVolume + log(0.5 * dd) + lgamma(0.5 * dd) + lgamma(p + 1) - lgamma(0.5 * dd + p + 1)
        case .exponential:
            return logSphereArea + lgamma(dd)
        case .linear:
            return logBallVolume - log(dd + 1)
        case .cosine:
            return logSphereArea + log(Kernel.cosineMoment(d - 1))
        case .formula(let f):
            return f.logNormalization
        case .radial(let f):
            return f.logNormalization(dimension: d)
        }
    }

    /// The variance of each coordinate of a draw from K (scale h = 1): σ_K² = E‖u‖²/d.
    /// With scale h the kernel's variance is h²σ_K².
    public func variance(dimension d: Int) -> Double {
        precondition(d >= 1 && d <= maximumDimension, "kernel \(name) is not defined in \(d) dimensions")
        let dd = Double(d)
        switch self {
        case .gaussian: return 1
        case .tophat, .epanechnikov, .biweight, .triweight:
            // E r² = B(d/2+1, p+1)/B(d/2, p+1) = (d/2)/(d/2 + p + 1).
            return 1 / (dd + 2 * Double(polynomialPower!) + 2)
        case .exponential: return dd + 1
        case .linear: return (dd + 1) / ((dd + 2) * (dd + 3))
        case .cosine: return Kernel.cosineMoment(d + 1) / (dd * Kernel.cosineMoment(d - 1))
        case .formula(let f): return f.variance
        case .radial(let f): return f.variance(dimension: d)
        }
    }

    /// log K(u) of the normalised kernel at one point u (scale h = 1).
    public func logDensity(at u: ArraySlice<Double>) -> Double {
        if case .formula(let f) = self {
            precondition(u.count == 1, "formula kernels are 1-D")
            return f.logDensity(at: u[u.startIndex])
        }
        var r2 = 0.0
        for c in u { r2 += c * c }
        return logProfile(squaredRadius: r2) - logNormalization(dimension: u.count)
    }

    /// I_n = ∫₀¹ rⁿ cos(πr/2) dr, from the series cos(ar) = Σ (−1)ᵏ (ar)^{2k}/(2k)!:
    ///
    /// ```
    /// I_n = Σ_k (−1)ᵏ a^{2k} / ((2k)! (n + 2k + 1)),   a = π/2
    /// ```
    ///
    /// The terms peak at k = 1 (a²/2 ≈ 1.23) and then fall factorially, so the sum loses at
    /// most a digit to cancellation; the integration-by-parts recursion would lose ~n digits.
    static func cosineMoment(_ n: Int) -> Double {
        let a2 = 0.25 * Double.pi * Double.pi
        var term = 1.0  // a^{2k}/(2k)!
        var sum = 0.0
        var k = 0
        while true {
            let contribution = term / (Double(n + 2 * k + 1))
            sum += k % 2 == 0 ? contribution : -contribution
            if contribution < 1e-19 * abs(sum) { break }
            k += 1
            term *= a2 / (Double(2 * k - 1) * Double(2 * k))
        }
        return sum
    }
}
