/// A grid of cells shaded by value: a 2-D density seen from above.
///
/// Values are quantised into `shades` equal steps of the value range, each step drawn as the
/// mark's colour at increasing opacity — one `<path>` per shade, in which horizontal runs of
/// cells with the same shade are merged into one rectangle. No embedded image: it stays
/// vector, small, and follows the colour scheme. Cells are centred on the grid points and
/// reach halfway to their neighbours.
public struct HeatMap: Sendable, Equatable, Codable {
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
    package func shade(of value: Double, in range: ClosedRange<Double>) -> Int? {
        guard value.isFinite, range.upperBound > range.lowerBound else { return nil }
        let step = Int(
            ((value - range.lowerBound) / (range.upperBound - range.lowerBound) * Double(shades + 1)).rounded(.down))
        return step == 0 ? nil : min(step, shades) - 1
    }

    /// The cell boundaries along one axis: halfway between grid points, the ends extended by
    /// half a spacing.
    package static func boundaries(_ coordinates: [Double]) -> [Double] {
        let count = coordinates.count
        var result = [coordinates[0] - (coordinates[1] - coordinates[0]) / 2]
        for index in 0..<(count - 1) { result.append((coordinates[index] + coordinates[index + 1]) / 2) }
        result.append(coordinates[count - 1] + (coordinates[count - 1] - coordinates[count - 2]) / 2)
        return result
    }
}
