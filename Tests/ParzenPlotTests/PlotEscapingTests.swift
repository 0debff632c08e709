import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// Every string from a notebook — names, labels, titles, descriptions, ids — reaches the SVG
/// escaped: the markup stays well-formed XML, no element is injected, and the text reads
/// back exactly as given.
struct PlotEscapingTests {
    static let hostile = "<script>alert(\"x\")</script> & 'q' \"quoted\" </svg>"

    @Test func hostileStringsStayText() throws {
        let chart = Chart(
            id: "fig\"><script>", title: Self.hostile, description: Self.hostile,
            x: Axis(label: Self.hostile), y: Axis(label: Self.hostile),
            marks: [
                .line(Line(name: Self.hostile, x: [0, 1, 2], y: [0, 1, 0])),
                .rule(ReferenceLine(.vertical(1), label: Self.hostile)),
            ])
        let markup = chart.render()
        #expect(!markup.contains("<script"))
        let svg = try #require(XMLElementTree.parse(markup))
        #expect(svg.elements(named: "script").isEmpty)
        #expect(svg.elements(named: "title").first?.text == Self.hostile)
        #expect(svg.elements(named: "desc").first?.text == Self.hostile)
        #expect(svg.elements(withClass: "plot-title").first?.text == Self.hostile)
        #expect(svg.elements(withClass: "plot-label").map(\.text) == [Self.hostile, Self.hostile])
        #expect(svg.elements(withClass: "plot-legend-entry").first?.elements(named: "text").first?.text == Self.hostile)
        #expect(svg.elements(withClass: "plot-rule-label").first?.text == Self.hostile)
    }

    /// Ids keep only letters, digits, `-` and `_`, so they are safe in attributes and CSS.
    @Test func idsAreSanitised() throws {
        let svg = try #require(XMLElementTree.parse(Chart(id: "fig\"><script>", marks: []).render()))
        #expect(svg.elements(named: "title").first?.attributes["id"] == "fig---script--title")
        #expect(FigureID("3 panels").base == "fig-3-panels")
        #expect(FigureID("fig-kde_2").base == "fig-kde_2")
    }

    @Test func smallMultiplesEscapeTitles() throws {
        let html = SmallMultiples(id: "g", title: Self.hostile, panels: [
            Chart(id: "", title: Self.hostile, size: .panel, marks: []),
        ]).render()
        #expect(!html.contains("<script"))
        let tree = try #require(XMLElementTree.parse(html))
        #expect(tree.elements(withClass: "plot-multiples-title").first?.text == Self.hostile)
        #expect(tree.elements(named: "title").first?.text == Self.hostile)
    }
}
