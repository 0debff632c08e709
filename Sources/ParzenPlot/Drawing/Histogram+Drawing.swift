import ParzenChart

extension Histogram: MarkDrawing {
    var legendSymbol: LegendSymbol { .swatch }
    var kindDescription: String { "histogram" }

    func include(in extent: inout Extent) {
        extent.include(xs: bins.edges)
        extent.include(ys: heights)
        extent.include(y: 0)
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        // Bars stand on zero, or on the bottom of the frame when zero cannot be drawn (log
        // axis) or lies below the domain.
        let baseline = min(projection.vertical(0) ?? projection.frame.bottom, projection.frame.bottom)
        var path = PathData()
        for (index, height) in heights.enumerated() where height > 0 {
            guard let left = projection.horizontal(bins.edges[index]),
                  let right = projection.horizontal(bins.edges[index + 1]),
                  let top = projection.vertical(height) else { continue }
            path.rectangle(left: left, top: top, right: right, bottom: baseline)
        }
        svg.path(path, ["class": "plot-bars \(colorClass)", "fill": "currentColor", "fill-opacity": "0.35"])
    }
}
