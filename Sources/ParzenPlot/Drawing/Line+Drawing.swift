import ParzenChart

extension Line: MarkDrawing {
    var legendSymbol: LegendSymbol { .line(dash) }
    var kindDescription: String { "line" }

    func include(in extent: inout Extent) {
        extent.include(xs: x)
        extent.include(ys: y)
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        var path = PathData()
        for run in projection.runs(x: x, y: y) {
            path.polyline(Simplification.douglasPeucker(run))
        }
        svg.path(path, [
            "class": "plot-line \(colorClass) \(dash.className)", "fill": "none", "stroke": "currentColor",
        ])
    }
}
