import Foundation
import Testing
@testable import ParzenCore

@Suite struct KernelFormulaTests {
    /// Closed-form normalising constants: ∫e^{−|x|} = 2, ∫1/(1+x²) = π, ∫e^{−x²/2} = √(2π),
    /// ∫sech x = π, ∫(1 − |x|)₊ = 1 (written with abs). Tolerances: smooth halves converge to
    /// ~1e-14; the kink of (1 − |x|)₊ is at the support edge, an endpoint of tanh-sinh.
    @Test func normalisesByQuadrature() throws {
        let cases: [(String, Double)] = [
            ("exp(-abs(x))", 2), ("1/(1+x^2)", Double.pi), ("exp(-x^2/2)", (2 * Double.pi).squareRoot()),
            ("1/cosh(x)", Double.pi), ("(1 - abs(x) + abs(1 - abs(x)))/2", 1),
        ]
        for (source, c) in cases {
            let k = try FormulaKernel(source: source)
            #expect(abs(exp(k.logNormalization) - c) < 1e-12 * c, "\(source): \(exp(k.logNormalization))")
            #expect(abs(k.logDensity(at: 0.3) - (log(try Expression(source).value(at: 0.3)) - log(c))) < 1e-12)
        }
    }

    @Test func reportsVarianceAndSupport() throws {
        let laplace = try FormulaKernel(source: "exp(-abs(x))")
        #expect(abs(laplace.variance - 2) < 1e-10)
        let cauchy = try FormulaKernel(source: "1/(1+x^2)")
        #expect(cauchy.variance == .infinity)
        #expect(cauchy.supportRadius == .infinity)
        let triangle = try FormulaKernel(source: "(1 - abs(x) + abs(1 - abs(x)))/2")
        #expect(abs(triangle.supportRadius - 1) < 1e-12)
        #expect(abs(triangle.variance - 1.0 / 6) < 1e-10)
    }

    /// The refusals the issue names, word for word.
    @Test func refusesKernelsThatAreNotDensities() {
        let cases: [(String, String)] = [
            ("1/abs(x)", "∫K diverges: K(x) ~ 1/|x| as |x| → ∞"),
            ("1/sqrt(1+x^2)", "∫K diverges: K(x) ~ 1/|x| as |x| → ∞"),
            ("1/(1+abs(x)^0.5)", "∫K diverges: K(x) ~ 1/|x|^0.5 as |x| → ∞"),
            ("1", "∫K diverges: K(x) → 1.0 as |x| → ∞"),
            ("x^2", "∫K diverges: K(x) grows like |x|^2 as |x| → ∞"),
            ("exp(-abs(x)) + (x + abs(x))/(1 + x^2)", "∫K diverges: K(x) ~ 1/|x| as x → +∞"),
            ("sin(x)", "K(3.25) = -0.10819513453010837 < 0"),
            ("x^2 - 1", "K(9.5367431640625e-07) = -0.9999999999990905 < 0"),
            ("log(x)", "K(9.5367431640625e-07) = -13.862943611198906 < 0"),
            ("sqrt(-x)", "K(9.5367431640625e-07) is not a number"),
            ("0*x", "K is zero everywhere"),
        ]
        for (source, reason) in cases {
            do {
                _ = try FormulaKernel(source: source)
                Issue.record("\(source) was accepted")
            } catch let error as ModelError {
                #expect(error.problem == "the kernel \(source) is not valid: \(reason)", "\(source)")
                #expect(error.fix == "a kernel must satisfy K(x) ≥ 0 and ∫K dx < ∞")
            } catch {
                Issue.record("\(source): unexpected \(error)")
            }
        }
    }

    /// Quantiles of the Laplace kernel e^{−|x|}/2 are −log(2(1 − u)) for u > ½: the table's
    /// linear interpolation in asinh x between 2¹⁶ nodes is accurate to ~1e-5 here.
    @Test func samplesByInverseDistribution() throws {
        let laplace = try FormulaKernel(source: "exp(-abs(x))")
        for u in [0.6, 0.9, 0.99, 0.999999] {
            #expect(abs(laplace.inverseDistribution(u) - (-log(2 * (1 - u)))) < 1e-4)
        }
        var g = Xoshiro256StarStar(seed: 3)
        let draws = Kernel.formula(laplace).sample(100_000, dimension: 1, using: &g).values
        let variance = draws.map { $0 * $0 }.reduce(0, +) / Double(draws.count)
        // Laplace: Var = 2, kurtosis 6, so the standard error is 2·√(5/10⁵) ≈ 0.014.
        #expect(abs(variance - 2) < 0.08)
    }

    /// A formula kernel is an ordinary 1-D KDE kernel: e^{−|x|} matches the built-in
    /// exponential kernel exactly up to the quadrature's accuracy.
    @Test func worksAsAKernelDensityEstimateKernel() throws {
        let data = PointSet([-1, 0.3, 2])
        let formula = try KernelDensityEstimate(data: data, kernel: .formula(FormulaKernel(source: "exp(-abs(x))")), bandwidth: .standardDeviation(0.5))
        let builtIn = try KernelDensityEstimate(data: data, kernel: .exponential, bandwidth: .standardDeviation(0.5))
        for x in [-3.0, 0, 0.31, 5] {
            #expect(abs(formula.logDensity(at: [x]) - builtIn.logDensity(at: [x])) < 1e-12)
        }
    }
}
