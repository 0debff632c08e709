import Foundation
import Testing
@testable import ParzenCore

/// The values written by References/monte_carlo_kl_references.py (numpy, scipy).
struct MonteCarloKLReferences: Decodable {
    struct Mean: Decodable { let value, standard_error: Double }
    struct KDE: Decodable {
        let label: String
        let matrix: [Double]
        let kl, cross_entropy: Mean
    }
    struct Mixture: Decodable { let weights: [Double]; let means, covariances: [[Double]] }
    struct Case: Decodable {
        let dimension: Int
        let data, draws: [Double]
        let mixture: Mixture
        let kdes: [KDE]
        var dataSet: PointSet { PointSet(dimension: dimension, values: data) }
        var drawSet: PointSet { PointSet(dimension: dimension, values: draws) }
        /// log p of the generating mixture at the draws.
        var logP: [Double] {
            let d = dimension
            let components = zip(mixture.means, mixture.covariances).map { mean, c in
                try! Gaussian(mean: mean, covariance: Matrix(rows: d, columns: d, values: c))
            }
            return try! GaussianMixture(weights: mixture.weights, components: components).logDensities(at: drawSet)
        }
    }
    let d1, d2: Case

    static let shared: MonteCarloKLReferences = {
        let url = Bundle.module.url(forResource: "monte_carlo_kl", withExtension: "json", subdirectory: "References")!
        return try! JSONDecoder().decode(MonteCarloKLReferences.self, from: Data(contentsOf: url))
    }()
}

/// KDE log-densities at Monte Carlo draws through the binned grid (`MonteCarloLogDensities`):
/// the KL and cross-entropy estimates against scipy's exact sums at the same committed draws
/// (log p of the mixture by Parzen's `GaussianMixture`, itself verified against scipy),
/// within the computed bound, which is below 10⁻³ SE; and the cases where it must refuse.
@Suite struct MonteCarloLogDensitiesTests {
    let references = MonteCarloKLReferences.shared

    func kde(_ c: MonteCarloKLReferences.Case, _ k: MonteCarloKLReferences.KDE) throws -> KernelDensityEstimate {
        let bandwidth: Bandwidth = c.dimension == 1 ? .variance(k.matrix[0])
            : .matrix(Matrix(rows: [[k.matrix[0], k.matrix[1]], [k.matrix[2], k.matrix[3]]]))
        return try KernelDensityEstimate(data: c.dataSet, bandwidth: bandwidth)
    }

