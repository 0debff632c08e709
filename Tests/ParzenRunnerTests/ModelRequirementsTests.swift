import ParzenCore
import Testing
@testable import ParzenRunner

/// Each family's `check` restates the core's guards so that `parzen check` can apply them
/// before fitting; these tests fit with the core at each threshold and one point below it,
/// so the two cannot drift apart: the same verdict, the same words.
@Suite struct ModelRequirementsTests {
    struct Threshold: Sendable, CustomTestStringConvertible {
        var name: String
        var specification: ModelSpecification
        var dimension: Int
        /// The fewest training points the family accepts.
        var needed: Int
        var testDescription: String { name }
    }

    static func spec(_ family: ModelSpecification.Family, _ change: (inout ModelSpecification) -> Void = { _ in }) -> ModelSpecification {
        var specification = ModelSpecification(family: family)
        change(&specification)
        return specification
    }

    static let thresholds: [Threshold] = [
        Threshold(name: "Gaussian 1-D", specification: spec(.gaussian), dimension: 1, needed: 2),
        Threshold(name: "Gaussian 3-D", specification: spec(.gaussian), dimension: 3, needed: 4),
        Threshold(name: "unbiased Gaussian 1-D", specification: spec(.gaussian) { $0.unbiased = true }, dimension: 1, needed: 2),
        Threshold(name: "KDE with a rule", specification: spec(.kde), dimension: 1, needed: 2),
        Threshold(name: "KDE with a given h", specification: spec(.kde) { $0.bandwidth = .standardDeviation(0.5) },
                  dimension: 1, needed: 1),
        Threshold(name: "mixture of 1", specification: spec(.gmm) { $0.components = 1 }, dimension: 1, needed: 2),
        Threshold(name: "mixture of 4", specification: spec(.gmm) { $0.components = 4 }, dimension: 2, needed: 4),
        Threshold(name: "pPCA k = 1", specification: spec(.ppca), dimension: 3, needed: 3),
        Threshold(name: "pPCA k = 2", specification: spec(.ppca) { $0.latentDimension = 2 }, dimension: 3, needed: 4),
        Threshold(name: "latent, linear", specification: spec(.latent) { $0.importanceSamples = 10 }, dimension: 2, needed: 3),
        Threshold(name: "empirical", specification: spec(.empirical), dimension: 2, needed: 1),
        Threshold(name: "Student-t 1-D", specification: spec(.studentT), dimension: 1, needed: 2),
        Threshold(name: "Student-t 2-D", specification: spec(.studentT), dimension: 2, needed: 3),
    ]

    /// `count` points in `dimension` coordinates, independent standard normal draws.
    static func points(_ count: Int, dimension: Int) -> PointSet {
        var generator = Xoshiro256StarStar(seed: 11)
        return PointSet(dimension: dimension, values: (0..<(count * dimension)).map { _ in generator.nextGaussian() })
    }

    @Test(arguments: thresholds)
    func theThresholdIsTheCores(_ threshold: Threshold) throws {
        let (spec, d, n) = (threshold.specification, threshold.dimension, threshold.needed)
        #expect(throws: Never.self) { try spec.family.type.check(spec, dimension: d, trainCount: n) }
        _ = try spec.fit(Self.points(n, dimension: d))
        guard n > 1 else { return }
        var violation: ModelRequirementViolation?
        do { try spec.family.type.check(spec, dimension: d, trainCount: n - 1) } catch { violation = error }
        let core = #expect(throws: ModelError.self) { try spec.fit(Self.points(n - 1, dimension: d)) }
        #expect(violation?.error == core)
    }

    @Test func ppcaOn1DDataAndTooLargeALatentDimensionAreTheCoresErrors() throws {
        for (spec, d) in [(Self.spec(.ppca), 1), (Self.spec(.ppca) { $0.latentDimension = 3 }, 3), (Self.spec(.latent), 1)] {
            var violation: ModelRequirementViolation?
            do { try spec.family.type.check(spec, dimension: d, trainCount: 50) } catch { violation = error }
            let core = #expect(throws: ModelError.self) { try spec.fit(Self.points(50, dimension: d)) }
            #expect(violation?.error == core)
        }
    }

    @Test func isjIn2DIsTheCoresError() throws {
        let spec = Self.spec(.kde) { $0.bandwidth = .rule(.isj) }
        var violation: ModelRequirementViolation?
        do { try spec.family.type.check(spec, dimension: 2, trainCount: 50) } catch { violation = error }
        let core = #expect(throws: ModelError.self) { try spec.fit(Self.points(50, dimension: 2)) }
        #expect(violation?.error == core)
        #expect(violation?.option == "bandwidth")
    }
}
