import Foundation
import Testing
@testable import ParzenCore
import ParzenTestSupport

/// NLL, moments, two-sample tests and Monte Carlo KL against `core_criteria.json` (numpy,
/// scipy) and closed forms.
@Suite struct CriteriaTests {
    let reference: StatisticsReference

    init() throws { reference = try StatisticsReference("core_criteria") }

    /// NLL of N(0, 1) on {−1, 0, 1}: ℓᵢ = ½ log 2π + xᵢ²/2, so L = ½ log 2π + 1/3 and
    /// s² = Var(xᵢ²/2) over {½, 0, ½} with N − 1 = 2: s² = 1/12, SE = √(1/36) = 1/6.
    @Test func negativeLogLikelihoodOfStandardNormal() throws {
        let g = try Gaussian(mean: 0, variance: 1)
        let nll = negativeLogLikelihood(of: g, on: PointSet([-1, 0, 1]))
        #expect(abs(nll.value - (0.5 * log(2 * Double.pi) + 1.0 / 3)) < 1e-15)
        #expect(abs(nll.standardError - 1.0 / 6) < 1e-15)
        #expect(nll.count == 3)
    }

    /// Paired difference of N(0, 1) and N(0, 4) on {−1, 0, 1}: per point
    /// log p_b − log p_a = −log 2 + (3/8)xᵢ², i.e. {−log 2 + 3/8, −log 2, −log 2 + 3/8}:
    /// mean −log 2 + 1/4, and s² = (3/8)²·Var{1, 0, 1} = (9/64)(1/3), SE = √(3/64)/√3 = 1/8.
    @Test func pairedNLLDifference() throws {
        let a = try Gaussian(mean: 0, variance: 1), b = try Gaussian(mean: 0, variance: 4)
        let delta = negativeLogLikelihoodDifference(of: a, minus: b, on: PointSet([-1, 0, 1]))
        #expect(abs(delta.value - (0.25 - log(2.0))) < 1e-15)
        #expect(abs(delta.standardError - 0.125) < 1e-15)
        let nllA = negativeLogLikelihood(of: a, on: PointSet([-1, 0, 1]))
        let nllB = negativeLogLikelihood(of: b, on: PointSet([-1, 0, 1]))
        #expect(abs(delta.value - (nllA.value - nllB.value)) < 1e-15)
    }

