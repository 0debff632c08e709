/// Contour lines of a function sampled on a grid (a 2-D density), one `<path>` per level,
/// higher levels drawn more opaque so that the nesting reads without a colour scale.
public struct Contours: Sendable, Equatable, Codable {
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
    public init(
        name: String? = nil, grid: ScalarGrid, levels: ContourLevels = .count(6), color: SeriesColor = .automatic
    ) {
        self.name = name
        self.grid = grid
        self.levels = levels
        self.color = color
    }
}
