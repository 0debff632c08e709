import Foundation
import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// A plot of 10⁴ points stays under 60 KB: curves are simplified, rugs and spikes merged per
/// half unit, dense scatter plots binned.
struct CompactnessTests {
    static let limit = 60_000
    static let n = 10_000

    static func data() -> [Double] {
        var random = TestData(seed: 42)
        return random.bimodal(n)
    }

    @Test func densityPlotOfTenThousandPoints() {
        let data = Self.data()
        let grid = (0..<Self.n).map { Double($0) / Double(Self.n) * 6 }
        let chart = Chart(id: "big", marks: [
            .histogram(Histogram(name: "data", data: data)),
            .rug(Rug(x: data)),
            .line(Line(name: "curve", x: grid, y: grid.map { TestData.gaussian($0, mean: 3.5, sd: 1) })),
        ])
        #expect(chart.render().utf8.count < Self.limit)
    }

    @Test func scatterOfTenThousandPointsIsBinned() throws {
        var random = TestData(seed: 3)
        let x = (0..<Self.n).map { _ in random.normal() }, y = (0..<Self.n).map { _ in random.normal() }
        let markup = Chart(id: "scatter", marks: [.scatter(Scatter(x: x, y: y))]).render()
        #expect(markup.utf8.count < Self.limit)
        let svg = try #require(XMLElementTree.parse(markup))
        #expect(svg.elements(withClass: "plot-bins").count == 1)
        // Below the threshold the points are drawn as dots.
        let few = Chart(id: "few", marks: [.scatter(Scatter(x: Array(x.prefix(500)), y: Array(y.prefix(500))))]).render()
        #expect(XMLElementTree.parse(few)?.elements(withClass: "plot-scatter").count == 1)
    }

    @Test func spikesOfTenThousandPoints() {
        let markup = Chart(id: "spikes", marks: [.spikes(Spikes.empirical(data: Self.data()))]).render()
        #expect(markup.utf8.count < Self.limit)
    }

    /// A sampled straight line of 10⁴ points needs only its two ends.
    @Test func straightLineSimplifiesToTwoPoints() throws {
        let x = (0..<Self.n).map(Double.init)
        let markup = Chart(id: "straight", marks: [.line(Line(x: x, y: x))]).render()
        let d = try #require(XMLElementTree.parse(markup)?.elements(withClass: "plot-line").first?.attributes["d"])
        #expect(d.filter { $0 == "L" }.count == 1)
    }

    /// Douglas–Peucker keeps every dropped vertex within the tolerance (0.25 units) of the
    /// segment that replaced it.
    @Test func simplificationStaysWithinTolerance() {
        let points = (0...2000).map { PlotPoint(x: Double($0) * 0.25, y: 100 + 80 * sin(Double($0) / 60)) }
        let kept = Simplification.douglasPeucker(points)
        #expect(kept.count < points.count / 4)
        // Kept vertices are a subsequence of the input: find their indices.
        var keptIndices: [Int] = [], next = 0
        for (index, point) in points.enumerated() where next < kept.count && point == kept[next] {
            keptIndices.append(index)
            next += 1
        }
        #expect(keptIndices.count == kept.count)
        for (start, end) in zip(keptIndices, keptIndices.dropFirst()) {
            let a = points[start], b = points[end]
            let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            for point in points[start...end] {
                let distance = abs((b.x - a.x) * (a.y - point.y) - (a.x - point.x) * (b.y - a.y)) / length
                // 1e-9 allows rounding in the distance formula.
                #expect(distance <= Simplification.tolerance + 1e-9)
            }
        }
    }
}
