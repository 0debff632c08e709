#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A radial kernel in d dimensions from a user formula in r = ‖u‖, e.g. `exp(-r)` or
/// `(1 + r^2)^(-3)`: K(u) = k(‖u‖)/c_d, accepted in the dimensions where it can be a
/// probability density — k(r) ≥ 0 and
///
/// ```
/// c_d = ∫_{ℝᵈ} k(‖u‖) du = S_{d−1} ∫₀^∞ r^{d−1} k(r) dr < ∞,   S_{d−1} = 2π^{d/2}/Γ(d/2)
/// ```
///
/// Checks, as for the 1-D `FormulaKernel` (each refusal a `ModelError` naming the reason):
/// k finite and ≥ 0 at 16 probes per octave of r from 2⁻²⁰ to 2⁶⁰ and at 0; the tail's
/// decay exponent a (k ~ r^{−a}, fitted over 2⁴⁰ … 2⁶⁰, ∞ for bounded support or faster than
/// any power) decides the dimensions: ∫ r^{d−1} k dr converges iff a > d, so the kernel is
/// defined for d < a − 0.05 (the margin absorbs the fit's error), at most
/// `dimensionLimit`; a ≤ 1.05 is refused outright. The radial moments
/// I_n = ∫₀^∞ rⁿ k(r) dr come from double-exponential quadrature; the variance of a
/// coordinate is σ² = I_{d+1}/(d·I_{d−1}), infinite when a ≤ d + 2.
///
/// Sampling: a uniform direction times a radius drawn by inverting the distribution of
/// r^{d−1} k(r), tabulated per dimension on 2¹⁶ nodes in asinh r (as `FormulaKernel`).
///
/// - Accuracy: c_d to ~1e-13 relative for profiles analytic on (0, ∞) (tests integrate the
///   normalised kernel to 1 in 2-D and 3-D by quadrature in Cartesian coordinates, and compare
///   `exp(-r^2/2)` with the Gaussian's (2π)^{d/2}); a kink lowers it to ~1e-8.
/// - Cost: ~10⁵ formula evaluations per supported dimension to build (tables, moments); one
///   evaluation and a square root per kernel term afterwards.
public struct RadialFormulaKernel: Sendable, Equatable {
    /// The highest dimension a radial formula kernel is built for (each needs its own table).
    public static let dimensionLimit = 4

    /// The formula in r as written.
    public var source: String { expression.source }
    /// The parsed formula (variable r).
    public let expression: Expression
    /// The largest d ≤ `dimensionLimit` with ∫ r^{d−1} k(r) dr < ∞.
    public let maximumDimension: Int
    /// max(r : k(r) > 0), or ∞ for unbounded support.
    public let supportRadius: Double
    /// The fitted tail decay exponent a (k ~ r^{−a}); ∞ for bounded or faster-than-power tails.
    public let decayExponent: Double
    /// log I_n for n = 0 … maximumDimension + 1 (+∞ where the moment diverges).
    private let logMoments: [Double]
    /// Per dimension d (index d − 1): the distribution of the radius, as `FormulaKernel`'s
    /// table, built on the first draw in that dimension.
    private let radiusTables: [LazyValue<(nodes: [Double], cumulative: [Double])>]

    /// Parses and checks `source` (a formula in r).
    /// - Throws: `ExpressionError` for a formula that does not parse, `ModelError` for one
    ///   that is not a valid radial kernel in any dimension.
    public init(source: String) throws {
        let expression = try Expression(source, variable: "r")
        self.expression = expression
        func k(_ r: Double) -> Double { expression.value(at: r) }
        let check = KernelFormulaCheck(expression: expression, subject: "the radial kernel \(source)", symbol: "k",
                                       condition: "a radial kernel must satisfy k(r) ≥ 0 and ∫ r^(d−1) k(r) dr < ∞")
        let refuse = check.refuse, checked = check.checked
        _ = try checked(0)
        let tail = try FormulaKernel.analyseTail(side: 1, checked: checked)
        guard tail.radius > 0 else { throw refuse("k is zero everywhere") }
        let a = tail.decayExponent
        guard a > 1.05 else {
            throw refuse("∫ k(r) dr diverges (k(r) decays like r^−\((a * 10).rounded() / 10)), even in 1-D")
        }
        decayExponent = a
        supportRadius = tail.radius
        maximumDimension = a.isFinite ? min(Int((a - 0.05).rounded(.up)) - 1, RadialFormulaKernel.dimensionLimit)
            : RadialFormulaKernel.dimensionLimit
        var logMoments: [Double] = []
        for n in 0...(maximumDimension + 1) {
            // ∫ rⁿ k(r) dr converges iff a > n + 1.
            guard a > Double(n + 1) + 0.05 else { logMoments.append(.infinity); continue }
            var failure: ModelError?
            let (value, _) = DoubleExponentialQuadrature.integrate({ r in
                // Beyond the probed range (2⁶⁰) a non-finite value is an overflow of the
                // formula, not a property of k: count it as 0.
                if r > 0x1p60 { let v = pow(r, Double(n)) * k(r); return v.isFinite ? v : 0 }
                do { return pow(r, Double(n)) * (try checked(r)) } catch { failure = error as? ModelError; return 0 }
            }, over: tail.radius.isFinite ? .finite(tail.radius) : .halfLine)
            if let failure { throw failure }
            guard value > 0, value.isFinite else { throw refuse("∫ r^\(n) k(r) dr is not a positive number") }
            logMoments.append(log(value))
        }
        self.logMoments = logMoments
        let origin = FormulaKernel.Tail(radius: 0, decayExponent: .infinity, tableRadius: 0)
        radiusTables = (1...maximumDimension).map { d in
            LazyValue {
                FormulaKernel.tabulateDistribution({ r in
                    let k = expression.value(at: r)
                    return r > 0 ? pow(r, Double(d - 1)) * k : (d == 1 ? k : 0)
                }, tails: [tail, origin])
            }
        }
    }

    /// log c_d = log S_{d−1} + log I_{d−1}.
    /// - Precondition: 1 ≤ d ≤ `maximumDimension`.
    public func logNormalization(dimension d: Int) -> Double {
        precondition(d >= 1 && d <= maximumDimension, "radial kernel \(source) is not defined in \(d) dimensions")
        let dd = Double(d)
        let logSphereArea = log(2) + 0.5 * dd * log(Double.pi) - lgamma(0.5 * dd)
        return logSphereArea + logMoments[d - 1]
    }

    /// The variance of each coordinate, I_{d+1}/(d·I_{d−1}) (∞ for tails as heavy as r^{−(d+2)}).
    public func variance(dimension d: Int) -> Double {
        precondition(d >= 1 && d <= maximumDimension, "radial kernel \(source) is not defined in \(d) dimensions")
        return exp(logMoments[d + 1] - logMoments[d - 1]) / Double(d)
    }

    /// log k(r) (unnormalised) at squared radius r²; −∞ where k = 0.
    @inline(__always)
    func logProfile(squaredRadius r2: Double) -> Double {
        log(expression.value(at: r2.squareRoot()))
    }

    /// A radius of a draw in d dimensions from a uniform u ∈ (0, 1).
    func radius(_ u: Double, dimension d: Int) -> Double {
        let table = radiusTables[d - 1].wrappedValue
        return FormulaKernel.invert(u, nodes: table.nodes, cumulative: table.cumulative)
    }

    public static func == (a: RadialFormulaKernel, b: RadialFormulaKernel) -> Bool { a.expression == b.expression }
}
