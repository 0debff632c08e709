import Foundation
import ParzenChart

extension Scatter: MarkDrawing {
    var legendSymbol: LegendSymbol { .dot }
    var kindDescription: String { "scatter plot" }

    func include(in extent: inout Extent) {
        extent.include(xs: x)
        extent.include(ys: y)
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        let points = zip(x, y).compactMap { projection.point($0, $1) }
        let distinct = Set(points.map { PlotPoint(x: ($0.x * 2).rounded() / 2, y: ($0.y * 2).rounded() / 2) })
        if distinct.count <= maximumPoints {
            var dots = PathData()
            for point in distinct.sorted(by: { ($0.x, $0.y) < ($1.x, $1.y) }) { dots.dot(at: point) }
            svg.path(dots, [
                "class": "plot-dots plot-scatter \(colorClass)", "fill": "none", "stroke": "currentColor",
                "stroke-linecap": "round",
            ])
        } else {
            drawBinned(points, frame: projection.frame, colorClass: colorClass, into: &svg)
        }
    }

    private struct Cell: Hashable, Comparable {
        let column: Int
        let row: Int
        static func < (a: Cell, b: Cell) -> Bool { (a.row, a.column) < (b.row, b.column) }
    }

    private func drawBinned(
        _ points: [PlotPoint], frame: Projection.Frame, colorClass: String, into svg: inout SVGWriter
    ) {
        let size = Scatter.binSize
        var counts: [Cell: Int] = [:]
        for point in points {
            let cell = Cell(column: Int(((point.x - frame.left) / size).rounded(.down)),
                            row: Int(((point.y - frame.top) / size).rounded(.down)))
            counts[cell, default: 0] += 1
        }
        let largest = Double(counts.values.max() ?? 1)
        let steps = 5
        var paths = [PathData](repeating: PathData(), count: steps)
        for cell in counts.keys.sorted() {
            // Opacity step 1…5 from log(count)/log(max): one point is faint, the densest cell solid.
            let count = Double(counts[cell]!)
            let share = largest > 1 ? log(count) / log(largest) : 1
            let step = min(Int(share * Double(steps - 1) + 0.5), steps - 1)
            let left = frame.left + Double(cell.column) * size, top = frame.top + Double(cell.row) * size
            paths[step].rectangle(left: left, top: top, right: left + size, bottom: top + size)
        }
        svg.open("g", ["class": "plot-bins \(colorClass)", "fill": "currentColor"])
        for (step, path) in paths.enumerated() {
            let opacity = FixedPoint.format(Double(step + 1) / Double(steps), decimals: 1, trimmingZeros: true)
            svg.path(path, ["fill-opacity": opacity])
        }
        svg.close("g")
    }
}
