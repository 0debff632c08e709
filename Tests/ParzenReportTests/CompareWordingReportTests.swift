import Foundation
import ParzenReport
import ParzenRunner
import Testing

/// What `{compare}` says on a page, per `on:` mode, through a real notebook with the standard
/// directives: on training points an in-sample fit (its explanation once per page), never "a
/// clear difference" and no MLE ⇔ min-KL derivation; on held-out points the derivation.
@Suite struct CompareWordingReportTests {
    static func page(_ comparisons: String, holdout: Bool) throws -> String {
        let notebook = try temporaryNotebook("""
            ```{data} d
            generate: {mixture: [{weight: 0.5, mean: -2, sd: 0.5}, {weight: 0.5, mean: 2, sd: 0.5}]}
            n: 300
            \(holdout ? "holdout: 0.3\n" : "")seed: 3
            ```

            ```{fit} normal
            model: gaussian
            data: d
            ```

            ```{fit} narrow
            model: kde
            data: d
            beta: 0.01
            ```

            \(comparisons)
            """)
        let build = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
            .build(path: notebook, checkOnly: false)
        #expect(build.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        return textContent(try #require(build.bodyHTML))
    }

    static func count(_ phrase: String, in text: String) -> Int { text.components(separatedBy: phrase).count - 1 }

    @Test func onTrainingDataItIsAnInSampleFitAndNoKLEstimate() throws {
        // Written `on: train`, and `on:` left out for a data set with no held-out points.
        let text = try Self.page("```{compare} c1\nmodels: [normal, narrow]\non: train\n```\n\n"
            + "```{compare} c2\nmodels: [normal, narrow]\n```\n", holdout: false)
        #expect(Self.count("has the lowest training NLL", in: text) == 2)
        #expect(Self.count("an in-sample fit, which favours the more flexible model", in: text) == 2)
        #expect(Self.count("It does not estimate the KL divergence", in: text) == 1)
        #expect(Self.count("lower is a closer fit, not a better model", in: text) == 2)
        #expect(!text.contains("clear difference") && !text.contains("cannot really tell"))
        #expect(!text.contains("Why the lower NLL means the better model"))
    }

    @Test func onHeldOutDataTheDerivationEstimatesTheKLDifference() throws {
        let text = try Self.page("```{compare} c\nmodels: [normal, narrow]\non: heldout\n```\n", holdout: true)
        #expect(text.contains("has the lowest held-out NLL"))
        #expect(text.contains("Why the lower NLL means the better model"))
        #expect(text.contains("lower is better") && !text.contains("in-sample"))
    }
}
