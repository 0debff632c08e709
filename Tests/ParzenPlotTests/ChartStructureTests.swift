import Foundation
import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// The SVG of a chart, parsed as XML and checked for the structure a report and a screen
/// reader rely on.
struct ChartStructureTests {
    static func densityChart(title: String? = nil) -> Chart {
        var random = TestData(seed: 1)
        let data = random.bimodal(300)
        let grid = (0...300).map { 1 + Double($0) * 0.015 }
        return Chart(
            id: "fig-density", title: title,
            x: Axis(label: "eruption duration (min)"), y: Axis(label: "density"),
            marks: [
                .histogram(Histogram(name: "data", data: data)),
                .rug(Rug(x: data)),
                .line(Line(name: "Gaussian", x: grid, y: grid.map { TestData.gaussian($0, mean: 3.5, sd: 1.1) })),
                .line(Line(name: "KDE", x: grid, y: grid.map { 0.35 * TestData.gaussian($0, mean: 2, sd: 0.3) + 0.65 * TestData.gaussian($0, mean: 4.3, sd: 0.4) }, dash: .dashed)),
            ])
    }

    @Test func rootIsAScalableAccessibleImage() throws {
        let svg = try #require(XMLElementTree.parse(Self.densityChart().render()))
        #expect(svg.name == "svg")
        #expect(svg.attributes["viewBox"] == "0 0 560 350")
        #expect(svg.attributes["width"] == nil && svg.attributes["height"] == nil)
        #expect(svg.attributes["role"] == "img")
        #expect(svg.attributes["aria-labelledby"] == "fig-density-title fig-density-desc")
        let title = try #require(svg.elements(named: "title").first)
        let desc = try #require(svg.elements(named: "desc").first)
        #expect(title.attributes["id"] == "fig-density-title")
        #expect(desc.attributes["id"] == "fig-density-desc")
        #expect(title.text == "Chart of data (histogram), rug, Gaussian (line) and KDE (line)")
        #expect(desc.text.hasPrefix(title.text + ". Horizontal axis: eruption duration (min), from "))
    }

    @Test func givenTitleAndDescriptionAreUsed() throws {
        var chart = Self.densityChart(title: "Two models")
        chart.description = "Histogram of the durations with two fitted densities."
        let svg = try #require(XMLElementTree.parse(chart.render()))
        #expect(svg.elements(named: "title").first?.text == "Two models")
        #expect(svg.elements(named: "desc").first?.text == "Histogram of the durations with two fitted densities.")
        #expect(svg.elements(withClass: "plot-title").first?.text == "Two models")
    }

    @Test func onePathPerCurve() throws {
        let svg = try #require(XMLElementTree.parse(Self.densityChart().render()))
        let marks = try #require(svg.elements(withClass: "plot-marks").first)
        let curves = marks.elements(withClass: "plot-line")
        #expect(curves.count == 2)
        #expect(curves.allSatisfy { $0.name == "path" && ($0.attributes["d"] ?? "").filter { $0 == "M" }.count == 1 })
        #expect(curves[0].attributes["class"] == "plot-line series-1 dash-solid")
        #expect(curves[1].attributes["class"] == "plot-line series-2 dash-dashed")
        #expect(marks.elements(withClass: "plot-bars").count == 1)
        #expect(marks.elements(withClass: "plot-rug").count == 1)
        #expect(marks.attributes["clip-path"] == "url(#fig-density-clip)")
        #expect(svg.elements(named: "clipPath").first?.attributes["id"] == "fig-density-clip")
    }

    @Test func axesHaveNiceTickLabelsAndTitles() throws {
        let svg = try #require(XMLElementTree.parse(Self.densityChart().render()))
        let xAxis = try #require(svg.elements(withClass: "plot-axis-x").first)
        let yAxis = try #require(svg.elements(withClass: "plot-axis-y").first)
        // x data 1…5.5 (grid) and the histogram's edges inside it: Heckbert gives range
        // nicenum(4.5, false) = 5, step nicenum(1.25, true) = 1 → 1, 2, …, 6.
        #expect(xAxis.elements(withClass: "plot-tick-label").map(\.text) == ["1", "2", "3", "4", "5", "6"])
        #expect(xAxis.elements(withClass: "plot-label").first?.text == "eruption duration (min)")
        #expect(yAxis.elements(withClass: "plot-label").first?.text == "density")
        let yLabels = yAxis.elements(withClass: "plot-tick-label").map(\.text)
        #expect(yLabels.first == "0.0")
        #expect(xAxis.elements(withClass: "plot-domain").count == 1 && yAxis.elements(withClass: "plot-domain").count == 1)
    }

