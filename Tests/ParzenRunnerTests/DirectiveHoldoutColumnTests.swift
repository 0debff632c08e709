import Foundation
import ParzenCore
import Testing
@testable import ParzenRunner

/// `holdout: {column: split, value: test}` (issue 13): the CSV rows whose `split` cell is
/// `test` are the test set, the text column is allowed because it is not a data column, and
/// without `columns:` it is left out of the points.
@Suite struct DirectiveHoldoutColumnTests {
    /// Six rows; rows 3 and 5 are marked `test`.
    static let csv = "x,y,split\n1,2,train\n2,3,train\n3,5,test\n4,4,train\n5,6,test\n6,7,train\n"

    func dataset(_ body: String) -> (Dataset?, NotebookRunner.Outcome) {
        let outcome = DirectiveNotebook("```{data} d\nsource: s.csv\n\(body)\n```\n"
                                        + "```{fit} m\ndata: d\nmodel: gaussian\n```\n", files: ["s.csv": Self.csv]).run()
        return (outcome.results["d"]?.payload as? Dataset, outcome)
    }

    @Test func rowsWithTheValueAreHeldOut() throws {
        let (dataset, outcome) = dataset("holdout: {column: split, value: test}")
        #expect(outcome.messages == [])
        let d = try #require(dataset)
        #expect(d.columns == ["x", "y"])
        #expect(d.heldOut?.column(0) == [3, 5] && d.train.column(0) == [1, 2, 4, 6])
        #expect(d.heldOutRows == "the 2 rows with split = test")
        // The Gaussian is fitted to the four training rows: (1 + 2 + 4 + 6) / 4, (2 + 3 + 4 + 7) / 4.
        #expect(outcome.results["m"]?.values["mean"] == .numbers([3.25, 4]))
    }

    @Test func selectedColumnsStayAsWritten() throws {
        let (dataset, outcome) = dataset("columns: [y]\nholdout: {column: split, value: train}")
        #expect(outcome.messages == [])
        #expect(dataset?.heldOut?.values == [2, 3, 4, 7] && dataset?.train.values == [5, 6])
    }

    /// `where:` keeps the rows that meet every condition, before the split: `x > 1` and
    /// `split != test` keep rows 2, 4 and 6, and the text column is left out of the points.
    @Test func whereKeepsTheRowsMeetingEveryCondition() throws {
        let (dataset, outcome) = dataset("where: [\"x > 1\", \"split != test\"]")
        #expect(outcome.messages == [])
        #expect(dataset?.columns == ["x", "y"] && dataset?.points.column(0) == [2, 4, 6])
        let (numeric, _) = self.dataset("columns: [x]\nwhere: \"y != 5.0\"\n")
        // `!=` compares numbers as numbers: the cell `5` is 5.0, so its row (x = 3) goes.
        #expect(numeric?.points.values == [1, 2, 4, 5, 6])
        // The split counts the rows kept: the last of the four with x ≥ 3 is x = 6.
        let (split, _) = self.dataset("columns: [x]\nwhere: \"x >= 3\"\nholdout: {last: 1}")
        #expect(split?.heldOut?.values == [6] && split?.train.values == [3, 4, 5])
    }
}
