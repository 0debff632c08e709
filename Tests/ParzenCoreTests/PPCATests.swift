import Foundation
import Testing
@testable import ParzenCore
import ParzenTestSupport

/// Probabilistic PCA against `core_ppca.json`: Tipping & Bishop's closed form evaluated with
/// numpy's `eigh` and scipy's `multivariate_normal`, and scikit-learn's `PCA.score_samples`.
/// 1e-10 relative: both sides compute the same closed form in ~d³ well-conditioned
/// operations (the eigenvalue gaps are large), so agreement is ~1e-13.
@Suite struct PPCATests {
    let reference: StatisticsReference

    init() throws { reference = try StatisticsReference("core_ppca") }

    @Test func maximumLikelihoodMatchesClosedForm() throws {
        let r = reference["mle"]
        let data = reference.points("data")
        let model = try ProbabilisticPCA.fit(data, latentDimension: reference.integer("latentDimension"))
        #expect(isClose(model.noiseVariance, r.number("noiseVariance"), relative: 1e-10))
        for (a, b) in zip(model.mean, r.vector("mean")) { #expect(isClose(a, b, relative: 1e-10)) }
        // W is defined up to rotation; W Wᵀ + σ² I is not.
        for (a, b) in zip(model.marginal.covariance.values, r.matrix("marginalCovariance").values) {
            #expect(isClose(a, b, relative: 1e-10))
        }
        for (a, b) in zip(model.logDensities(at: data), r.vector("logDensityData")) { #expect(isClose(a, b, relative: 1e-10)) }
        for (a, b) in zip(model.logDensities(at: reference.points("at")), r.vector("logDensityAt")) {
            #expect(isClose(a, b, relative: 1e-10))
        }
    }

    @Test func unbiasedVariantMatchesScikitLearnPCAScore() throws {
        let r = reference["sklearn"]
        let data = reference.points("data")
        let model = try ProbabilisticPCA.fit(data, latentDimension: reference.integer("latentDimension"), estimator: .unbiased)
        #expect(isClose(model.noiseVariance, r.number("noiseVariance"), relative: 1e-10))
        for (a, b) in zip(model.marginal.covariance.values, r.matrix("marginalCovariance").values) {
            #expect(isClose(a, b, relative: 1e-10))
        }
        for (a, b) in zip(model.logDensities(at: data), r.vector("logDensityData")) { #expect(isClose(a, b, relative: 1e-10)) }
        for (a, b) in zip(model.logDensities(at: reference.points("at")), r.vector("logDensityAt")) {
            #expect(isClose(a, b, relative: 1e-10))
        }
    }

    /// The posterior is exact, so Bayes' rule must hold pointwise:
    /// log p(z|x) = log p(z) + log p(x|z) − log p(x) at any z (1e-11: sums of O(10) terms).
    @Test func posteriorSatisfiesBayesRule() throws {
        let data = reference.points("data")
        let model = try ProbabilisticPCA.fit(data, latentDimension: 2)
        let x = Array(data[3])
        let posterior = model.posterior(at: x)
        let prior = try Gaussian(mean: [0, 0], covariance: .identity(2))
        for z in [[0.0, 0.0], [0.7, -1.2]] {
            let wz = model.loadings * z
            let conditional = try Gaussian(mean: zip(wz, model.mean).map(+),
                                           covariance: Matrix.identity(5).addingToDiagonal(model.noiseVariance - 1))
            let bayes = prior.logDensity(at: z) + conditional.logDensity(at: x) - model.logDensity(at: x)
            #expect(abs(posterior.logDensity(at: z) - bayes) < 1e-11)
        }
    }

    /// Ancestral samples have covariance W Wᵀ + σ² I: with n = 4·10⁴ and entries ≤ ~6, the
    /// standard error of each entry is ≤ ~0.05, so 0.2 is 4 SE.
    @Test func ancestralSamplesHaveMarginalCovariance() throws {
        let model = try ProbabilisticPCA.fit(reference.points("data"), latentDimension: 2)
        var rng = Xoshiro256StarStar(seed: 4)
        let draws = model.sample(40_000, using: &rng)
        for (a, b) in zip(draws.covariance().values, model.marginal.covariance.values) { #expect(abs(a - b) < 0.2) }
    }

    @Test func degenerateInputsThrow() {
        let flat = PointSet(points: [[0, 0, 0], [1, 1, 0], [2, 0, 0], [3, 5, 0]])
        #expect { try ProbabilisticPCA.fit(flat, latentDimension: 2) } throws: {
            ($0 as? ModelError)?.description.contains("choose a latent dimension smaller than 2") == true
        }
        #expect(throws: ModelError.self) { try ProbabilisticPCA.fit(flat, latentDimension: 3) }
        #expect(throws: ModelError.self) { try ProbabilisticPCA.fit(flat, latentDimension: 0) }
        #expect { try ProbabilisticPCA.fit(PointSet(points: [[0, 1, 2], [3, 1, 0], [1, 1, 1]]), latentDimension: 2) } throws: {
            ($0 as? ModelError)?.description == "probabilistic PCA with k = 2 needs at least 4 points, got 3; provide more points or choose a smaller latent dimension k"
        }
    }
}
