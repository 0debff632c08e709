import Foundation
import Testing
@testable import ParzenCore
import ParzenTestSupport

/// Gaussian fits, log-densities, entropy and KL against `core_gaussian.json` (numpy/scipy).
/// Exact paths are held to 1e-10 relative: the computations are a few dozen well-conditioned
/// floating-point operations, so agreement is ~1e-14 and 1e-10 only guards against a wrong
/// formula, not against rounding.
@Suite struct GaussianTests {
    let reference: StatisticsReference

    init() throws { reference = try StatisticsReference("core_gaussian") }

    @Test func univariateFitMatchesNumpyAndScipy() throws {
        let r = reference["oneD"]
        let data = r.points("data"), at = r.vector("at")
        let mle = try Gaussian.fit(data)
        #expect(isClose(mle.mean[0], r.number("mean"), relative: 1e-10))
        #expect(isClose(mle.variance, r.number("variance"), relative: 1e-10))
        for (x, expected) in zip(at, r.vector("logDensity")) {
            #expect(isClose(mle.logDensity(at: [x]), expected, relative: 1e-10))
        }
        #expect(isClose(mle.entropy, r.number("entropy"), relative: 1e-10))
        let unbiased = try Gaussian.fit(data, estimator: .unbiased)
        #expect(isClose(unbiased.variance, r.number("unbiasedVariance"), relative: 1e-10))
        let batch = unbiased.logDensities(at: PointSet(at))
        for (value, expected) in zip(batch, r.vector("unbiasedLogDensity")) {
            #expect(isClose(value, expected, relative: 1e-10))
        }
    }

    @Test func multivariateFitMatchesNumpyAndScipy() throws {
        let r = reference["threeD"]
        let data = r.points("data"), at = r.points("at")
        let mle = try Gaussian.fit(data)
        for (a, b) in zip(mle.mean, r.vector("mean")) { #expect(isClose(a, b, relative: 1e-10)) }
        for (a, b) in zip(mle.covariance.values, r.matrix("covariance").values) { #expect(isClose(a, b, relative: 1e-10)) }
        for (a, b) in zip(mle.logDensities(at: at), r.vector("logDensity")) { #expect(isClose(a, b, relative: 1e-10)) }
        #expect(isClose(mle.entropy, r.number("entropy"), relative: 1e-10))
        let unbiased = try Gaussian.fit(data, estimator: .unbiased)
        for (a, b) in zip(unbiased.covariance.values, r.matrix("unbiasedCovariance").values) { #expect(isClose(a, b, relative: 1e-10)) }
        for (a, b) in zip(unbiased.logDensities(at: at), r.vector("unbiasedLogDensity")) { #expect(isClose(a, b, relative: 1e-10)) }
        #expect(mle.summary["covariance"]?.note?.contains("N") == true)
    }

    @Test func closedFormEntropyAndKLMatchReference() throws {
        let r = reference["pair"]
        let p = try Gaussian(mean: r["p"].vector("mean"), covariance: r["p"].matrix("covariance"))
        let q = try Gaussian(mean: r["q"].vector("mean"), covariance: r["q"].matrix("covariance"))
        #expect(isClose(p.entropy, r["p"].number("entropy"), relative: 1e-10))
        #expect(isClose(q.entropy, r["q"].number("entropy"), relative: 1e-10))
        #expect(isClose(try Gaussian.klDivergence(p, q), r.number("klPQ"), relative: 1e-10))
        #expect(isClose(try Gaussian.klDivergence(q, p), r.number("klQP"), relative: 1e-10))
        #expect(abs(try Gaussian.klDivergence(p, p)) < 1e-14)
    }

    /// The 1-D closed form against scipy's adaptive quadrature of p log(p/q) (quad's own
    /// error estimate is below 1e-13 there).
    @Test func univariateKLMatchesQuadrature() throws {
        let r = reference["oneDPair"]
        let (pm, ps) = (r.vector("p")[0], r.vector("p")[1])
        let (qm, qs) = (r.vector("q")[0], r.vector("q")[1])
        let p = try Gaussian(mean: pm, variance: ps * ps)
        let q = try Gaussian(mean: qm, variance: qs * qs)
        #expect(isClose(try Gaussian.klDivergence(p, q), r.number("klQuadrature"), relative: 1e-10))
    }

    /// Far from the mean the density underflows but the log-density is an exact quadratic:
    /// log N(1000 | 0, 1) = −½ log 2π − 500000.
    @Test func farTailIsFinite() throws {
        let g = try Gaussian(mean: 0, variance: 1)
        #expect(isClose(g.logDensity(at: [1000.0]), -0.5 * log(2 * Double.pi) - 500_000, relative: 1e-15))
    }

    /// Sample mean and covariance of 4·10⁴ draws: each entry's standard error is at most
    /// √(Σᵢᵢ Σⱼⱼ·2/n) ≈ 0.016 for Σ entries ≤ 2, so 0.07 is above 4 SE.
    @Test func samplesHaveTheModelsMoments() throws {
        let r = reference["pair"]["p"]
        let g = try Gaussian(mean: r.vector("mean"), covariance: r.matrix("covariance"))
        var rng = Xoshiro256StarStar(seed: 21)
        let draws = g.sample(40_000, using: &rng)
        for (a, b) in zip(draws.mean(), g.mean) { #expect(abs(a - b) < 0.03) }
        for (a, b) in zip(draws.covariance().values, g.covariance.values) { #expect(abs(a - b) < 0.07) }
        var again = Xoshiro256StarStar(seed: 21)
        #expect(g.sample(40_000, using: &again) == draws)
    }

    @Test func degenerateDataThrowWithReason() {
        #expect {
            try Gaussian.fit(PointSet(points: [[1, 2], [3, 4]]))
        } throws: { ($0 as? ModelError)?.description == "a Gaussian in 2 dimensions needs at least 3 points, got 2; provide more points or fewer columns" }
        #expect {
            try Gaussian.fit(PointSet(points: [[1, 5], [2, 5], [4, 5], [0, 5]]))
        } throws: { ($0 as? ModelError)?.description.hasPrefix("column 2 has zero variance") == true }
        #expect {
            try Gaussian.fit(PointSet(points: [[1, 2], [2, 4], [4, 8], [0, 0]]))
        } throws: { ($0 as? ModelError)?.kind == .degenerateData }
        // A constant column of 0.1 leaves residuals of rounding size (its mean is not exactly
        // 0.1), so the check must look at the data, not at Σ̂ₖₖ == 0.
        #expect {
            try Gaussian.fit(PointSet(points: (0..<7).map { [Double($0), 0.1] }))
        } throws: { ($0 as? ModelError)?.description.hasPrefix("column 2 has zero variance") == true }
        // Collinear up to rounding: the second column is 3× the first plus 1e-15-level noise.
        let nearlyCollinear = PointSet(points: (0..<10).map { i -> [Double] in
            let x = Double(i) * 0.37
            return [x, 3 * x * (1 + Double(i % 3 - 1) * 1e-15)]
        })
        #expect { try Gaussian.fit(nearlyCollinear) } throws: { ($0 as? ModelError)?.description.contains("linearly dependent") == true }
        #expect(throws: ModelError.self) { try Gaussian(mean: [0, 0], covariance: Matrix(rows: [[1, 0.5], [0.4, 1]])) }
        #expect(throws: ModelError.self) { try Gaussian(mean: 0, variance: 0) }
        #expect(throws: ModelError.self) { try Gaussian.fit(PointSet([1.0]), estimator: .unbiased) }
        #expect(throws: ModelError.self) { try Gaussian.fit(PointSet([1.0, .nan, 2])) }
    }
}
