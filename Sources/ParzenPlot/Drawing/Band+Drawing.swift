import ParzenChart

extension Band: MarkDrawing {
    var legendSymbol: LegendSymbol { .swatch }
    var kindDescription: String { "band" }

    func include(in extent: inout Extent) {
        extent.include(xs: x)
        extent.include(ys: lower)
        extent.include(ys: upper)
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        // Split where either boundary cannot be drawn; each piece is one closed subpath:
        // along the upper boundary, back along the lower one.
        var path = PathData()
        var upperRun: [PlotPoint] = [], lowerRun: [PlotPoint] = []
        func flush() {
            if upperRun.count > 1 {
                path.polyline(
                    Simplification.douglasPeucker(upperRun) + Simplification.douglasPeucker(lowerRun).reversed(),
                    closed: true)
            }
            upperRun = []
            lowerRun = []
        }
        for index in x.indices {
            if let top = projection.point(x[index], upper[index]), let bottom = projection.point(x[index], lower[index])
            {
                upperRun.append(top)
                lowerRun.append(bottom)
            } else {
                flush()
            }
        }
        flush()
        svg.path(path, ["class": "plot-band \(colorClass)", "fill": "currentColor", "fill-opacity": "0.2"])
    }
}
