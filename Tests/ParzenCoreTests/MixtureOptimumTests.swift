import Foundation
import Testing
@testable import ParzenCore

/// Mixtures from restarts reach scikit-learn 1.6.1's best-of-20 optimum (`gmm_optima.json`,
/// written by `gmm_optima_references.py`).
@Suite struct MixtureOptimumTests {
    let reference: StatisticsReference

    init() throws { reference = try StatisticsReference("gmm_optima") }

    static let cases: [(String, GaussianMixture.CovarianceType)] = ["iris", "faithful", "generated", "sunspots"]
        .flatMap { name in GaussianMixture.CovarianceType.allCases.map { (name, $0) } }

    /// The defaults (10 k-means++ starts, relative tolerance 1e-10) reach scikit-learn's
    /// optimum. 1e-6 in mean NLL is the issue's bar: both runs stop on changes of ~1e-10 per
    /// point (Parzen ends ≤ 4e-9 above scikit-learn), while another stationary point differs
    /// by ≥ 1e-3. A higher likelihood than scikit-learn's is also a pass.
    @Test(arguments: cases)
    func defaultsReachScikitLearnOptimum(_ name: String, _ type: GaussianMixture.CovarianceType) throws {
        let data = reference[name]
        let r = data[type.rawValue]
        let fitted = try GaussianMixture.fit(data.points("points"), components: data.integer("components"),
                                             covarianceType: type)
        let report = try #require(fitted.convergence)
        let nll = -report.logLikelihood
        #expect(nll - r.number("nll") < 1e-6, "\(name) \(type): NLL \(nll) vs scikit-learn \(r.number("nll"))")
        #expect(report.converged)
        #expect(fitted.restarts.count == 10)
        #expect(fitted.bestRestart.map { fitted.restarts[$0] } == report)
        #expect(fitted.restarts.allSatisfy { $0.logLikelihood <= report.logLikelihood })
        // The reported likelihood is the fitted mixture's own.
        let mean = fitted.logDensities(at: data.points("points")).reduce(0, +) / Double(data.points("points").count)
        #expect(abs(mean - report.logLikelihood) < 1e-12 * abs(mean))
    }

    /// The sunspots number the issue quotes: 4.89281 (Parzen used to stop at 4.89608 after 26
    /// iterations of one start with scikit-learn's absolute tolerance 1e-3, and say "converged").
    @Test func sunspotsReachTheQuotedOptimum() throws {
        let data = reference["sunspots"]
        let fitted = try GaussianMixture.fit(data.points("points"), components: 3)
        let nll = -(try #require(fitted.convergence)).logLikelihood
        #expect(abs(nll - 4.89281) < 5e-6)
    }

    /// A run cut off by `maxIterations` says so.
    @Test func cutOffRunsReportNotConverged() throws {
        let data = reference["sunspots"]
        let fitted = try GaussianMixture.fit(data.points("points"), components: 3, restarts: 2, maxIterations: 5)
        #expect(fitted.restarts.allSatisfy { !$0.converged && $0.iterations == 5 })
    }

    /// Run r of a restarted fit is the single run seeded with seed + r.
    @Test func restartRIsSeedPlusR() throws {
        let points = reference["faithful"].points("points")
        let all = try GaussianMixture.fit(points, components: 2, initialization: .kMeansPlusPlus(seed: 5), restarts: 3)
        let third = try GaussianMixture.fit(points, components: 2, initialization: .kMeansPlusPlus(seed: 7),
                                            restarts: 1)
        #expect(all.restarts[2] == third.convergence)
    }

    /// Parameter counts as scikit-learn's `_n_parameters` for k = 3 in d = 2.
    @Test func parameterCounts() throws {
        let data = reference["iris"]
        let expected: [GaussianMixture.CovarianceType: Int] = [.full: 17, .diagonal: 14, .spherical: 11, .tied: 11]
        for (type, count) in expected {
            let fitted = try GaussianMixture.fit(data.points("points"), components: 3, covarianceType: type,
                                                 restarts: 1)
            #expect(fitted.parameterCount == count)
        }
    }

    /// Tied components share one covariance; spherical ones are multiples of I.
    @Test func covarianceShapes() throws {
        let points = reference["generated"].points("points")
        let tied = try GaussianMixture.fit(points, components: 3, covarianceType: .tied, restarts: 1)
        #expect(tied.components.allSatisfy { $0.covariance == tied.components[0].covariance })
        let spherical = try GaussianMixture.fit(points, components: 3, covarianceType: .spherical, restarts: 1)
        for c in spherical.components {
            #expect(c.covariance[0, 1] == 0 && c.covariance[0, 0] == c.covariance[1, 1])
        }
    }

    @Test func badRestartsThrow() throws {
        let points = reference["faithful"].points("points")
        #expect(throws: ModelError.self) { try GaussianMixture.fit(points, components: 2, restarts: 0) }
        let g = try Gaussian(mean: [3, 70], covariance: .identity(2))
        let given = GaussianMixture.Initialization.parameters(weights: [0.5, 0.5], means: [g.mean, [4, 80]],
                                                              covariances: [g.covariance, g.covariance])
        #expect(throws: ModelError.self) { try GaussianMixture.fit(points, components: 2, initialization: given) }
        _ = try GaussianMixture.fit(points, components: 2, initialization: given, restarts: 1)
    }
}