    /// Every committed 1-D KDE (h = 0.05, 0.3, 1.5; 10,000 draws) is binned, and its KL and
    /// cross-entropy are within their bound of scipy's (plus 1e-13 relative for the two sums'
    /// own rounding), the bound at most 10⁻³ of each SE; the SEs agree to 1e-6. The 2-D KDE at
    /// 2,000 draws is exact: its grid (512² nodes) would cost more than the 8·10⁵ exact terms.
    @Test func binnedKLAndCrossEntropyAreWithinTheirBoundOfScipy() throws {
        var checked = 0
        for c in [references.d1, references.d2] {
            let logP = c.logP
            for k in c.kdes {
                let model = try kde(c, k)
                let evaluation = MonteCarloLogDensities(model, at: c.drawSet, minuend: logP)
                #expect(evaluation.method == (c.dimension == 1 ? .binned : .exact), "\(c.dimension)-D \(k.label)")
                let kl = Estimate(meanOf: zip(logP, evaluation.values).map { $0 - $1 })
                let crossEntropy = Estimate(meanOf: evaluation.values.map { -$0 })
                for (estimate, expected) in [(kl, k.kl), (crossEntropy, k.cross_entropy)] {
                    let error = abs(estimate.value - expected.value)
                    #expect(error <= evaluation.bound + 1e-13 * abs(crossEntropy.value),
                            "\(k.label): error \(error), bound \(evaluation.bound)")
                    #expect(evaluation.bound <= 1e-3 * expected.standard_error)
                    #expect(abs(estimate.standardError / expected.standard_error - 1) < 1e-6)
                }
                checked += 1
            }
        }
        #expect(checked == 4)
    }

    /// On a coarse grid (10⁻⁴ per point, so the errors are measurable) the bound on the mean
    /// still holds against the exact sum, and with a fraction that the whole grid cannot meet,
    /// the largest-bound draws are evaluated exactly until it does: some, not all.
    @Test func theBoundOnTheMeanHoldsAndRefinementEvaluatesTheWorstDrawsExactly() throws {
        let c = references.d1
        let model = try kde(c, c.kdes[1])
        let exact = model.logDensities(at: c.drawSet)
        let exactMean = exact.reduce(0, +) / Double(exact.count)
        let coarse = MonteCarloLogDensities(candidate: model, at: c.drawSet, tolerance: 1e-4)
        #expect(coarse.method == .binned)
        let coarseMean = coarse.values.reduce(0, +) / Double(exact.count)
        #expect(abs(coarseMean - exactMean) <= coarse.bound)
        #expect(abs(coarseMean - exactMean) > 1e-9, "the coarse grid's error is measurable")
        // A fraction that the coarse grid misses by a factor ~2: part of the draws must be exact.
        let se = Estimate(meanOf: coarse.values).standardError
        let fraction = 0.5 * coarse.bound / se
        var parts = [coarse]
        MonteCarloLogDensities.meet(&parts, of: [model], at: c.drawSet, fraction: fraction) {
            Estimate(meanOf: $0[0]).standardError
        }
        let refined = parts[0]
        #expect(refined.exactPoints > coarse.exactPoints && refined.method == .binned)
        #expect(refined.bound <= fraction * Estimate(meanOf: refined.values).standardError)
        let refinedMean = refined.values.reduce(0, +) / Double(exact.count)
        #expect(abs(refinedMean - exactMean) <= refined.bound)
        for j in exact.indices where refined.errorBounds[j] == 0 { #expect(refined.values[j] == exact[j]) }
    }

    /// It must refuse: a KDE against itself has KL terms that are 0 up to the binning error, so
    /// SE ≈ 0 and no bound is small enough — every draw is exact and the KL is exactly 0.
    /// A model that is not a KDE, and a KDE too small to pay for a grid, are exact too.
    @Test func refusesWhenTheStandardErrorIsTooSmallOrTheGridDoesNotPay() throws {
        let c = references.d1
        let model = try kde(c, c.kdes[2])
        let exact = model.logDensities(at: c.drawSet)
        #expect(MonteCarloLogDensities(model, at: c.drawSet).method == .binned)
        let itself = MonteCarloLogDensities(model, at: c.drawSet, minuend: exact)
        #expect(itself.method == .exact && itself.bound == 0 && itself.values == exact)
        let gaussian = try Gaussian(mean: [0], covariance: Matrix(rows: [[1]]))
        #expect(MonteCarloLogDensities(gaussian, at: c.drawSet).method == .exact)
        let few = c.drawSet.selecting(0..<20)
        let small = MonteCarloLogDensities(model, at: few)
        #expect(small.method == .exact && small.values == model.logDensities(at: few))
        let epanechnikov = try KernelDensityEstimate(data: c.dataSet, kernel: .epanechnikov,
                                                     bandwidth: .standardDeviation(0.5))
        #expect(MonteCarloLogDensities(epanechnikov, at: c.drawSet).method == .exact)
    }

    /// `klDivergence` with a KDE as q takes the same path: within 10⁻³ SE of the exact terms at
    /// its own draws (regenerated from the same seed), and deterministic.
    @Test func klDivergenceOfAKDEMatchesTheExactTerms() throws {
        let c = references.d1
        let model = try kde(c, c.kdes[1])
        let truth = try GaussianMixture(weights: [0.5, 0.5], components: [
            Gaussian(mean: [-1], covariance: Matrix(rows: [[0.25]])),
            Gaussian(mean: [1.5], covariance: Matrix(rows: [[1]])),
        ])
        var generator = Xoshiro256StarStar(seed: 41)
        let estimate = try klDivergence(truth, model, samples: 20_000, using: &generator)
        var again = Xoshiro256StarStar(seed: 41)
        #expect(try klDivergence(truth, model, samples: 20_000, using: &again) == estimate)
        var replay = Xoshiro256StarStar(seed: 41)
        let draws = truth.sample(20_000, using: &replay)
        let exact = Estimate(meanOf: zip(truth.logDensities(at: draws), model.logDensities(at: draws)).map { $0 - $1 })
        #expect(abs(estimate.value - exact.value) <= 1e-3 * exact.standardError)
        #expect(abs(estimate.standardError / exact.standardError - 1) < 1e-6)
    }

    /// The branch-free bisection of the exact 1-D sum is the lower bound of a linear scan, for
    /// every size up to 40, duplicates, values between, outside and equal to the points, and NaN.
    @Test func branchFreeBisectionIsTheLowerBound() {
        var g = Xoshiro256StarStar(seed: 42)
        for n in 0...40 {
            let sorted = (0..<n).map { _ in Double(g.nextIndex(below: 12)) * 0.5 }.sorted()
            for value in stride(from: -1.0, through: 7, by: 0.25) + [.nan, -.infinity, .infinity] {
                let expected = sorted.firstIndex { !($0 < value) } ?? n
                #expect(KernelDensityEstimate.firstIndex(in: sorted, notBelow: value) == expected)
            }
        }
    }
}
