import Foundation
import Testing
@testable import ParzenCore

/// The values written by References/kde_references.py (scikit-learn, scipy, KDEpy).
struct KDEReferences: Decodable {
    struct Dataset: Decodable {
        let dimension: Int
        let points: [Double]
        var pointSet: PointSet { PointSet(dimension: dimension, values: points) }
    }
    struct Case: Decodable {
        let dataset: String
        let kernel: String
        let bandwidth: Double
        let log_density: [Double?]
    }
    struct MatrixCase: Decodable {
        let dataset: String
        let matrix: [Double]
        let log_density: [Double]
    }
    struct Rules1D: Decodable { let scott, silverman, isj, isj_kdepy: Double }
    struct RulesMatrix: Decodable { let scott, silverman: [Double] }
    struct Rules: Decodable {
        let d1: Rules1D
        let d2: RulesMatrix
        let d3: RulesMatrix
    }
    struct ISJLarge: Decodable { let points: [Double]; let isj, isj_kdepy: Double }
    struct LOO: Decodable { let points: [Double]; let h, objective: Double }

    let datasets: [String: Dataset]
    let queries: [String: [Double]]
    let sklearn: [Case]
    let kdepy: [Case]
    let scipy_matrix: [MatrixCase]
    let rules: Rules
    let isj_large: ISJLarge
    let loo: LOO
    let cosine_2d_mass_sklearn: Double

    static let shared: KDEReferences = {
        let url = Bundle.module.url(forResource: "kde_references", withExtension: "json", subdirectory: "References")!
        return try! JSONDecoder().decode(KDEReferences.self, from: Data(contentsOf: url))
    }()

    func queryPoints(_ dataset: String) -> PointSet {
        PointSet(dimension: datasets[dataset]!.dimension, values: queries[dataset]!)
    }
}

/// |a − b| ≤ tolerance·|b|, or a == b (so equal infinities agree).
func agrees(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
    a == b || abs(a - b) <= tolerance * abs(b)
}

@Suite struct KDETests {
    let references = KDEReferences.shared

    /// Exact sums on both sides: scikit-learn with atol = rtol = 0. 1e-10 relative leaves
    /// room for the different summation orders (~N·ε ≈ 1e-13 in the log-sum-exp).
    @Test func logDensitiesMatchScikitLearnForEveryKernel() throws {
        #expect(references.sklearn.count >= 30)
        for c in references.sklearn {
            let data = references.datasets[c.dataset]!.pointSet
            let kde = try KernelDensityEstimate(data: data, kernel: Kernel(named: c.kernel)!,
                                                bandwidth: .standardDeviation(c.bandwidth))
            let got = kde.logDensities(at: references.queryPoints(c.dataset))
            for (g, expected) in zip(got, c.log_density) {
                let e = expected ?? -.infinity
                #expect(agrees(g, e, relative: 1e-10), "\(c.kernel) d=\(data.dimension) h=\(c.bandwidth): \(g) vs \(e)")
            }
        }
    }

    /// KDEpy's NaiveKDE sums exactly; its kernels have unit variance, so bw = h·σ_K.
    @Test func biweightAndTriweightMatchKDEpy() throws {
        for c in references.kdepy {
            let data = references.datasets[c.dataset]!.pointSet
            let kde = try KernelDensityEstimate(data: data, kernel: Kernel(named: c.kernel)!,
                                                bandwidth: .standardDeviation(c.bandwidth))
            let got = kde.logDensities(at: references.queryPoints(c.dataset))
            for (g, expected) in zip(got, c.log_density) {
                #expect(agrees(g, expected ?? -.infinity, relative: 1e-10), "\(c.kernel) h=\(c.bandwidth): \(g) vs \(String(describing: expected))")
            }
        }
    }

    /// scipy's gaussian_kde is N(x | oᵢ, H) with H its covariance: the full-matrix path.
    @Test func fullBandwidthMatrixMatchesScipy() throws {
        for c in references.scipy_matrix {
            let data = references.datasets[c.dataset]!.pointSet
            let d = data.dimension
            let kde = try KernelDensityEstimate(data: data, bandwidth: .matrix(Matrix(rows: d, columns: d, values: c.matrix)))
            let got = kde.logDensities(at: references.queryPoints(c.dataset))
            for (g, e) in zip(got, c.log_density) {
                #expect(agrees(g, e, relative: 1e-10), "d=\(d): \(g) vs \(e)")
            }
        }
    }

