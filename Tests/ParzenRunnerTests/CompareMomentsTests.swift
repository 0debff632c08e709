import Foundation
import ParzenCore
import Testing
@testable import ParzenRunner

/// `criterion: moments` in d > 1 reports every coordinate (issue 13), each named by its
/// column; the data rows are checked against the population formulas computed here from
/// the twelve Old Faithful rows (mean, sd with divisor N, skewness m₃/m₂^1.5, excess
/// kurtosis m₄/m₂² − 3).
@Suite struct CompareMomentsTests {
    @Test func everyCoordinateHasItsMoments() throws {
        let outcome = DirectiveNotebook("""
            ```{data} both
            source: f.csv
            ```
            ```{fit} g
            data: both
            model: gaussian
            ```
            ```{fit} k
            data: both
            model: kde
            ```
            ```{compare} c
            models: [g, k]
            criterion: moments
            samples: 2000
            ```
            """, files: ["f.csv": faithfulHead]).run()
        #expect(outcome.messages == [])
        let tables = (outcome.results["c"]?.output ?? []).compactMap { block -> ResultTable? in
            if case .table(let table) = block, case .text("moments")? = table.header.first?.first { return table }
            return nil
        }
        let table = try #require(tables.first)
        #expect(table.header.count == 6)
        // Two models and the data, two coordinates each.
        #expect(table.rows.count == 6)
        func number(_ cell: ResultTable.Cell) -> Double? {
            if case .quantity(let q, _)? = cell.first { return q.value }
            return nil
        }
        let rows = faithfulHead.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map { Double($0)! } }
        for (k, name) in ["eruptions", "waiting"].enumerated() {
            let row = table.rows[4 + k]
            #expect(row[0] == [.text("data")] && row[1] == [.code(name)])
            let x = rows.map { $0[k] }, n = Double(x.count)
            let mean = x.reduce(0, +) / n
            func central(_ p: Double) -> Double { x.map { pow($0 - mean, p) }.reduce(0, +) / n }
            let expected = [mean, central(2).squareRoot(), central(3) / pow(central(2), 1.5),
                            central(4) / (central(2) * central(2)) - 3]
            for (cell, value) in zip(row.dropFirst(2), expected) {
                // Different summation orders: agreement to 1e-12 relative.
                #expect(abs(number(cell)! - value) <= 1e-12 * max(1, abs(value)), "\(name)")
            }
        }
    }

    /// `true` among the models (issue 13): the generating N(0, 1) scored on the held-out
    /// points, −log φ(x) = ½·log 2π + x²/2 averaged over them, and zero KL to itself.
    @Test func trueDensityIsScoredOnTheSamePoints() throws {
        let outcome = DirectiveNotebook("""
            ```{data} d
            generate: {gaussian: {mean: 0, sd: 1}}
            n: 200
            holdout: {last: 50}
            ```
            ```{fit} g
            data: d
            model: gaussian
            ```
            ```{compare} c
            models: [g, true]
            criterion: kl
            samples: 1000
            ```
            """).run()
        #expect(outcome.messages == [])
        let heldOut = try #require((outcome.results["d"]?.payload as? Dataset)?.heldOut?.values)
        let expected = heldOut.map { 0.5 * log(2 * Double.pi) + $0 * $0 / 2 }.reduce(0, +) / Double(heldOut.count)
        let nll = try #require(outcome.number("c", "nll_true"))
        #expect(abs(nll - expected) < 1e-12)
        #expect(outcome.number("c", "kl_true") == 0)
    }
}
