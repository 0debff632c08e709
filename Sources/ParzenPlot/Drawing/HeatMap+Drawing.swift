import ParzenChart

extension HeatMap: MarkDrawing {
    var legendSymbol: LegendSymbol { .ramp }
    var kindDescription: String { "heat map" }

    func include(in extent: inout Extent) {
        extent.include(xs: HeatMap.boundaries(grid.x))
        extent.include(ys: HeatMap.boundaries(grid.y))
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        guard let range = grid.valueRange else { return }
        let xEdges = HeatMap.boundaries(grid.x).map { projection.horizontal($0) }
        let yEdges = HeatMap.boundaries(grid.y).map { projection.vertical($0) }
        var paths = [PathData](repeating: PathData(), count: shades)
        for j in grid.y.indices {
            guard let bottom = yEdges[j], let top = yEdges[j + 1] else { continue }
            var i = 0
            while i < grid.x.count {
                guard let shade = shade(of: grid[i, j], in: range), let left = xEdges[i] else { i += 1; continue }
                var end = i + 1
                while end < grid.x.count, self.shade(of: grid[end, j], in: range) == shade, xEdges[end + 1] != nil {
                    end += 1
                }
                paths[shade].rectangle(left: left, top: top, right: xEdges[end]!, bottom: bottom)
                i = end
            }
        }
        svg.open("g", ["class": "plot-heatmap \(colorClass)", "fill": "currentColor"])
        for (shade, path) in paths.enumerated() {
            let opacity = FixedPoint.format(Double(shade + 1) / Double(shades), decimals: 2, trimmingZeros: true)
            svg.path(path, ["fill-opacity": opacity])
        }
        svg.close("g")
    }
}
