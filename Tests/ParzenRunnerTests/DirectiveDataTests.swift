import Foundation
import ParzenCore
import Testing
@testable import ParzenRunner

@Suite struct DirectiveDataTests {
    @Test func csvColumnBecomesOneDimensionalPointsWithTheirMoments() throws {
        let outcome = DirectiveNotebook("""
            ```{data} faithful
            source: data/faithful.csv
            columns: [eruptions]
            ```
            """, files: ["data/faithful.csv": faithfulHead]).run()
        #expect(outcome.messages == [])
        let dataset = try #require(outcome.results["faithful"]?.payload as? Dataset)
        let eruptions = [3.6, 1.8, 3.333, 2.283, 4.533, 2.883, 4.7, 3.6, 1.95, 4.35, 1.833, 3.917]
        #expect(dataset.points.values == eruptions)
        #expect(dataset.columns == ["eruptions"])
        // The mean of twelve three-decimal numbers: exact up to summation rounding.
        let mean = eruptions.reduce(0, +) / 12
        #expect(abs(outcome.number("faithful", "mean")! - mean) < 1e-14)
        let sd = (eruptions.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 12).squareRoot()
        #expect(abs(outcome.number("faithful", "sd")! - sd) < 1e-14)
        #expect(outcome.number("faithful", "n") == 12 && outcome.number("faithful", "n_heldout") == 0)
    }

    @Test func twoColumnsGiveTwoDimensionalPointsAndPerColumnKeys() throws {
        let outcome = DirectiveNotebook("```{data} geyser\nsource: f.csv\n```\n", files: ["f.csv": faithfulHead]).run()
        let dataset = try #require(outcome.results["geyser"]?.payload as? Dataset)
        #expect(dataset.dimension == 2)
        #expect(Array(dataset.points[1]) == [1.8, 54])
        #expect(outcome.number("geyser", "mean_waiting") != nil)
    }

    @Test func holdoutSplitsWithTheSeedAndKeepsEveryPointOnce() throws {
        let notebook = DirectiveNotebook("```{data} d\nsource: f.csv\ncolumns: [waiting]\nholdout: 0.25\nseed: 3\n```\n", files: ["f.csv": faithfulHead])
        let outcome = notebook.run()
        let dataset = try #require(outcome.results["d"]?.payload as? Dataset)
        #expect(dataset.train.count == 9 && dataset.heldOut?.count == 3)
        #expect((dataset.train.values + dataset.heldOut!.values).sorted() == dataset.points.values.sorted())
        // The same seed gives the same split on a second run.
        let again = try #require(notebook.run().results["d"]?.payload as? Dataset)
        #expect(again.split == dataset.split)
    }

    @Test func generatedMixtureKnowsItsTrueDensity() throws {
        let outcome = DirectiveNotebook("""
            ```{data} toy
            generate: {mixture: [{weight: 0.6, mean: -1.5, sd: 0.5}, {weight: 0.4, mean: 2, sd: 1}]}
            n: 2000
            seed: 7
            ```
            """).run()
        #expect(outcome.messages == [])
        let dataset = try #require(outcome.results["toy"]?.payload as? Dataset)
        let truth = try #require(dataset.truth)
        #expect(truth.weights == [0.6, 0.4])
        // Mixture mean 0.6·(−1.5) + 0.4·2 = −0.1, variance 0.6·0.25 + 0.4·1 + 0.6·0.4·3.5² = 3.49;
        // the sample mean of 2000 draws lies within 4 standard errors √(3.49/2000) of it.
        let mean = outcome.number("toy", "mean")!
        #expect(abs(mean - -0.1) < 4 * (3.49 / 2000).squareRoot())
    }

    @Test func twoDimensionalGeneratorWithCovariance() throws {
        let outcome = DirectiveNotebook("""
            ```{data} cloud
            generate: {gaussian: {mean: [0, 1], covariance: [[1, 0.8], [0.8, 1]]}}
            n: 50
            ```
            """).run()
        #expect(outcome.messages == [])
        #expect((outcome.results["cloud"]?.payload as? Dataset)?.columns == ["x1", "x2"])
    }

    @Test func literalValues() {
        let outcome = DirectiveNotebook("```{data} v\nvalues: [1, 2.5, 4]\n```\n").run()
        #expect(outcome.number("v", "mean") == 2.5)
    }

    @Test(arguments: [
        // A misspelt column: found at the 'columns' value, with did-you-mean.
        ("columns: [eruption]\n", "f.csv", "eruptions,waiting\n1,2\n", "3:10 f.csv (line 1): no column named 'eruption'"),
        // A text cell: file, line and column of the cell.
        ("columns: [waiting]\n", "f.csv", "eruptions,waiting\n1,2\n3,abc\n", "2:9 f.csv (line 3, column 3): column 'waiting' has 'abc', which is not a number"),
        ("", "f.csv", "eruptions,waiting\n1,nan\n", "2:9 f.csv (line 2, column 3): column 'waiting' has the non-finite value 'nan'"),
        ("", "f.csv", "eruptions,waiting\n", "2:9 f.csv (line 1): the file has a header but no data rows"),
    ])
    func csvProblemsNameFileLineAndColumn(extra: String, file: String, content: String, expected: String) {
        let outcome = DirectiveNotebook("```{data} d\nsource: \(file)\n\(extra)```\n", files: [file: content]).run()
        #expect(outcome.messages == [expected])
    }

    @Test func missingFileAndPathOutsideTheProject() {
        let missing = DirectiveNotebook("```{data} d\nsource: nope.csv\n```\n").run()
        #expect(missing.messages.first?.hasPrefix("2:9 file 'nope.csv' not found") == true)
        let outside = DirectiveNotebook("```{data} d\nsource: ../../etc/passwd\n```\n").run()
        #expect(outside.messages.first?.hasPrefix("2:9 path '../../etc/passwd' leaves the project folder") == true)
    }

    @Test func exactlyOneSource() {
        #expect(DirectiveNotebook("```{data} d\nholdout: 0.2\n```\n").run().messages == ["1:1 {data} needs one of 'source', 'values' or 'generate'"])
        #expect(DirectiveNotebook("```{data} d\nvalues: [1, 2]\ngenerate: {gaussian: {mean: 0, sd: 1}}\n```\n").run().messages
            == ["3:11 give only one of 'source', 'values' and 'generate' (found values and generate)"])
        #expect(DirectiveNotebook("```{data} d\nvalues: [1, 2]\nn: 5\n```\n").run().messages == ["3:4 'n' only applies to generated data"])
    }

    @Test func generatorMistakesPointAtTheValue() {
        let weights = DirectiveNotebook("```{data} d\ngenerate: {mixture: [{weight: 0.5, mean: 0, sd: 1}, {weight: 0.4, mean: 1, sd: 1}]}\n```\n").run()
        #expect(weights.messages == ["2:21 the mixture weights sum to 0.9, not 1"])
        let key = DirectiveNotebook("```{data} d\ngenerate: {gaussian: {mean: 0, sdd: 1}}\n```\n").run()
        #expect(key.messages == ["2:32 unknown component key 'sdd'"])
        #expect(key.diagnostics.first?.fix == "did you mean 'sd'?")
        let sd = DirectiveNotebook("```{data} d\ngenerate: {gaussian: {mean: 0, sd: -1}}\n```\n").run()
        #expect(sd.messages == ["2:36 sd -1.0 is not positive"])
    }
}
