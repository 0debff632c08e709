import Foundation
import Testing
@testable import ParzenCore
import ParzenTestSupport

/// The Student-t against scipy 1.15.3 (`student_t.json`, written by `student_t_references.py`).
@Suite struct StudentTTests {
    let reference: StatisticsReference

    init() throws { reference = try StatisticsReference("student_t") }

    /// ECME reaches the maximum that scipy's tightened `t.fit` plus a Newton polish of the
    /// score locate (|score| < 1e-13 there): 1e-8 relative is the bar; ECME stops at
    /// parameter steps below 1e-12, so it is ~1e-10 away at worst.
    @Test(arguments: ["generated", "gdpGrowth"])
    func fitMatchesScipyMaximum(_ key: String) throws {
        let r = reference[key]
        let t = try StudentT.fit(r.points("points"))
        let report = try #require(t.fitReport)
        #expect(report.em.converged)
        #expect(report.degreesOfFreedomBound == .interior)
        #expect(isClose(t.degreesOfFreedom, r.number("df"), relative: 1e-8))
        #expect(isClose(t.location[0], r.number("loc"), relative: 1e-8))
        #expect(isClose(t.scale, r.number("scale"), relative: 1e-8))
        #expect(isClose(report.em.logLikelihood, r.number("meanLogLikelihood"), relative: 1e-12))
        // Never below scipy's default fit (which on the t₃ sample stops at ν = 8.5).
        #expect(report.em.logLikelihood >= r["scipyFit"].number("meanLogLikelihood"))
        // ECME never lowers the likelihood (up to rounding).
        #expect(zip(report.em.history, report.em.history.dropFirst()).allSatisfy { $1 >= $0 - 1e-13 })
    }

    /// log-density against `scipy.stats.t.logpdf` at scipy's parameters, from the centre to
    /// 100 scales out: closed form, so 1e-12 relative.
    @Test(arguments: ["generated", "gdpGrowth"])
    func logDensityMatchesScipy(_ key: String) throws {
        let r = reference[key]
        let t = try StudentT(location: r.number("loc"), scale: r.number("scale"), degreesOfFreedom: r.number("df"))
        for (x, expected) in zip(r.vector("at"), r.vector("logDensity")) {
            #expect(isClose(t.logDensity(at: [x]), expected, relative: 1e-12))
        }
        #expect(t.summary["df"]?.value == .scalar(r.number("df")))
        #expect(t.summary.parameters.map(\.key) == ["df", "loc", "scale"])
    }

    /// The 2-D log-density against `scipy.stats.multivariate_t.logpdf` (1e-12), and the 2-D fit
    /// against BFGS on scipy's log-density (good to ~1e-7, so 1e-6).
    @Test func multivariateMatchesScipy() throws {
        let r = reference["bivariate"]
        let fixed = r["fixed"]
        let t = try StudentT(location: fixed.vector("loc"), scatter: fixed.matrix("shape"),
                             degreesOfFreedom: fixed.number("df"))
        let at = fixed.points("at")
        for (i, expected) in fixed.vector("logDensity").enumerated() {
            #expect(isClose(t.logDensity(at: at[i]), expected, relative: 1e-12))
        }
        let fitted = try StudentT.fit(r.points("points"))
        #expect(isClose(fitted.degreesOfFreedom, r.number("df"), relative: 1e-6))
        for (a, b) in zip(fitted.location, r.vector("loc")) { #expect(abs(a - b) < 1e-6) }
        for (a, b) in zip(fitted.scatter.values, r.matrix("shape").values) { #expect(abs(a - b) < 1e-6) }
        let report = try #require(fitted.fitReport)
        #expect(report.em.logLikelihood >= r.number("meanLogLikelihood") - 1e-12)
    }

    /// Gaussian data: the likelihood rises all the way to ν = 10⁴, and the report says so.
    @Test func gaussianDataHitTheUpperBound() throws {
        var rng = Xoshiro256StarStar(seed: 3)
        let data = try Gaussian(mean: 0, variance: 1).sample(400, using: &rng)
        let t = try StudentT.fit(data)
        #expect(t.fitReport?.degreesOfFreedomBound == .upper)
        #expect(t.degreesOfFreedom == StudentT.defaultDegreesOfFreedomRange.upperBound)
        #expect(t.summary["df"]?.note?.contains("no heavier than a Gaussian") == true)
    }

    /// A fixed ν fits only μ and σ; the score in ν is then not zero, but μ, σ are the EM fixed point.
    @Test func fixedDegreesOfFreedomIsKept() throws {
        let t = try StudentT.fit(reference["generated"].points("points"), degreesOfFreedom: 4)
        #expect(t.degreesOfFreedom == 4)
        #expect(t.fitReport?.em.converged == true)
    }

    /// Draws of a t₅ (1-D): the sample median is within 4 SE of μ and the fraction beyond
    /// μ ± 3σ matches 2·(1 − F₅(3)) = 0.030099 (scipy) within 4 SE of a proportion.
    @Test func samplesFollowTheDistribution() throws {
        let t = try StudentT(location: 2, scale: 0.5, degreesOfFreedom: 5)
        var rng = Xoshiro256StarStar(seed: 11)
        let n = 40_000
        let draws = t.sample(n, using: &rng).values
        let tail = Double(draws.filter { abs($0 - 2) > 1.5 }.count) / Double(n)
        #expect(abs(tail - 0.030099) < 4 * (0.03 * 0.97 / Double(n)).squareRoot())
        #expect(abs(StudentT.median(draws) - 2) < 4 * 0.5 * 1.2 / Double(n).squareRoot() * 1.5)
    }

    @Test func badInputsThrow() throws {
        #expect(throws: ModelError.self) { try StudentT(location: 0, scale: 1, degreesOfFreedom: 0) }
        #expect(throws: ModelError.self) { try StudentT(location: 0, scale: -1, degreesOfFreedom: 3) }
        #expect(throws: ModelError.self) { try StudentT(location: 0, scale: 1, degreesOfFreedom: .infinity) }
        #expect(throws: ModelError.self) { try StudentT.fit(PointSet([1.0])) }
        #expect(throws: ModelError.self) { try StudentT.fit(PointSet([2.0, 2, 2, 2])) }
        #expect(throws: ModelError.self) { try StudentT.fit(PointSet([1.0, 2, 3]), degreesOfFreedom: -1) }
    }
}
