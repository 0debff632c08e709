import Foundation
import Testing
@testable import ParzenCore
import ParzenTestSupport

/// Reflected KDEs against image sums of scipy densities (`reflection.json`, written by
/// `reflection_references.py`), and their integrals by quadrature.
@Suite struct ReflectedKDETests {
    let reference: StatisticsReference

    init() throws { reference = try StatisticsReference("reflection") }

    static let cases = [("exponential", "gaussian"), ("exponential", "epanechnikov"), ("beta", "gaussian"),
                        ("beta", "epanechnikov"), ("wideBeta", "gaussian"), ("upper", "gaussian")]

    func model(_ name: String, _ kernel: String) throws -> ReflectedKernelDensityEstimate {
        let r = reference[name]
        let boundary = try DensityBoundary(lower: r.root["lower"] as? Double, upper: r.root["upper"] as? Double)
        let h = r["kernels"][kernel].number("bandwidth")
        return try ReflectedKernelDensityEstimate(data: r.points("points"), kernel: try #require(Kernel(named: kernel)),
                                                  bandwidth: .standardDeviation(h), boundary: boundary)
    }

    /// Densities at points inside, on and outside the support: 1e-12 relative (both sides
    /// sum the same terms in a different order), and exactly 0 outside.
    @Test(arguments: cases)
    func densityMatchesImageSum(_ name: String, _ kernel: String) throws {
        let kde = try model(name, kernel)
        let r = reference[name]
        let at = r.vector("at")
        let batched = kde.logDensities(at: PointSet(at))
        for (i, (x, expected)) in zip(at, r["kernels"][kernel].vector("density")).enumerated() {
            let p = exp(kde.logDensity(at: [x]))
            if expected == 0 {
                #expect(p == 0, "\(name) \(kernel) at \(x)")
            } else {
                #expect(isClose(p, expected, relative: 1e-12), "\(name) \(kernel) at \(x): \(p) vs \(expected)")
            }
            #expect(batched[i] == kde.logDensity(at: [x]))
        }
        #expect(isClose(r["kernels"][kernel].number("mass"), 1, relative: 1e-12))
    }

    /// ∫ p = 1 over the support: Gauss–Legendre (8 nodes) on pieces between the kernel's
    /// kinks (image ± h for the Epanechnikov; exact for its piecewise quadratics) and on 4000
    /// pieces for the Gaussian, out to 40h beyond the data on an open side. 1e-8 is the bar.
    @Test(arguments: cases)
    func integratesToOneOverTheSupport(_ name: String, _ kernel: String) throws {
        let kde = try model(name, kernel)
        let r = reference[name]
        let h = r["kernels"][kernel].number("bandwidth")
        let data = r.vector("points")
        let lo = kde.boundary.lower ?? data.min()! - 40 * h
        let hi = kde.boundary.upper ?? data.max()! + 40 * h
        var breaks: [Double]
        if kernel == "epanechnikov" {
            var all = [lo, hi]
            for o in data { for c in [o, 2 * (kde.boundary.lower ?? 0) - o] { all += [c - h, c + h] } }
            breaks = all.filter { $0 >= lo && $0 <= hi }.sorted()
        } else {
            breaks = (0...4000).map { lo + (hi - lo) * Double($0) / 4000 }
        }
        let mass = zip(breaks, breaks.dropFirst()).reduce(0) { $0 + gaussLegendre(kde, from: $1.0, to: $1.1) }
        #expect(abs(mass - 1) < 1e-8, "\(name) \(kernel): ∫p = \(mass)")
    }

    /// Draws fold into the support; their mean matches the density's mean by quadrature
    /// within 5 standard errors.
    @Test func samplesStayInsideTheSupport() throws {
        let kde = try model("beta", "gaussian")
        var rng = Xoshiro256StarStar(seed: 4)
        let draws = kde.sample(20_000, using: &rng).values
        #expect(draws.allSatisfy { $0 >= 0 && $0 <= 1 })
        let breaks = (0...2000).map { Double($0) / 2000 }
        let mean = zip(breaks, breaks.dropFirst()).reduce(0) {
            $0 + gaussLegendre(kde, from: $1.0, to: $1.1, moment: 1)
        }
        let sampleMean = draws.reduce(0, +) / Double(draws.count)
        let sd = (draws.map { ($0 - sampleMean) * ($0 - sampleMean) }.reduce(0, +) / Double(draws.count)).squareRoot()
        #expect(abs(sampleMean - mean) < 5 * sd / Double(draws.count).squareRoot())
    }

    @Test func summaryNamesTheBoundary() throws {
        let kde = try model("beta", "gaussian")
        #expect(kde.summary.kind == "kde")
        #expect(kde.summary["lower"]?.value == .scalar(0))
        #expect(kde.summary["upper"]?.value == .scalar(1))
    }

    @Test func badInputsThrow() throws {
        let lower = try DensityBoundary(lower: 0)
        #expect(throws: ModelError.self) { try DensityBoundary() }
        #expect(throws: ModelError.self) { try DensityBoundary(lower: 1, upper: 1) }
        #expect(throws: ModelError.self) { try DensityBoundary(lower: .nan) }
        #expect {
            try ReflectedKernelDensityEstimate(data: PointSet([1, -0.5]), bandwidth: .standardDeviation(1),
                                               boundary: lower)
        } throws: { ($0 as? ModelError)?.problem == "the point -0.5 lies outside the support [0.0, ∞)" }
        let formula = Kernel.formula(try FormulaKernel(source: "exp(-abs(x))"))
        #expect(throws: ModelError.self) {
            try ReflectedKernelDensityEstimate(data: PointSet([1.0]), kernel: formula,
                                               bandwidth: .standardDeviation(1), boundary: lower)
        }
        let both = try DensityBoundary(lower: 0, upper: 1)
        let cauchy = Kernel.formula(try FormulaKernel(source: "1/(1+x^2)"))
        #expect(throws: ModelError.self) {
            try ReflectedKernelDensityEstimate(data: PointSet([0.5]), kernel: cauchy,
                                               bandwidth: .standardDeviation(1), boundary: both)
        }
        #expect(throws: ModelError.self) {
            try ReflectedKernelDensityEstimate(data: PointSet([0.5]), bandwidth: .standardDeviation(1e7), boundary: both)
        }
    }

    /// ∫ xᵐ p(x) dx over [a, b] by 8-point Gauss–Legendre.
    func gaussLegendre(_ kde: ReflectedKernelDensityEstimate, from a: Double, to b: Double,
                       moment: Int = 0) -> Double {
        let nodes = [0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363]
        let weights = [0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763]
        let mid = 0.5 * (a + b), half = 0.5 * (b - a)
        var sum = 0.0
        for (x, w) in zip(nodes, weights) {
            for t in [mid - half * x, mid + half * x] {
                sum += w * pow(t, Double(moment)) * exp(kde.logDensity(at: [t]))
            }
        }
        return sum * half
    }
}