    @Test func legendHasOneEntryPerNamedMark() throws {
        let svg = try #require(XMLElementTree.parse(Self.densityChart().render()))
        let entries = svg.elements(withClass: "plot-legend-entry")
        #expect(entries.map { $0.elements(named: "text").first?.text } == ["data", "Gaussian", "KDE"])
        var hidden = Self.densityChart()
        hidden.showsLegend = false
        #expect(XMLElementTree.parse(hidden.render())?.elements(withClass: "plot-legend").isEmpty == true)
    }

    @Test func noColourValuesInTheMarkup() {
        let svg = Self.densityChart().render()
        // Colours come from classes and currentColor; the only "#" is the clip-path reference.
        #expect(!svg.contains("=\"#"))
        #expect(!svg.contains("rgb("))
        #expect(svg.components(separatedBy: "#").count == 2)
    }

    /// On a log axis, values ≤ 0 cannot be drawn: the line starts at the first positive x.
    @Test func logAxisSkipsNonPositiveValues() throws {
        let chart = Chart(id: "log", x: Axis(scale: .log10), marks: [.line(Line(x: [-1, 0, 0.1, 1, 10], y: [5, 5, 1, 3, 2]))])
        let svg = try #require(XMLElementTree.parse(chart.render()))
        let d = try #require(svg.elements(withClass: "plot-line").first?.attributes["d"])
        #expect(d.filter { $0 == "M" }.count == 1)
        #expect(d.filter { $0 == "L" }.count == 2)
        #expect(svg.elements(withClass: "plot-axis-x").first?.elements(withClass: "plot-tick-label").map(\.text) == ["0.1", "1", "10"])
    }

    /// A NaN in the data splits the curve into two subpaths of the same path.
    @Test func gapInDataStartsASubpath() throws {
        let chart = Chart(id: "gap", marks: [.line(Line(x: [0, 1, 2, 3, 4], y: [0, 1, .nan, 1, 0]))])
        let d = try #require(XMLElementTree.parse(chart.render())?.elements(withClass: "plot-line").first?.attributes["d"])
        #expect(d.filter { $0 == "M" }.count == 2)
    }

    @Test func referenceLineIsLabelled() throws {
        let chart = Chart(id: "bw", x: Axis(scale: .log10), marks: [
            .line(Line(name: "held-out", x: [0.01, 0.1, 1], y: [3, 1, 2])),
            .rule(ReferenceLine(.vertical(0.25), label: "chosen β = 0.25")),
        ])
        let svg = try #require(XMLElementTree.parse(chart.render()))
        #expect(svg.elements(withClass: "plot-rule").count == 1)
        #expect(svg.elements(withClass: "plot-rule-label").first?.text == "chosen β = 0.25")
        #expect(svg.elements(withClass: "plot-legend-entry").count == 1)
    }

    @Test func emptyChartStillHasAxes() throws {
        let svg = try #require(XMLElementTree.parse(Chart(id: "empty", marks: []).render()))
        #expect(svg.elements(withClass: "plot-axis-x").first?.elements(withClass: "plot-tick-label").isEmpty == false)
        #expect(svg.elements(named: "title").first?.text == "Empty chart")
    }

    @Test func renderingIsDeterministic() {
        let first = Self.densityChart().render()
        #expect(first == Self.densityChart().render())
        #expect(first == Self.densityChart().render())
        let scatter = Chart(id: "s", marks: [.scatter(Scatter(x: (0..<5000).map { Double($0 % 97) }, y: (0..<5000).map { Double($0 % 89) }))])
        #expect(scatter.render() == scatter.render())
    }
}