    @Test func bothBandwidthSpellingsAndTheMatrixFormAgree() throws {
        let data = references.datasets["d2"]!.pointSet
        let queries = references.queryPoints("d2")
        let byVariance = try KernelDensityEstimate(data: data, kernel: .epanechnikov, bandwidth: .variance(0.49))
        let byDeviation = try KernelDensityEstimate(data: data, kernel: .epanechnikov, bandwidth: .standardDeviation(0.7))
        let byMatrix = try KernelDensityEstimate(data: data, kernel: .epanechnikov, bandwidth: .matrix(Matrix(diagonal: [0.49, 0.49])))
        let a = byVariance.logDensities(at: queries), b = byDeviation.logDensities(at: queries), m = byMatrix.logDensities(at: queries)
        for k in 0..<a.count {
            #expect(agrees(a[k], b[k], relative: 1e-14))
            #expect(agrees(a[k], m[k], relative: 1e-13))  // a triangular solve instead of a division
        }
        #expect(byVariance.summary["beta"]?.value == .scalar(0.49))
        #expect(byDeviation.summary["bandwidth"]?.value == .scalar(0.7))
        #expect(byVariance.summary["beta"]?.note?.contains("variance") == true)
    }

    /// Points 1e3 bandwidths away: the density underflows, its logarithm must not.
    /// log p(x) = −log N − ½log(2πh²) − (x − o_nearest)²/(2h²) + log(1 + tiny) exactly.
    @Test func farPointsHaveFiniteAccurateLogDensities() throws {
        let data = PointSet([0, 1, 2])
        let kde = try KernelDensityEstimate(data: data, bandwidth: .standardDeviation(0.01))
        let x = 12.0
        let expected = -log(3.0) - 0.5 * log(2 * Double.pi * 1e-4) - 100.0 / 2e-4
        #expect(agrees(kde.logDensity(at: [x]), expected, relative: 1e-14))
        #expect(kde.logDensities(at: PointSet([x, -1e4])).allSatisfy { $0.isFinite })
    }

    @Test func compactKernelsAreMinusInfinityOutsideTheSupportOnly() throws {
        let kde = try KernelDensityEstimate(data: PointSet([0]), kernel: .epanechnikov, bandwidth: .standardDeviation(1))
        #expect(kde.logDensity(at: [1.5]) == -.infinity)
        #expect(agrees(kde.logDensity(at: [0.5]), log(0.75 * 0.75), relative: 1e-15))
    }

    @Test func batchedParallelEvaluationEqualsPointwise() throws {
        var g = Xoshiro256StarStar(seed: 5)
        let data = PointSet(dimension: 2, values: (0..<600).map { _ in g.nextGaussian() })
        let queries = PointSet(dimension: 2, values: (0..<1000).map { _ in 3 * g.nextGaussian() })
        for kernel in [Kernel.gaussian, .cosine] {
            let kde = try KernelDensityEstimate(data: data, kernel: kernel, bandwidth: .variance(0.2))
            let batched = kde.logDensities(at: queries)
            for j in stride(from: 0, to: queries.count, by: 37) {
                #expect(batched[j] == kde.logDensity(at: queries[j]))
            }
        }
    }

    /// As β → 0 the KDE concentrates on the data: at a data point p ≈ (1/N)·N(0 | 0, β) and the
    /// other points' terms are exp(−Δ²/2β) ≈ 0; draws are within a few √β of data points.
    @Test func tendsToTheEmpiricalDistributionAsBetaShrinks() throws {
        let data = PointSet([-1, 0.5, 2, 3.25])
        let beta = 1e-10
        let kde = try KernelDensityEstimate(data: data, bandwidth: .variance(beta))
        let atPoint = -log(4.0) - 0.5 * log(2 * Double.pi * beta)
        #expect(agrees(kde.logDensity(at: [0.5]), atPoint, relative: 1e-15))
        let empirical = try EmpiricalDistribution(data: data)
        #expect(empirical.logMass(at: [0.5]) == -log(4.0))
        var g = Xoshiro256StarStar(seed: 9)
        let draws = kde.sample(1000, using: &g)
        for x in draws.values {
            #expect(data.values.contains { abs($0 - x) < 1e-4 })
        }
    }

