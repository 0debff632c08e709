import ParzenChart

extension Rug: MarkDrawing {
    var legendSymbol: LegendSymbol { .rug }
    var kindDescription: String { "rug" }

    func include(in extent: inout Extent) {
        extent.include(xs: x)
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        // Quantise to half units and keep each position once, in ascending order.
        let positions = Set(x.compactMap { projection.horizontal($0).map { ($0 * 2).rounded() } }).sorted()
        var path = PathData()
        let bottom = projection.frame.bottom
        for position in positions {
            path.vertical(from: PlotPoint(x: position / 2, y: bottom), to: bottom - Rug.tickLength)
        }
        svg.path(path, ["class": "plot-rug \(colorClass)", "fill": "none", "stroke": "currentColor"])
    }
}
