import Foundation
import Testing
@testable import ParzenCore

/// The nonlinear latent-variable model's Monte Carlo marginals, checked against the exact
/// probabilistic-PCA marginal when the decoder is linear.
@Suite struct LatentTests {
    /// pPCA fitted to `core_ppca.json` (k = 2, d = 5): its exact log-density is the truth
    /// (that fit is itself checked against scipy and scikit-learn in PPCATests).
    func linearCase() throws -> (exact: ProbabilisticPCA, model: LatentVariableModel, data: PointSet) {
        let data = try StatisticsReference("core_ppca").points("data")
        let exact = try ProbabilisticPCA.fit(data, latentDimension: 2)
        let decoder = try LinearDecoder(weights: exact.loadings, offset: exact.mean)
        return (exact, try LatentVariableModel(decoder: decoder, noiseVariance: exact.noiseVariance), data)
    }

    /// Both estimators are unbiased for p(x), so log p̂ lies within 4 delta-method SE of
    /// the exact log p(x) (a 4σ miss has probability ~6e-5 per check; seeds are fixed). The
    /// Jensen bias of log p̂, ≈ SE²/2, is far below 4 SE at these SE (≤ 0.1).
    @Test func linearDecoderEstimatesAgreeWithExactMarginal() throws {
        let (exact, model, data) = try linearCase()
        var rng = Xoshiro256StarStar(seed: 31)
        for i in [0, 17, 123] {
            let x = Array(data[i])
            let truth = exact.logDensity(at: x)
            let prior = model.priorSamplingLogDensity(at: x, samples: 20_000, using: &rng)
            let importance = model.importanceSamplingLogDensity(at: x, samples: 2000, using: &rng)
            #expect(abs(prior.value - truth) < 4 * prior.standardError)
            #expect(abs(importance.value - truth) < 4 * importance.standardError)
            #expect(prior.standardError < 0.1)
            // The Laplace proposal is the exact posterior widened by 1.5: a far better sampler
            // than the prior even with 10× fewer draws.
            #expect(importance.standardError < prior.standardError)
        }
    }