    /// As β → ∞ the KDE becomes one wide Gaussian: p(x) → N(x | ō, β + s²) where ō and s²
    /// are the data mean and (biased) variance; what remains comes from the third and fourth
    /// cumulants, at most 1.3e-10 at these points (evaluated at 40 digits with Python's decimal).
    @Test func tendsToOneWideGaussianAsBetaGrows() throws {
        let data = PointSet([-1, 0.5, 2, 3.25])
        let beta = 1e6
        let kde = try KernelDensityEstimate(data: data, bandwidth: .variance(beta))
        let mean = data.values.reduce(0, +) / 4
        let variance = data.values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
        for x in [-300.0, 0, 1000] {
            let wide = -0.5 * log(2 * Double.pi * (beta + variance)) - (x - mean) * (x - mean) / (2 * (beta + variance))
            #expect(abs(kde.logDensity(at: [x]) - wide) < 2e-10)
        }
    }

    /// Var(draw) = Var(data) + h²σ_K²; with 10⁵ draws the standard error of the variance is
    /// ≈ s²·√(2/n) ≈ 0.5% of it, so 3% is a > 5σ bound.
    @Test func samplesHaveTheDataVariancePlusTheKernelVariance() throws {
        let data = references.datasets["d1"]!.pointSet
        let mean = data.values.reduce(0, +) / Double(data.count)
        let dataVariance = data.values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(data.count)
        for kernel in Kernel.builtIn {
            let kde = try KernelDensityEstimate(data: data, kernel: kernel, bandwidth: .standardDeviation(0.8))
            var g = Xoshiro256StarStar(seed: 21)
            let draws = kde.sample(100_000, using: &g).values
            let m = draws.reduce(0, +) / Double(draws.count)
            let v = draws.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(draws.count)
            let expected = dataVariance + 0.64 * kernel.variance(dimension: 1)
            #expect(abs(v - expected) < 0.03 * expected, "\(kernel.name): \(v) vs \(expected)")
        }
    }

    @Test func refusesEmptyDataAndBadBandwidths() {
        #expect(throws: ModelError.self) { try KernelDensityEstimate(data: PointSet([]), bandwidth: .variance(1)) }
        #expect(throws: ModelError.self) { try KernelDensityEstimate(data: PointSet([1]), bandwidth: .variance(0)) }
        #expect(throws: ModelError.self) { try KernelDensityEstimate(data: PointSet([1]), bandwidth: .standardDeviation(-.infinity)) }
        #expect(throws: ModelError.self) {
            try KernelDensityEstimate(data: PointSet(points: [[0, 0]]), bandwidth: .matrix(Matrix(rows: [[1, 2], [2, 1]])))
        }
        #expect(throws: ModelError.self) {
            try KernelDensityEstimate(data: PointSet(points: [[0, 0]]), kernel: .formula(try FormulaKernel(source: "exp(-abs(x))")), bandwidth: .variance(1))
        }
    }
}

@Suite struct KDEExponentialTests {
    /// The vectorised exp(−a) of the exact Gaussian path against libm's exp on 10⁵ random
    /// arguments in [0, 708] and at the reduction's boundaries: within 4 ulp (both are
    /// faithfully rounded, ~1 ulp each, plus the table's half ulp).
    @Test func vectorisedExponentialMatchesLibm() {
        var g = Xoshiro256StarStar(seed: 31)
        var arguments = (0..<100_000).map { _ in 708 * g.nextUniform() * g.nextUniform() }
        arguments += [0, 1e-300, 0.5 * log(2.0) / 64, log(2.0) / 64, 1, 40, 707.9, 708]
        arguments += [Double](repeating: 0, count: (8 - arguments.count % 8) % 8)
        for start in stride(from: 0, to: arguments.count, by: 8) {
            let values = negativeExponential(SIMD8(arguments[start..<(start + 8)]))
            for lane in 0..<8 {
                let expected = exp(-arguments[start + lane])
                #expect(abs(values[lane] - expected) <= 4 * expected.ulp, "a = \(arguments[start + lane])")
            }
        }
    }
}
