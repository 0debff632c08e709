import Foundation
import ParzenCore
import Testing
@testable import ParzenRunner

/// `model: student_t` through `{fit}`, against scipy's maximum on the core's committed
/// reference data (Tests/ParzenCoreTests/References/student_t.json, written by
/// student_t_references.py with `scipy.stats.t.fit` polished to the score's root).
@Suite struct StudentTFamilyTests {
    struct Reference: Decodable {
        struct Sample: Decodable {
            var points: [Double]
            var df: Double
            var loc: Double
            var scale: Double
            var meanLogLikelihood: Double
        }
        var generated: Sample
        var gdpGrowth: Sample
    }

    static func reference() throws -> Reference {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ParzenCoreTests/References/student_t.json")
        return try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
    }

    /// A relative difference; the fit is an ECME maximum, scipy's a polished optimiser's.
    static func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-8) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test(arguments: ["generated", "gdpGrowth"])
    func fitMatchesScipy(_ name: String) throws {
        let reference = try Self.reference()
        let sample = name == "generated" ? reference.generated : reference.gdpGrowth
        let csv = "x\n" + sample.points.map { String($0) }.joined(separator: "\n") + "\n"
        let outcome = DirectiveNotebook("```{data} d\nsource: x.csv\n```\n```{fit} t\ndata: d\nmodel: student_t\n```\n",
                                        files: ["x.csv": csv]).run()
        #expect(outcome.messages == [])
        #expect(Self.close(outcome.number("t", "df"), sample.df))
        #expect(Self.close(outcome.number("t", "loc"), sample.loc))
        #expect(Self.close(outcome.number("t", "scale"), sample.scale))
        #expect(Self.close(outcome.number("t", "nll_train"), -sample.meanLogLikelihood))
        #expect(outcome.results["t"]?.values["model"] == .text("student_t"))
    }

    @Test func familyOptionsOfOtherFamiliesAreRefused() {
        let outcome = DirectiveNotebook("```{data} d\nvalues: [1, 2, 3, 5, 8]\n```\n```{fit} t\ndata: d\nmodel: student_t\nkernel: gaussian\n```\n").run()
        #expect(outcome.messages == ["7:9 'kernel' does not apply to model: student_t"])
        #expect(outcome.diagnostics.first?.fix == "it applies to model: kde; remove it")
    }
}
