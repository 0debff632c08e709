import Foundation
import Testing
@testable import ParzenCore
import ParzenTestSupport

/// Radial formula kernels k(r) in d dimensions, against closed forms and quadrature.
@Suite struct RadialKernelTests {
    /// c_d against closed forms: exp(−r²/2) → (2π)^{d/2}; exp(−r) → S_{d−1} Γ(d);
    /// (1 + r²)^{−3} → S_{d−1} · ½ B(d/2, 3 − d/2). The quadrature is good to ~1e-13.
    @Test(arguments: 1...4)
    func normalizationMatchesClosedForms(_ d: Int) throws {
        let dd = Double(d)
        let logSphere = log(2) + 0.5 * dd * log(Double.pi) - lgamma(0.5 * dd)
        let gaussian = try RadialFormulaKernel(source: "exp(-r^2/2)")
        #expect(isClose(gaussian.logNormalization(dimension: d), 0.5 * dd * log(2 * Double.pi), relative: 1e-12))
        let laplace = try RadialFormulaKernel(source: "exp(-r)")
        #expect(isClose(laplace.logNormalization(dimension: d), logSphere + lgamma(dd), relative: 1e-12))
        let student = try RadialFormulaKernel(source: "(1 + r^2)^(-3)")
        let beta = lgamma(0.5 * dd) + lgamma(3 - 0.5 * dd) - lgamma(3)
        #expect(isClose(student.logNormalization(dimension: d), logSphere + log(0.5) + beta, relative: 1e-12))
        // Variances: 1 for the Gaussian profile, d + 1 for exp(−r) (as the built-in kernels).
        #expect(isClose(gaussian.variance(dimension: d), 1, relative: 1e-12))
        #expect(isClose(Kernel.radial(laplace).variance(dimension: d), Kernel.exponential.variance(dimension: d),
                        relative: 1e-12))
    }

    /// The normalised kernel integrates to 1 in 2-D and 3-D by tensor Gauss–Legendre in
    /// Cartesian coordinates (8 nodes on each of 12 panels of [−6, 6] per axis; the profile
    /// is smooth and below 1e-14 beyond), independently of the radial moments.
    @Test(arguments: [2, 3])
    func integratesToOneInCartesianCoordinates(_ d: Int) throws {
        let kernel = Kernel.radial(try RadialFormulaKernel(source: "exp(-r^2) * (1 + r^4)"))
        let nodes = [0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363]
        let weights = [0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763]
        var axis: [(x: Double, w: Double)] = []
        for panel in 0..<12 {
            let mid = -6 + Double(panel) + 0.5
            for (t, w) in zip(nodes, weights) { axis += [(mid - 0.5 * t, 0.5 * w), (mid + 0.5 * t, 0.5 * w)] }
        }
        var total = 0.0
        var u = [Double](repeating: 0, count: d)
        func accumulate(_ k: Int, _ weight: Double) {
            if k == d { total += weight * exp(kernel.logDensity(at: u[...])); return }
            for (x, w) in axis { u[k] = x; accumulate(k + 1, weight * w) }
        }
        accumulate(0, 1)
        #expect(abs(total - 1) < 1e-10, "∫K = \(total) in \(d)-D")
    }

    /// A 2-D KDE with the radial kernel exp(−r²/2) is the Gaussian KDE (closed-form kernel).
    @Test func kdeWithGaussianProfileIsTheGaussianKDE() throws {
        var rng = Xoshiro256StarStar(seed: 2)
        let data = try Gaussian(mean: [0, 1], covariance: .identity(2)).sample(200, using: &rng)
        let radial = Kernel.radial(try RadialFormulaKernel(source: "exp(-r^2/2)"))
        let a = try KernelDensityEstimate(data: data, kernel: radial, bandwidth: .standardDeviation(0.4))
        let b = try KernelDensityEstimate(data: data, bandwidth: .standardDeviation(0.4))
        let at = PointSet(points: [[0, 0], [1, 2], [-3, 4], [10, 10]])
        for (x, y) in zip(a.logDensities(at: at), b.logDensities(at: at)) { #expect(isClose(x, y, relative: 1e-12)) }
    }

    /// Tails decide the dimensions: (1 + r²)^{−2} decays like r^{−4}, so it is a kernel for
    /// d ≤ 3 with infinite variance from d = 2 on; r^{−1} tails are refused.
    @Test func tailsDecideTheDimensions() throws {
        let k = try RadialFormulaKernel(source: "(1 + r^2)^(-2)")
        #expect(k.maximumDimension == 3)
        #expect(k.variance(dimension: 1).isFinite)
        #expect(k.variance(dimension: 2) == .infinity)
        let data = PointSet(dimension: 4, values: [Double](repeating: 0, count: 8))
        #expect(throws: ModelError.self) {
            try KernelDensityEstimate(data: data, kernel: .radial(k), bandwidth: .standardDeviation(1))
        }
        #expect { try RadialFormulaKernel(source: "1/(1 + r)") } throws: {
            ($0 as? ModelError)?.problem.contains("diverges") == true
        }
        #expect(throws: ModelError.self) { try RadialFormulaKernel(source: "1 - r") }
        #expect(throws: ModelError.self) { try RadialFormulaKernel(source: "1/r") }
        #expect(throws: ExpressionError.self) { try RadialFormulaKernel(source: "exp(-x)") }
        #expect(Kernel.radial(k).name == "radial: (1 + r^2)^(-2)")
    }

    /// Draws in 3-D of exp(−r²/2): E‖u‖² = 3, Var ‖u‖² = 6 (χ²₃); 4 standard errors.
    @Test func samplesHaveTheKernelsSpread() throws {
        let kernel = Kernel.radial(try RadialFormulaKernel(source: "exp(-r^2/2)"))
        var rng = Xoshiro256StarStar(seed: 9)
        let n = 20_000
        let draws = kernel.sample(n, dimension: 3, using: &rng)
        var sum = 0.0
        for i in 0..<n { sum += draws[i].reduce(0) { $0 + $1 * $1 } }
        #expect(abs(sum / Double(n) - 3) < 4 * (6 / Double(n)).squareRoot())
    }
}
