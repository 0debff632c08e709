import Foundation
import Testing
@testable import ParzenCore
import ParzenTestSupport

@Suite struct EntropyTests {
    let reference: StatisticsReference

    init() throws { reference = try StatisticsReference("core_criteria")["entropy"] }

    /// ψ at integers against scipy.special.digamma; the asymptotic series is accurate to
    /// ~1e-14 relative, so 1e-13.
    @Test func digammaMatchesScipy() {
        let values = reference["digamma"]
        for key in ["1", "2", "3", "10", "400", "12345"] {
            #expect(isClose(digamma(Double(key)!), values.number(key), relative: 1e-13))
        }
        #expect(digamma(0).isNaN)
    }

    /// The Kozachenko–Leonenko estimate against the same formula evaluated with scipy's
    /// k-d tree and digamma: a deterministic computation, 1e-10 relative.
    @Test func kozachenkoLeonenkoMatchesScipyImplementation() throws {
        let estimate = try DifferentialEntropy.kozachenkoLeonenko(reference.points("data"), neighbours: reference.integer("neighbours"))
        #expect(isClose(estimate, reference.number("kozachenkoLeonenko"), relative: 1e-10))
    }

    /// On 2000 draws from a 2-D Gaussian the estimator is close to the closed form: its
    /// standard deviation at this N is ≈ 0.03 (the variance of log p(x) over N) and the bias
    /// is of the same order, so 0.12 is ~4 SE.
    @Test func kozachenkoLeonenkoApproachesGaussianClosedForm() throws {
        let g = try Gaussian(mean: [1, -1], covariance: Matrix(rows: [[1.0, 0.6], [0.6, 1.0]]))
        var rng = Xoshiro256StarStar(seed: 12)
        let estimate = try DifferentialEntropy.kozachenkoLeonenko(g.sample(2000, using: &rng))
        #expect(abs(estimate - DifferentialEntropy.gaussian(g)) < 0.12)
    }

    /// The resubstitution estimate of a Gaussian fitted by maximum likelihood is exactly its
    /// closed-form entropy: −(1/N) Σ log N(xᵢ | x̄, Σ̂) = ½ log det(2πΣ̂) + ½ tr(Σ̂⁻¹Σ̂)
    /// = ½ log det(2πeΣ̂). An algebraic identity, so 1e-12 (rounding of N terms).
    @Test func resubstitutionOfGaussianMLEIsItsEntropy() throws {
        let data = reference.points("data")
        let g = try Gaussian.fit(data)
        let estimate = DifferentialEntropy.resubstitution(g, on: data)
        #expect(isClose(estimate.value, g.entropy, relative: 1e-12))
    }

    @Test func duplicatesAndTinySamplesThrow() {
        #expect(throws: ModelError.self) { try DifferentialEntropy.kozachenkoLeonenko(PointSet([1, 2, 3]), neighbours: 3) }
        #expect { try DifferentialEntropy.kozachenkoLeonenko(PointSet([1, 1, 2, 5]), neighbours: 1) } throws: {
            ($0 as? ModelError)?.description.contains("duplicate") == true
        }
    }
}
