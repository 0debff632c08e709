import ParzenChart

extension Spikes: MarkDrawing {
    var legendSymbol: LegendSymbol { .spike }
    var kindDescription: String { "spikes" }

    func include(in extent: inout Extent) {
        extent.include(xs: x)
        extent.include(ys: heights)
        extent.include(y: 0)
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        var massAtPosition: [Double: Double] = [:]
        for (position, height) in zip(x, heights) where height.isFinite {
            guard let column = projection.horizontal(position) else { continue }
            massAtPosition[(column * 2).rounded() / 2, default: 0] += height
        }
        let baseline = min(projection.vertical(0) ?? projection.frame.bottom, projection.frame.bottom)
        var stems = PathData(), dots = PathData()
        for column in massAtPosition.keys.sorted() {
            guard let top = projection.vertical(massAtPosition[column]!) else { continue }
            stems.vertical(from: PlotPoint(x: column, y: baseline), to: top)
            dots.dot(at: PlotPoint(x: column, y: top))
        }
        svg.open("g", ["class": "plot-spikes \(colorClass)", "fill": "none", "stroke": "currentColor"])
        svg.path(stems, ["class": "plot-stems"])
        svg.path(dots, ["class": "plot-dots", "stroke-linecap": "round"])
        svg.close("g")
    }
}
