import Testing
@testable import ParzenChart
@testable import ParzenPlot

/// The helpers behind individual marks, against hand computations.
struct MarkTests {
    /// Samples 1…4 and 10…40, four quantiles at p = 0.125, 0.375, 0.625, 0.875: type 7 gives
    /// h = 3p = 0.375, 1.125, 1.875, 2.625 → 1.375, 2.125, 2.875, 3.625 (and ten times that).
    @Test func qqQuantilesByHand() {
        let qq = QQPlot(x: [4, 2, 3, 1], y: [10, 20, 30, 40], count: 4)
        #expect(qq.x == [1.375, 2.125, 2.875, 3.625])
        #expect(qq.y == [13.75, 21.25, 28.75, 36.25])
        #expect(qq.marks() == [
            .rule(ReferenceLine(.identity, label: "y = x")),
            .scatter(Scatter(x: qq.x, y: qq.y)),
        ])
    }

    @Test func qqUsesTheSmallerSample() {
        #expect(QQPlot(x: [1, 2, 3], y: Array(0..<500).map(Double.init)).x.count == 3)
    }

    @Test func qqPlotDrawsTheDiagonal() throws {
        let qq = QQPlot(x: [1, 2, 3, 4], y: [1.5, 2, 2.5, 4.5])
        let svg = try #require(XMLElementTree.parse(Chart(id: "qq", marks: qq.marks(name: "pairs")).render()))
        let d = try #require(svg.elements(withClass: "plot-rule").first?.attributes["d"])
        #expect(d.hasPrefix("M"))
        #expect(svg.elements(withClass: "plot-scatter").count == 1)
    }

    @Test func empiricalSpikesMergeTies() {
        let spikes = Spikes.empirical(data: [2, 1, 2, 3, .nan])
        #expect(spikes.x == [1, 2, 3])
        #expect(spikes.heights == [0.25, 0.5, 0.25])
    }

    @Test func spikesDrawStemsAndDots() throws {
        let chart = Chart(id: "sp", marks: [.spikes(Spikes.empirical(name: "empirical", data: [1, 2, 2, 3]))])
        let svg = try #require(XMLElementTree.parse(chart.render()))
        let group = try #require(svg.elements(withClass: "plot-marks").first?.elements(withClass: "plot-spikes").first)
        #expect(group.elements(withClass: "plot-stems").first?.attributes["d"]?.filter { $0 == "M" }.count == 3)
        #expect(group.elements(withClass: "plot-dots").first?.attributes["d"]?.filter { $0 == "M" }.count == 3)
    }

    /// Rows of constant value merge into one rectangle per row; the lowest step stays blank.
    @Test func heatMapMergesRuns() throws {
        let x = (0..<50).map(Double.init), y = [0.0, 1, 2]
        let grid = ScalarGrid(x: x, y: y) { _, row in row }
        let svg = try #require(XMLElementTree.parse(Chart(id: "h", marks: [.heatMap(HeatMap(grid: grid, shades: 2))]).render()))
        let paths = try #require(svg.elements(withClass: "plot-heatmap").first).elements(named: "path")
        // Values 0, 1, 2 over range 0…2 in 3 steps: 0 blank, 1 → shade 0, 2 → shade 1.
        #expect(paths.map { $0.attributes["d"]!.filter { $0 == "M" }.count } == [1, 1])
        #expect(paths.map { $0.attributes["fill-opacity"] } == ["0.5", "1"])
    }

    @Test func heatMapLegendShowsARamp() throws {
        let grid = ScalarGrid(x: [0, 1], y: [0, 1], values: [0, 1, 2, 3])
        let svg = try #require(XMLElementTree.parse(Chart(id: "h", marks: [.heatMap(HeatMap(name: "density", grid: grid))]).render()))
        let ramp = try #require(svg.elements(withClass: "plot-legend").first?.elements(withClass: "plot-ramp").first)
        #expect(ramp.elements(named: "path").map { $0.attributes["fill-opacity"] } == ["0.25", "0.5", "0.75", "1"])
    }

    @Test func contoursDrawOnePathPerLevel() throws {
        let axis = (0...40).map { -2 + Double($0) * 0.1 }
        let grid = ScalarGrid(x: axis, y: axis) { x, y in (x * x + y * y).squareRoot() }
        let chart = Chart(id: "c", marks: [.contours(Contours(grid: grid, levels: .values([0.5, 1, 1.5])))])
        let svg = try #require(XMLElementTree.parse(chart.render()))
        let levels = svg.elements(withClass: "plot-contour")
        #expect(levels.map { $0.attributes["data-level"] } == ["0.5", "1", "1.5"])
        #expect(levels.allSatisfy { $0.attributes["d"]!.hasSuffix("Z") })
    }

    @Test func automaticColoursTakeSuccessiveSlots() {
        let drawings: [any MarkDrawing] = [
            Histogram(bins: Bins(edges: [0, 1]), heights: [1]), Line(x: [0], y: [0]), Rug(x: [0]),
            Line(x: [0], y: [0], color: .series(7)), Band.area(x: [0], y: [0]),
        ]
        #expect(ChartRenderer.resolveColors(drawings) == [.muted, .series(1), .ink, .series(7), .series(2)])
        #expect(SeriesColor.series(9).className == "series-1")
    }
}
