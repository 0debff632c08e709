/// Contour lines of a function sampled on a grid (a 2-D density), one `<path>` per level,
/// higher levels drawn more opaque so that the nesting reads without a colour scale.
public struct Contours: Sendable, Equatable {
    /// Legend text; `nil` for no legend entry.
    public var name: String?
    /// The sampled function.
    public var grid: ScalarGrid
    /// Which levels to draw.
    public var levels: ContourLevels
    /// Colour role; automatic by default.
    public var color: SeriesColor

    /// Creates contour lines of `grid`.
    ///
    /// - Parameter levels: which levels; 6 nice levels by default.
    public init(name: String? = nil, grid: ScalarGrid, levels: ContourLevels = .count(6), color: SeriesColor = .automatic) {
        self.name = name
        self.grid = grid
        self.levels = levels
        self.color = color
    }
}

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
                "class": "plot-contour", "stroke-opacity": FixedPoint.format(0.4 + 0.6 * share, decimals: 2, trimmingZeros: true),
                "data-level": FixedPoint.format(level, decimals: 6, trimmingZeros: true),
            ])
        }
        svg.close("g")
    }
}
