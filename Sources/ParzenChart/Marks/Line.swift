/// A curve through sampled points, e.g. a fitted density evaluated on a grid.
///
/// Drawn as exactly one `<path>` (a gap in the data starts a new subpath of the same path),
/// simplified to what the eye can see, so 10⁴ samples cost a few kilobytes.
public struct Line: Sendable, Equatable, Codable {
    /// Legend text; `nil` for no legend entry.
    public var name: String?
    /// Horizontal coordinates, in drawing order.
    public var x: [Double]
    /// Vertical coordinates, one per `x`.
    public var y: [Double]
    /// Colour role; automatic by default.
    public var color: SeriesColor
    /// Stroke pattern; solid by default.
    public var dash: LineDash

    /// Creates a line through the points `(x[i], y[i])`.
    ///
    /// - Precondition: `x` and `y` have the same count.
    public init(name: String? = nil, x: [Double], y: [Double], color: SeriesColor = .automatic, dash: LineDash = .solid)
    {
        precondition(x.count == y.count, "Line needs as many y values (\(y.count)) as x values (\(x.count))")
        self.name = name
        self.x = x
        self.y = y
        self.color = color
        self.dash = dash
    }
}
