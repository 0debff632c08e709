/// Short vertical ticks along the bottom of the plotting area, one per data value: shows
/// where the data lie under a histogram or density curve.
///
/// Ticks closer than half a user unit are drawn once, so thousands of values cost at most
/// about a thousand ticks (a few kilobytes) — the eye cannot separate them anyway.
public struct Rug: Sendable, Equatable, Codable {
    /// Legend text; `nil` for no legend entry.
    public var name: String?
    /// The data values.
    public var x: [Double]
    /// Colour role; the text colour by default.
    public var color: SeriesColor

    /// The length of a tick in user units.
    package static let tickLength = 8.0

    /// Creates a rug of the values `x`.
    public init(name: String? = nil, x: [Double], color: SeriesColor = .ink) {
        self.name = name
        self.x = x
        self.color = color
    }
}
