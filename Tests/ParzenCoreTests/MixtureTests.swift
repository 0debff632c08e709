import Foundation
import Testing
@testable import ParzenCore
import ParzenTestSupport

/// Gaussian mixtures against scikit-learn 1.6.1's `GaussianMixture` (`core_gmm.json`).
@Suite struct MixtureTests {
    let reference: StatisticsReference

    init() throws { reference = try StatisticsReference("core_gmm") }

    func startingPoint() -> GaussianMixture.Initialization {
        let cov = reference.matrix("initialCovariance")
        let means = reference.matrix("initialMeans")
        return .parameters(weights: reference.vector("initialWeights"),
                           means: (0..<means.rows).map { means.row($0) },
                           covariances: [cov, cov, cov])
    }

    /// From scikit-learn's own starting parameters, EM must reach at least its log-likelihood.
    /// Both run the same update sequence, so they agree to rounding; the 1e-10 relative slack
    /// is for rounding only (EM could otherwise only be worse by a real amount).
    @Test(arguments: [GaussianMixture.CovarianceType.full, .diagonal])
    func emReachesScikitLearnLikelihoodFromSameStart(_ type: GaussianMixture.CovarianceType) throws {
        let r = reference[type == .full ? "full" : "diag"]
        let data = reference.points("data")
        let fitted = try GaussianMixture.fit(data, components: 3, covarianceType: type, initialization: startingPoint(),
                                             restarts: 1, regularization: reference.number("regularization"),
                                             tolerance: .absolute(reference.number("tolerance")),
                                             maxIterations: reference.integer("maxIterations"))
        let report = try #require(fitted.convergence)
        let sklearn = r.number("meanLogLikelihood")
        #expect(report.logLikelihood >= sklearn - 1e-10 * abs(sklearn))
        #expect(report.converged == r.bool("converged"))
        // The same updates with the same stopping rule take the same number of steps.
        #expect(report.iterations == r.integer("iterations"))
        // EM never decreases the likelihood (up to rounding of ~1e-15 per step).
        #expect(zip(report.history, report.history.dropFirst()).allSatisfy { $1 >= $0 - 1e-12 })
        #expect(report.tolerance == reference.number("tolerance"))
    }

    /// The mixture log-density and BIC at scikit-learn's fitted parameters: an exact path
    /// (logsumexp of three Gaussian log-densities), so 1e-10 relative.
    @Test(arguments: [GaussianMixture.CovarianceType.full, .diagonal])
    func logDensityAndBICMatchScikitLearnAtItsParameters(_ type: GaussianMixture.CovarianceType) throws {
        let r = reference[type == .full ? "full" : "diag"]
        let data = reference.points("data")
        let means = r.matrix("means")
        let comps = try zip(0..<means.rows, r.matrices("covariances")).map { try Gaussian(mean: means.row($0), covariance: $1) }
        let mixture = try GaussianMixture(weights: r.vector("weights"), components: comps, covarianceType: type)
        let first10 = data.selecting(0..<10)
        for (a, b) in zip(mixture.logDensities(at: first10), r.vector("logDensity")) { #expect(isClose(a, b, relative: 1e-10)) }
        #expect(isClose(mixture.bic(data), r.number("bic"), relative: 1e-10))
        #expect(mixture.parameterCount == (type == .full ? 17 : 14))
    }

    /// Seeded k-means++ from scratch finds the same maximum as scikit-learn on these three
    /// well-separated clusters; with tolerance 1e-9 the remaining climb is < 1e-6 per point.
    @Test func kMeansPlusPlusStartFindsTheSameMaximum() throws {
        let data = reference.points("data")
        let fitted = try GaussianMixture.fit(data, components: 3, initialization: .kMeansPlusPlus(seed: 1),
                                             restarts: 1, tolerance: .absolute(1e-9), maxIterations: 1000)
        let report = try #require(fitted.convergence)
        #expect(report.converged)
        #expect(abs(report.logLikelihood - reference["full"].number("meanLogLikelihood")) < 1e-6)
        let again = try GaussianMixture.fit(data, components: 3, initialization: .kMeansPlusPlus(seed: 1),
                                            restarts: 1, tolerance: .absolute(1e-9), maxIterations: 1000)
        #expect(again == fitted)
    }

    /// A point 10⁴ away from every component: the density underflows, its logarithm does not,
    /// and the responsibilities still sum to 1 (to rounding).
    @Test func farPointsKeepFiniteLogDensityAndResponsibilities() throws {
        let a = try Gaussian(mean: [0, 0], covariance: .identity(2))
        let b = try Gaussian(mean: [3, 0], covariance: .identity(2))
        let mixture = try GaussianMixture(weights: [0.3, 0.7], components: [a, b])
        let far = PointSet(points: [[1e4, 0]])
        #expect(mixture.logDensity(at: [1e4, 0]).isFinite)
        let logR = mixture.logResponsibilities(at: far)
        #expect(abs(exp(logR[0, 0]) + exp(logR[0, 1]) - 1) < 1e-15)
        #expect(logR[0, 1] > logR[0, 0])
    }

    /// Component frequencies of 2·10⁴ draws: the SE of a proportion is ≤ √(0.25/n) ≈ 0.0035,
    /// so 0.015 is over 4 SE.
    @Test func samplesFollowTheWeights() throws {
        let a = try Gaussian(mean: -10, variance: 1)
        let b = try Gaussian(mean: 10, variance: 1)
        let mixture = try GaussianMixture(weights: [0.3, 0.7], components: [a, b])
        var rng = Xoshiro256StarStar(seed: 8)
        let draws = mixture.sample(20_000, using: &rng)
        let left = Double(draws.values.filter { $0 < 0 }.count) / 20_000
        #expect(abs(left - 0.3) < 0.015)
    }

    @Test func badInputsThrow() throws {
        let data = PointSet([1.0, 2, 3])
        #expect(throws: ModelError.self) { try GaussianMixture.fit(data, components: 4) }
        #expect(throws: ModelError.self) { try GaussianMixture.fit(data, components: 0) }
        #expect { try GaussianMixture.fit(PointSet([1.0, 1, 1, 1]), components: 2) } throws: {
            ($0 as? ModelError)?.description.contains("only 1 distinct point") == true
        }
        let g = try Gaussian(mean: 0, variance: 1)
        #expect(throws: ModelError.self) { try GaussianMixture(weights: [0.5, 0.6], components: [g, g]) }
    }
}
