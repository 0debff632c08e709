import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// x tick labels never overlap (issue 13): wide labels on a narrow chart get fewer ticks.
/// Positions are read from the SVG; widths use the layout's text metrics at the phone font
/// size, the largest the labels are drawn at.
struct TickCollisionTests {
    static func tickLabels(_ chart: Chart) -> [(x: Double, label: String)] {
        chart.render().matches(of: /<text class="plot-tick-label" x="([-0-9.]+)" y="[-0-9.]+" text-anchor="middle">([^<]*)</)
            .map { (Double($0.1)!, String($0.2)) }
    }

    @Test(arguments: [(-1000.0, 300.0), (0, 123_456), (-0.001234, 0.004567), (-1e6, 1e6)])
    func labelsKeepApartOnPanelsAndCharts(_ range: (Double, Double)) {
        for size in [ChartSize.panel, .standard] {
            let chart = Chart(id: "c", size: size, marks: [.line(Line(x: [range.0, range.1], y: [0, 1]))])
            let ticks = Self.tickLabels(chart)
            #expect(ticks.count >= 2, "\(range) at \(size.width)")
            for (a, b) in zip(ticks, ticks.dropFirst()) {
                let room = (TextMetrics.width(of: a.label, fontSize: ChartStyle.layoutTickFont)
                            + TextMetrics.width(of: b.label, fontSize: ChartStyle.layoutTickFont)) / 2
                #expect(b.x - a.x >= room, "\(a.label) and \(b.label) at width \(size.width)")
            }
        }
    }
}
