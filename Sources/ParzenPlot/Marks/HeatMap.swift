/// A grid of cells shaded by value: a 2-D density seen from above.
///
/// Values are quantised into `shades` equal steps of the value range, each step drawn as the
/// mark's colour at increasing opacity — one `<path>` per shade, in which horizontal runs of
/// cells with the same shade are merged into one rectangle. No embedded image: it stays
/// vector, small, and follows the colour scheme. Cells are centred on the grid points and
/// reach halfway to their neighbours.
public struct HeatMap: Sendable, Equatable {
    /// Legend text; `nil` for no legend entry.
    public var name: String?
    /// The sampled function.
    public var grid: ScalarGrid
    /// The number of shades (opacity steps).
    public var shades: Int
    /// Colour role; automatic by default.
    public var color: SeriesColor

    /// Creates a heat map of `grid`.
    ///
    /// - Parameter shades: how many opacity steps; 8 by default (more are hard to tell apart).
    public init(name: String? = nil, grid: ScalarGrid, shades: Int = 8, color: SeriesColor = .automatic) {
        self.name = name
        self.grid = grid
        self.shades = max(shades, 1)
        self.color = color
    }

    /// The shade 0…shades−1 of a value, or `nil` for the lowest values (left blank, so the
    /// background shows where the density is negligible) and non-finite ones.
    func shade(of value: Double, in range: ClosedRange<Double>) -> Int? {
        guard value.isFinite, range.upperBound > range.lowerBound else { return nil }
        let step = Int(((value - range.lowerBound) / (range.upperBound - range.lowerBound) * Double(shades + 1)).rounded(.down))
        return step == 0 ? nil : min(step, shades) - 1
    }

    /// The cell boundaries along one axis: halfway between grid points, the ends extended by
    /// half a spacing.
    private static func boundaries(_ coordinates: [Double]) -> [Double] {
        let count = coordinates.count
        var result = [coordinates[0] - (coordinates[1] - coordinates[0]) / 2]
        for index in 0..<(count - 1) { result.append((coordinates[index] + coordinates[index + 1]) / 2) }
        result.append(coordinates[count - 1] + (coordinates[count - 1] - coordinates[count - 2]) / 2)
        return result
    }
}

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
                while end < grid.x.count, self.shade(of: grid[end, j], in: range) == shade, xEdges[end + 1] != nil { end += 1 }
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
