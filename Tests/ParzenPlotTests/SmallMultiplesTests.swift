import Foundation
import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// The kernel gallery: eight panels with shared axes in one reflowing grid.
struct SmallMultiplesTests {
    static func gallery() -> SmallMultiples {
        let u = (0...120).map { -3 + Double($0) * 0.05 }
        let kernels: [(String, (Double) -> Double)] = [
            ("Gaussian", { exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() }),
            ("Epanechnikov", { abs($0) <= 1 ? 0.75 * (1 - $0 * $0) : 0 }),
            ("uniform", { abs($0) <= 1 ? 0.5 : 0 }),
            ("triangular", { max(0, 1 - abs($0)) }),
            ("biweight", { abs($0) <= 1 ? 15.0 / 16 * (1 - $0 * $0) * (1 - $0 * $0) : 0 }),
            ("triweight", { abs($0) <= 1 ? 35.0 / 32 * pow(1 - $0 * $0, 3) : 0 }),
            ("cosine", { abs($0) <= 1 ? Double.pi / 4 * cos(Double.pi / 2 * $0) : 0 }),
            ("logistic", { 1 / (exp($0) + 2 + exp(-$0)) }),
        ]
        return SmallMultiples(id: "fig-kernels", title: "Kernels", panels: kernels.map { name, k in
            Chart(id: "ignored", title: name, size: .panel, marks: [.line(Line(x: u, y: u.map(k)))])
        })
    }

    /// Even rows (issue 13): the fewest rows four columns allow, then the fewest columns for
    /// those rows — worked out by hand: 5 → 3 + 2, 7 → 4 + 3, 9 → 3 × 3, 10 → 4 + 4 + 2.
    @Test func columnsGiveEvenRows() throws {
        let expected = [1: 1, 2: 2, 3: 3, 4: 4, 5: 3, 6: 3, 7: 4, 8: 4, 9: 3, 10: 4, 12: 4]
        for (count, columns) in expected { #expect(SmallMultiples.columns(for: count) == columns, "\(count) panels") }
        let tree = try #require(XMLElementTree.parse(Self.gallery().render()))
        let grid = tree.elements(named: "div").first { $0.attributes["class"]?.hasPrefix("plot-multiples-grid") == true }
        #expect(grid?.attributes["class"] == "plot-multiples-grid plot-columns-4")
    }

    @Test func eightPanelsWithDerivedIds() throws {
        let tree = try #require(XMLElementTree.parse(Self.gallery().render()))
        #expect(tree.attributes["role"] == "group")
        #expect(tree.attributes["aria-labelledby"] == "fig-kernels-title")
        let panels = tree.elements(named: "svg")
        #expect(panels.count == 8)
        #expect(panels.map { $0.attributes["aria-labelledby"] } == (1...8).map { "fig-kernels-\($0)-title fig-kernels-\($0)-desc" })
        #expect(panels.map { $0.attributes["viewBox"] } == Array(repeating: "0 0 180 150", count: 8))
    }

    /// Shared axes: every panel shows the same ticks, fitted to the tallest kernel (the
    /// triweight, peak 35/32 = 1.09375): range nicenum(1.09375, false) = 2, step
    /// nicenum(0.5, true) = 0.5, so y ticks 0, 0.5, 1, 1.5.
    @Test func panelsShareTheirAxes() throws {
        let tree = try #require(XMLElementTree.parse(Self.gallery().render()))
        let yTicks = tree.elements(withClass: "plot-axis-y").map { $0.elements(withClass: "plot-tick-label").map(\.text) }
        #expect(Set(yTicks.map { $0.joined(separator: " ") }).count == 1)
        #expect(yTicks[0] == ["0.0", "0.5", "1.0", "1.5"])
        let xTicks = tree.elements(withClass: "plot-axis-x").map { $0.elements(withClass: "plot-tick-label").map(\.text) }
        #expect(Set(xTicks.map { $0.joined(separator: " ") }).count == 1)
    }

    @Test func deterministic() {
        #expect(Self.gallery().render() == Self.gallery().render())
    }
}