    /// Mean, covariance, skewness and kurtosis as scipy.stats computes them (bias=True);
    /// closed-form sums, 1e-10 relative.
    @Test func momentsMatchScipy() {
        let r = reference["moments"]
        let m = Moments(of: r.points("data"))
        for (a, b) in zip(m.mean, r.vector("mean")) { #expect(isClose(a, b, relative: 1e-10)) }
        for (a, b) in zip(m.covariance.values, r.matrix("covariance").values) { #expect(isClose(a, b, relative: 1e-10)) }
        for (a, b) in zip(m.skewness, r.vector("skewness")) { #expect(isClose(a, b, relative: 1e-10)) }
        for (a, b) in zip(m.excessKurtosis, r.vector("excessKurtosis")) { #expect(isClose(a, b, relative: 1e-10)) }
    }

    /// Model samples of a fitted Gaussian have the data's mean to sampling error: 10⁴ draws,
    /// SE of the mean = σ/100, and the data's variances are ≤ ~2, so 0.06 is > 4 SE.
    @Test func momentComparisonDrawsFromTheModel() throws {
        let data = reference["moments"].points("data")
        var rng = Xoshiro256StarStar(seed: 2)
        let comparison = try MomentComparison(model: try Gaussian.fit(data), data: data, using: &rng)
        #expect(comparison.sampleCount == 10_000)
        for (a, b) in zip(comparison.model.mean, comparison.data.mean) { #expect(abs(a - b) < 0.06) }
        // The exponential column is skewed (≈ 2); the Gaussian's samples are not (SE ≈ 0.025).
        #expect(comparison.data.skewness[0] > 1)
        #expect(abs(comparison.model.skewness[0]) < 0.1)
    }

    /// MMD² (unbiased, median-heuristic ℓ) and the energy distance: exact sums over pairs,
    /// compared with numpy at 1e-10 relative; in 1-D the energy distance is the square of
    /// scipy.stats.energy_distance.
    @Test func twoSampleStatisticsMatchReference() throws {
        let r = reference["twoSample"]
        let x = r.points("x"), y = r.points("y")
        let mmd = try TwoSampleTest.maximumMeanDiscrepancy(x, y, permutations: 200, seed: 1)
        #expect(isClose(try #require(mmd.bandwidth), r.number("medianBandwidth"), relative: 1e-10))
        #expect(isClose(mmd.value, r.number("mmd2"), relative: 1e-10))
        let energy = try TwoSampleTest.energyDistance(x, y, permutations: 200, seed: 1)
        #expect(isClose(energy.value, r.number("energy"), relative: 1e-10))
        let energy1D = try TwoSampleTest.energyDistance(PointSet(x.column(0)), PointSet(y.column(0)), permutations: 1)
        #expect(isClose(energy1D.value, r.number("energy1DSquared"), relative: 1e-10))
    }

    /// Under H₀ (both samples from one Gaussian) the permutation p-value is uniform, so
    /// p > 0.01 fails only with probability 0.01; under a 1σ mean shift with n = m = 100 both
    /// tests have power ≈ 1, and p hits its floor 1/(B + 1). The seeds are fixed, so these
    /// are deterministic checks.
    @Test func permutationPValuesSeparateNullFromShift() throws {
        var rng = Xoshiro256StarStar(seed: 17)
        let g = try Gaussian(mean: [0, 0], covariance: .identity(2))
        let a = g.sample(100, using: &rng), b = g.sample(100, using: &rng)
        let shifted = PointSet(dimension: 2, values: g.sample(100, using: &rng).values.enumerated().map { $0.offset % 2 == 0 ? $0.element + 1 : $0.element })
        for test in [TwoSampleTest.maximumMeanDiscrepancy, { try TwoSampleTest.energyDistance($0, $1, permutations: $3, seed: $4) }] {
            let null = try test(a, b, nil, 199, 5)
            let alternative = try test(a, shifted, nil, 199, 5)
            #expect(null.pValue > 0.01)
            #expect(alternative.pValue == 1.0 / 200)
            #expect(try test(a, shifted, nil, 199, 5) == alternative)
        }
    }

    /// Calibration: over 40 independent null replicates (n = m = 40, B = 99) the number with
    /// p ≤ 0.2 is Binomial(40, 0.2), mean 8, SD 2.5; 1...16 is the ±3.2 SD range.
    @Test func permutationPValuesAreCalibratedUnderTheNull() throws {
        let g = try Gaussian(mean: [0, 0], covariance: .identity(2))
        var mmdSmall = 0, energySmall = 0
        for s in 0..<40 {
            var rng = Xoshiro256StarStar(seed: UInt64(1000 + s))
            let a = g.sample(40, using: &rng), b = g.sample(40, using: &rng)
            if try TwoSampleTest.maximumMeanDiscrepancy(a, b, permutations: 99, seed: UInt64(s)).pValue <= 0.2 { mmdSmall += 1 }
            if try TwoSampleTest.energyDistance(a, b, permutations: 99, seed: UInt64(s)).pValue <= 0.2 { energySmall += 1 }
        }
        #expect((1...16).contains(mmdSmall))
        #expect((1...16).contains(energySmall))
    }

    @Test func twoSampleTestsRejectBadInput() {
        let one = PointSet([1.0]), two = PointSet([1.0, 2])
        #expect(throws: ModelError.self) { try TwoSampleTest.energyDistance(one, two) }
        #expect(throws: ModelError.self) { try TwoSampleTest.maximumMeanDiscrepancy(two, PointSet(points: [[1, 2], [3, 4]])) }
        #expect { try TwoSampleTest.maximumMeanDiscrepancy(PointSet([1, 1, 1]), PointSet([1, 1, 2])) } throws: {
            ($0 as? ModelError)?.description.contains("pass a bandwidth explicitly") == true
        }
    }

    /// Monte Carlo KL between the two Gaussians of `core_gaussian.json` must land within 4 SE
    /// of the closed form (a 4σ event has probability ~6e-5; the seed is fixed anyway).
    @Test func monteCarloKLAgreesWithClosedForm() throws {
        let r = try StatisticsReference("core_gaussian")["pair"]
        let p = try Gaussian(mean: r["p"].vector("mean"), covariance: r["p"].matrix("covariance"))
        let q = try Gaussian(mean: r["q"].vector("mean"), covariance: r["q"].matrix("covariance"))
        var rng = Xoshiro256StarStar(seed: 99)
        let estimate = try klDivergence(p, q, samples: 20_000, using: &rng)
        #expect(abs(estimate.value - r.number("klPQ")) < 4 * estimate.standardError)
        #expect(estimate.standardError < 0.02)
        var again = Xoshiro256StarStar(seed: 99)
        #expect(try klDivergence(p, p, samples: 100, using: &again).value == 0)
    }
}
