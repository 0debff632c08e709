import Foundation
import ParzenCore
import Testing
@testable import ParzenRunner

/// `{data}` controls of issue 13: `holdout: {column: split, value: test}` (the CSV rows whose
/// `split` cell is `test` are the test set; the text column is allowed because it is not a
/// data column, and without `columns:` it is left out of the points), `where:` row filters,
/// and `test:` naming another data set as the test set.
@Suite struct DirectiveDataControlsTests {
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

    /// `test: te`: the three points of `te` are held out of `d`, and a Gaussian fitted to
    /// d = 1…4 (μ̂ = 2.5, σ̂² = 1.25) is scored on them: the held-out NLL is
    /// ½·log(2π·1.25) + mean((x − 2.5)²)/(2·1.25) over x = 5, 6, 7.
    @Test func testSetFromAnotherDataSetIsHeldOut() throws {
        let outcome = DirectiveNotebook("```{data} te\nvalues: [5, 6, 7]\n```\n```{data} d\nvalues: [1, 2, 3, 4]\ntest: te\n```\n"
                                        + "```{fit} g\ndata: d\nmodel: gaussian\n```\n").run()
        #expect(outcome.messages == [])
        let d = try #require(outcome.results["d"]?.payload as? Dataset)
        #expect(d.train.values == [1, 2, 3, 4] && d.heldOut?.values == [5, 6, 7])
        #expect(d.heldOutRows == "the 3 points of 'te'")
        let expected = 0.5 * log(2 * Double.pi * 1.25) + (6.25 + 12.25 + 20.25) / 3 / 2.5
        let nll = try #require(outcome.number("g", "nll_heldout"))
        // Sums of a few terms: a few ulps.
        #expect(abs(nll - expected) < 1e-13)
    }

    /// `sample: {n: 4, seed: 5}` keeps, in data order, the rows `DataSplit.random` holds out
    /// with fraction 4/10 and seed 5 (the documented Fisher–Yates draw), before the split.
    @Test func subsampleIsTheDocumentedSeededDraw() throws {
        let outcome = DirectiveNotebook("```{data} d\nvalues: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n"
                                        + "sample: {n: 4, seed: 5}\nholdout: {last: 1}\n```\n").run()
        #expect(outcome.messages == [])
        let d = try #require(outcome.results["d"]?.payload as? Dataset)
        let rows = try DataSplit.random(count: 10, heldOutFraction: 0.4, seed: 5).heldOut
        #expect(rows.count == 4 && d.points.values == rows.map { Double($0 + 1) })
        #expect(d.heldOut?.values == [Double(rows[3] + 1)])
    }

    /// `where:` filters before any cell is read as a number: a row it leaves out may hold `NA`
    /// (or text) in a selected column, and a text column not selected is no mistake.
    @Test func whereLeavesOutRowsBeforeTheirCellsAreRead() throws {
        let csv = "species,x,y\nsetosa,1,2\nversicolor,NA,oops\nsetosa,4,5\nsetosa,6,7\n"
        let outcome = DirectiveNotebook("```{data} d\nsource: s.csv\ncolumns: [x, y]\nwhere: \"species == setosa\"\n```\n",
                                        files: ["s.csv": csv]).run()
        #expect(outcome.messages == [])
        let d = try #require(outcome.results["d"]?.payload as? Dataset)
        #expect(d.points.values == [1, 2, 4, 5, 6, 7])
        // Without `columns`, the column compared with text is left out, and the others are read
        // only in the rows kept.
        let implied = DirectiveNotebook("```{data} d\nsource: s.csv\nwhere: \"species == setosa\"\n```\n",
                                        files: ["s.csv": csv]).run()
        #expect(implied.messages == [])
        #expect((implied.results["d"]?.payload as? Dataset)?.columns == ["x", "y"])
    }

    /// A text column with `holdout: {column: …}` and `where:` on another column.
    @Test func textColumnsSplitAndFilterTogether() throws {
        let csv = "species,x,split\na,1,train\nb,2,train\na,3,test\na,4,train\na,5,test\n"
        let outcome = DirectiveNotebook("```{data} d\nsource: s.csv\ncolumns: [x]\nwhere: \"species == a\"\n"
                                        + "holdout: {column: split, value: test}\n```\n", files: ["s.csv": csv]).run()
        #expect(outcome.messages == [])
        let d = try #require(outcome.results["d"]?.payload as? Dataset)
        #expect(d.train.values == [1, 4] && d.heldOut?.values == [3, 5])
    }
}
