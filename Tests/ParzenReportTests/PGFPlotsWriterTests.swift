import ParzenChart
@testable import ParzenReport
import Testing

/// Chart values as pgfplots code: the commands pgfplots documents for each mark.
@Suite struct PGFPlotsWriterTests {
    @Test func histogramIsAYbarIntervalWithTheLastHeightRepeatedAndStandsOnZero() {
        var writer = PGFPlotsWriter()
        let chart = Chart(id: "h", marks: [.histogram(Histogram(name: "data", bins: Bins(edges: [0, 1, 2]),
                                                                heights: [0.25, 0.75]))])
        let tex = writer.chart(chart, width: "10cm")
        #expect(tex.contains("ybar interval"))
        #expect(tex.contains("coordinates {(0,0.25) (1,0.75) (2,0.75)};\n\\addlegendentry{data}"))
        #expect(tex.contains("ymin=0"))
    }

    @Test func contoursAreOneCurvePerLevelAndHeatMapsAMatrixPlot() {
        let grid = ScalarGrid(x: [-1, 0, 1], y: [-1, 0, 1]) { x, y in 1 - x * x - y * y }
        var writer = PGFPlotsWriter()
        let contours = writer.chart(Chart(id: "c", marks: [.contours(Contours(grid: grid, levels: .values([0.5])))]),
                                    width: "5cm")
        #expect(contours.components(separatedBy: "\\addplot").count - 1 == 1)
        #expect(contours.contains("-- cycle;"))
        #expect(writer.placeholders.isEmpty)
        let map = writer.chart(Chart(id: "m", marks: [.heatMap(HeatMap(grid: grid))]), width: "5cm")
        #expect(map.contains("matrix plot*, mesh/cols=3"))
        #expect(map.contains("(-1,-1) [-1] (0,-1) [0] (1,-1) [-1] (-1,0) [0]"))
        #expect(writer.placeholders.isEmpty)
        let empty = ScalarGrid(x: [0, 1], y: [0, 1]) { _, _ in .nan }
        _ = writer.chart(Chart(id: "r", marks: [.heatMap(HeatMap(grid: empty))]), width: "5cm")
        #expect(writer.placeholders == ["a heat map"])
    }

    @Test func logAxesAndNonFiniteValuesAreWrittenAsPgfplotsReadsThem() {
        var writer = PGFPlotsWriter()
        let chart = Chart(id: "l", x: Axis(scale: .log10), marks: [.line(Line(x: [1, 10, 100], y: [1, .nan, 3]))])
        let tex = writer.chart(chart, width: "5cm")
        #expect(tex.contains("xmode=log"))
        #expect(tex.contains("unbounded coords=jump"))
        #expect(tex.contains("(1,1) (10,nan) (100,3)"))
    }
}
