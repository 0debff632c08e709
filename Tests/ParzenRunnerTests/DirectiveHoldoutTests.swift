import Foundation
import ParzenCore
import Testing
@testable import ParzenRunner

/// `holdout:` with rows fixed by position (issue 13): `{last: n}`, `{first: n}`,
/// `{rows: "a-b, …"}`, each once working, checked against the rows it names, and once
/// refused with its exact diagnostic.
@Suite struct DirectiveHoldoutTests {
    /// The values 1 … 10 (line 2), `holdout:` on line 3.
    func data(_ holdout: String) -> NotebookRunner.Outcome {
        DirectiveNotebook("```{data} d\nvalues: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nholdout: \(holdout)\n```\n").run()
    }

    func parts(_ outcome: NotebookRunner.Outcome) -> (train: [Double], heldOut: [Double])? {
        guard let dataset = outcome.results["d"]?.payload as? Dataset else { return nil }
        return (dataset.train.values, dataset.heldOut?.values ?? [])
    }

    @Test func lastFirstAndRowsHoldOutThoseRows() throws {
        let last = data("{last: 3}")
        #expect(last.messages == [])
        #expect(try #require(parts(last)).heldOut == [8, 9, 10] && parts(last)?.train == [1, 2, 3, 4, 5, 6, 7])
        #expect(last.number("d", "n_train") == 7 && last.number("d", "n_heldout") == 3)
        guard case .paragraph(let text)? = last.results["d"]?.output.first else { Issue.record("no paragraph"); return }
        #expect(DirectiveFitControlsTests.plain(text).hasSuffix(" held out (the last 3 points)."))
        #expect(parts(data("{first: 1}"))?.heldOut == [1])
        #expect(parts(data("{rows: \"3-4, 9\"}"))?.heldOut == [3, 4, 9])
        // The seed plays no part: the same rows whatever it is.
        let seeded = DirectiveNotebook("```{data} d\nvalues: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nholdout: {last: 3}\nseed: 9\n```\n").run()
        #expect(parts(seeded)?.heldOut == [8, 9, 10])
    }

    /// A fit sees only the training rows: the Gaussian MLE mean of 1 … 7 is 4.
    @Test func fitsUseTheTrainingRows() {
        let outcome = DirectiveNotebook("```{data} d\nvalues: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nholdout: {last: 3}\n```\n"
                                        + "```{fit} m\ndata: d\nmodel: gaussian\n```\n").run()
        #expect(outcome.messages == [])
        #expect(outcome.number("m", "mean") == 4 && outcome.number("m", "n_heldout") == 3)
    }

    @Test func mistakesAreLocated() {
        #expect(data("{lst: 3}").messages == ["3:11 unknown holdout key 'lst'"])
        #expect(data("{last: 10}").messages == ["3:17 holding out the last 10 of 10 points leaves nothing to train on"])
        #expect(data("{first: 0}").messages == ["3:18 'first' expects a whole number of points ≥ 1, found the number 0"])
        #expect(data("{last: 2, first: 2}").messages == ["3:10 'holdout' takes one of 'last', 'first', 'rows' or 'column' with 'value'"])
        #expect(data("{rows: \"9-12\"}").messages == ["3:17 the rows 9-12 are not all among the 10 points"])
        #expect(data("{rows: \"3-4, 4\"}").messages == ["3:17 the held-out row = 4 is invalid"])
        #expect(data("{rows: \"5-3\"}").messages == ["3:17 cannot read the rows '5-3'"])
        #expect(data("[1, 2]").messages
            == ["3:10 option 'holdout' expects a number in [0, 1), or {last: n}, {first: n}, {rows: \"a-b, …\"} or {column: name, value: text}, found a list"])
        #expect(data("1.5").messages == ["3:10 option 'holdout' expects a number in [0, 1), found the number 1.5"])
    }
}