    /// For a linear decoder the Laplace approximation is the exact posterior of pPCA
    /// (Tipping & Bishop eq. 6): mean M⁻¹Wᵀ(x − μ) and covariance σ²M⁻¹ = H⁻¹; 1e-10 since
    /// Gauss–Newton solves the same linear system in one step.
    @Test func laplaceApproximationIsExactForLinearDecoder() throws {
        let (exact, model, data) = try linearCase()
        let x = Array(data[5])
        let (mode, curvature) = model.laplaceApproximation(at: x)
        let posterior = exact.posterior(at: x)
        for (a, b) in zip(mode, posterior.mean) { #expect(abs(a - b) < 1e-10 * max(1, abs(b))) }
        for (a, b) in zip(curvature.inverse.values, posterior.covariance.values) { #expect(abs(a - b) < 1e-10) }
    }

    /// With a nonlinear (tanh) decoder there is no closed form, but both estimators are
    /// unbiased for the same p(x): their log estimates must agree within 4 combined SE.
    @Test func tanhDecoderEstimatorsAgree() throws {
        let decoder = TanhNetworkDecoder.random(latentDimension: 2, hidden: 8, outputDimension: 3, seed: 3)
        let model = try LatentVariableModel(decoder: decoder, noiseVariance: 0.1)
        var rng = Xoshiro256StarStar(seed: 41)
        let points = model.sample(3, using: &rng)
        for i in 0..<points.count {
            let x = Array(points[i])
            let prior = model.priorSamplingLogDensity(at: x, samples: 40_000, using: &rng)
            let importance = model.importanceSamplingLogDensity(at: x, samples: 4000, using: &rng)
            let combined = (prior.standardError * prior.standardError + importance.standardError * importance.standardError).squareRoot()
            #expect(abs(prior.value - importance.value) < 4 * combined)
        }
        #expect(model.summary["decoder"]?.value == .text("tanh network 2 → 8 → 3"))
    }

    /// The analytic Jacobian against central differences with h = 1e-5: truncation error
    /// ~h²·|G'''| ≈ 1e-10 and rounding ~ε/h ≈ 1e-11, so 1e-8.
    @Test func tanhJacobianMatchesFiniteDifferences() {
        let decoder = TanhNetworkDecoder.random(latentDimension: 3, hidden: 5, outputDimension: 4, seed: 9)
        let z = [0.3, -0.7, 1.1], h = 1e-5
        let j = decoder.jacobian(at: z)
        for c in 0..<3 {
            var up = z, down = z
            up[c] += h
            down[c] -= h
            let difference = zip(decoder.decode(up), decoder.decode(down)).map { ($0 - $1) / (2 * h) }
            for r in 0..<4 { #expect(abs(j[r, c] - difference[r]) < 1e-8) }
        }
    }

    /// The tutorial's curve: sampling from the prior degrades with k while importance
    /// sampling stays accurate. With 1000 draws, the prior estimator's error at k = 8 is of
    /// order 1 and at k = 1 a few per cent; importance sampling stays near √(1.2ᵏ/n) ≲ 0.1.
    @Test func relativeErrorGrowsWithLatentDimension() throws {
        let curve = try LatentVariableModel.relativeErrorByLatentDimension([1, 4, 8], points: 5, samples: 1000, seed: 2)
        #expect(curve.map(\.latentDimension) == [1, 4, 8])
        #expect(curve[0].priorSamplingRelativeError < 0.2)
        #expect(curve[2].priorSamplingRelativeError > 0.5)
        #expect(curve[2].priorSamplingRelativeError > curve[0].priorSamplingRelativeError)
        #expect(curve.allSatisfy { $0.importanceSamplingRelativeError < 0.15 })
        // The log error keeps growing where the relative error saturates at 1.
        #expect(curve[2].priorSamplingLogError > curve[1].priorSamplingLogError)
        #expect(curve.allSatisfy { $0.importanceSamplingLogError < 0.15 })
    }

    /// As a DensityModel the model is deterministic, and its ancestral samples have the
    /// pPCA covariance (n = 2·10⁴: entry SE ≤ ~0.07, so 0.3 is > 4 SE).
    @Test func densityModelConformance() throws {
        let (exact, model, data) = try linearCase()
        let x = data.selecting([0, 1])
        // The parallel batch gives exactly the per-point estimates, whatever the scheduling.
        #expect(model.logDensities(at: x) == [model.logDensity(at: Array(x[0])), model.logDensity(at: Array(x[1]))])
        var rng = Xoshiro256StarStar(seed: 6)
        let draws = model.sample(20_000, using: &rng)
        for (a, b) in zip(draws.covariance().values, exact.marginal.covariance.values) { #expect(abs(a - b) < 0.3) }
        #expect(throws: ModelError.self) { try LatentVariableModel(decoder: model.decoder, noiseVariance: 0) }
    }

    /// A batch of 13 points (a full group of eight SIMD lanes and a partial one) decodes to each
    /// point's own `decode`, bit for bit, and to the formulas written out with libm's tanh
    /// (`hyperbolicTangent` is within 4 ulp of it, so 1e-12 relative).
    @Test func batchDecodingIsEachPointsOwnAndTheFormula() throws {
        let tanh = TanhNetworkDecoder.random(latentDimension: 3, hidden: 11, outputDimension: 4, seed: 5)
        var rng = Xoshiro256StarStar(seed: 43)
        let weights = Matrix(rows: 4, columns: 3, values: (0..<12).map { _ in rng.nextGaussian() })
        let linear = try LinearDecoder(weights: weights, offset: (0..<4).map { _ in rng.nextGaussian() })
        let latents = (0..<(13 * 3)).map { _ in 2 * rng.nextGaussian() }
        for decoder in [tanh, linear] as [any LatentDecoder] {
            let batch = decoder.decode(batch: latents, count: 13)
            for r in 0..<13 {
                let z = Array(latents[(3 * r)..<(3 * r + 3)])
                let alone = decoder.decode(z)
                #expect(batch[(4 * r)..<(4 * r + 4)].map(\.bitPattern) == alone.map(\.bitPattern))
                let formula: [Double]
                if decoder is LinearDecoder {
                    formula = (0..<4).map { i in (0..<3).reduce(0) { $0 + weights[i, $1] * z[$1] } + linear.offset[i] }
                } else {
                    let hidden = (0..<11).map { i in
                        Foundation.tanh((0..<3).reduce(tanh.hiddenBias[i]) { $0 + tanh.inputWeights[i, $1] * z[$1] })
                    }
                    formula = (0..<4).map { i in
                        (0..<11).reduce(tanh.outputBias[i]) { $0 + tanh.outputWeights[i, $1] * hidden[$1] }
                    }
                }
                for (fast, slow) in zip(alone, formula) { #expect(abs(fast - slow) <= 1e-12 * max(abs(slow), 1)) }
            }
        }
    }
}
