import Foundation
import Testing
@testable import ParzenCore

/// Composite Gauss–Legendre quadrature (20 nodes per panel), independent of the library's
/// own double-exponential rule. Nodes by Newton's method on P₂₀ (Golub–Welsch would do too).
func gaussLegendreIntegral(_ f: (Double) -> Double, from a: Double, to b: Double, panels: Int = 200) -> Double {
    let (nodes, weights) = gaussLegendre20
    let width = (b - a) / Double(panels)
    var sum = 0.0
    for p in 0..<panels {
        let mid = a + (Double(p) + 0.5) * width
        for (x, w) in zip(nodes, weights) { sum += w * f(mid + 0.5 * width * x) }
    }
    return sum * 0.5 * width
}

let gaussLegendre20: ([Double], [Double]) = {
    let n = 20
    var nodes: [Double] = [], weights: [Double] = []
    for i in 1...n {
        var x = cos(Double.pi * (Double(i) - 0.25) / (Double(n) + 0.5))
        var derivative = 0.0
        for _ in 0..<100 {
            var p0 = 1.0, p1 = x
            for k in 2...n { (p0, p1) = (p1, (Double(2 * k - 1) * x * p1 - Double(k - 1) * p0) / Double(k)) }
            derivative = Double(n) * (x * p1 - p0) / (x * x - 1)
            let step = p1 / derivative
            x -= step
            if abs(step) < 1e-16 { break }
        }
        nodes.append(x)
        weights.append(2 / ((1 - x * x) * derivative * derivative))
    }
    return (nodes, weights)
}()

@Suite struct KernelTests {
    /// The range that holds all but < 1e-17 of each kernel's mass (scale 1).
    func reach(_ kernel: Kernel) -> Double { kernel.supportRadius.isFinite ? kernel.supportRadius : 45 }

    /// ∫K = 1 in 1-D; panels end exactly at ±1 and 0, where the compact kernels have kinks,
    /// so the rule is exact to ~1e-15 on each smooth piece.
    @Test(arguments: Kernel.builtIn)
    func integratesToOneInOneDimension(_ kernel: Kernel) {
        let r = reach(kernel)
        let f = { (x: Double) in exp(kernel.logDensity(at: [x][...])) }
        let mass = gaussLegendreIntegral(f, from: -r, to: 0) + gaussLegendreIntegral(f, from: 0, to: r)
        #expect(abs(mass - 1) < 1e-12, "\(kernel.name): \(mass)")
    }

    /// ∫∫K = 1 in 2-D over the plane in polar coordinates (r, θ), evaluating the 2-D
    /// log-density at actual points (r cos θ, r sin θ); and in 3-D along rays.
    @Test(arguments: Kernel.builtIn)
    func integratesToOneInTwoAndThreeDimensions(_ kernel: Kernel) {
        let r = reach(kernel)
        let plane = gaussLegendreIntegral({ theta in
            gaussLegendreIntegral({ rho in rho * exp(kernel.logDensity(at: [rho * cos(theta), rho * sin(theta)][...])) },
                      from: 0, to: r, panels: 40)
        }, from: 0, to: 2 * Double.pi, panels: 2)
        #expect(abs(plane - 1) < 1e-12, "\(kernel.name) 2-D: \(plane)")
        let sphereArea = 4 * Double.pi
        let space = sphereArea * gaussLegendreIntegral({ rho in rho * rho * exp(kernel.logDensity(at: [rho * 0.6, 0, rho * 0.8][...])) },
                                           from: 0, to: r, panels: 40)
        #expect(abs(space - 1) < 1e-12, "\(kernel.name) 3-D: \(space)")
    }

    /// scikit-learn's own 2-D cosine kernel integrates to 1 − 2/π (its constant is wrong in
    /// even dimensions; recorded by the reference script): ours must not copy that.
    @Test func cosineNormalisationDiffersFromScikitLearnInTwoDimensions() {
        #expect(abs(KDEReferences.shared.cosine_2d_mass_sklearn - (1 - 2 / Double.pi)) < 1e-9)
        // Ours: c₂ = 2π ∫₀¹ r cos(πr/2) dr = 2π(2/π − 4/π²) = 4 − 8/π.
        #expect(abs(exp(Kernel.cosine.logNormalization(dimension: 2)) - (4 - 8 / Double.pi)) < 1e-14)
    }

    /// The documented variance against ∫x²K in 1-D and E‖u‖²/d in 2-D, by quadrature.
    @Test(arguments: Kernel.builtIn)
    func varianceMatchesQuadrature(_ kernel: Kernel) {
        let r = reach(kernel)
        let f = { (x: Double) in x * x * exp(kernel.logDensity(at: [x][...])) }
        let oneD = gaussLegendreIntegral(f, from: -r, to: 0) + gaussLegendreIntegral(f, from: 0, to: r)
        #expect(abs(oneD - kernel.variance(dimension: 1)) < 1e-12 * max(1, oneD), "\(kernel.name): \(oneD)")
        let twoD = 2 * Double.pi * gaussLegendreIntegral({ rho in rho * rho * rho * exp(kernel.logDensity(at: [rho, 0][...])) },
                                             from: 0, to: r, panels: 40) / 2
        #expect(abs(twoD - kernel.variance(dimension: 2)) < 1e-12 * max(1, twoD), "\(kernel.name) 2-D: \(twoD)")
    }

    /// Per-coordinate sample variance of 10⁵ draws in 1-D and 3-D: the standard error of a
    /// variance is σ²√((κ − 1)/n) ≤ σ²·√(5/10⁵) ≈ 0.7% (kurtosis κ ≤ 6 for all these
    /// kernels), so 4% is a > 5σ bound; the mean must be 0 within 5 standard errors.
    @Test(arguments: Kernel.builtIn)
    func samplesHaveTheKernelVariance(_ kernel: Kernel) {
        for d in [1, 3] {
            var g = Xoshiro256StarStar(seed: 17)
            let n = 100_000
            let draws = kernel.sample(n, dimension: d, using: &g)
            let expected = kernel.variance(dimension: d)
            for k in 0..<d {
                let column = draws.column(k)
                let mean = column.reduce(0, +) / Double(n)
                let variance = column.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n)
                #expect(abs(variance - expected) < 0.04 * expected, "\(kernel.name) d=\(d): \(variance) vs \(expected)")
                #expect(abs(mean) < 5 * (expected / Double(n)).squareRoot())
            }
            if kernel.supportRadius.isFinite {
                for i in 0..<n {
                    var r2 = 0.0
                    for c in draws[i] { r2 += c * c }
                    #expect(r2 <= 1)
                }
            }
        }
    }

    @Test func registryFindsEveryKernelByName() {
        #expect(Kernel.builtInNames == ["gaussian", "epanechnikov", "tophat", "exponential", "linear", "cosine", "biweight", "triweight"])
        for name in Kernel.builtInNames { #expect(Kernel(named: name)?.name == name) }
        #expect(Kernel(named: "gausian") == nil)
    }
}

extension Kernel: CustomTestStringConvertible {
    public var testDescription: String { name }
}
