import ParzenChart

extension Contours: MarkDrawing {
    var legendSymbol: LegendSymbol { .line(.solid) }
    var kindDescription: String { "contour lines" }

    func include(in extent: inout Extent) {
        extent.include(xs: [grid.x[0], grid.x[grid.x.count - 1]])
        extent.include(ys: [grid.y[0], grid.y[grid.y.count - 1]])
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        let levelValues = levels.levels(for: grid)
        svg.open("g", ["class": "plot-contours \(colorClass)", "fill": "none", "stroke": "currentColor"])
        for (rank, level) in levelValues.enumerated() {
            var path = PathData()
            for line in MarchingSquares.contours(of: grid, at: level) {
                let projected = line.points.compactMap { projection.point($0.x, $0.y) }
                guard projected.count == line.points.count else { continue }
                path.polyline(Simplification.douglasPeucker(line.isClosed ? projected + [projected[0]] : projected),
                              closed: line.isClosed)
            }
            // Opacity from 0.4 for the lowest level to 1 for the highest.
            let share = levelValues.count > 1 ? Double(rank) / Double(levelValues.count - 1) : 1
            svg.path(path, [
                    "class": "plot-contour",
                    "stroke-opacity": FixedPoint.format(0.4 + 0.6 * share, decimals: 2, trimmingZeros: true),
                "data-level": FixedPoint.format(level, decimals: 6, trimmingZeros: true),
            ])
        }
        svg.close("g")
    }
}
