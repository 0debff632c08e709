/// The size of a chart's coordinate system (its `viewBox`) in SVG user units. The chart
/// scales to the width of the page; the size fixes the aspect ratio and how large text is
/// relative to the drawing.
public struct ChartSize: Sendable, Equatable, Codable {
    /// Width in user units.
    public var width: Double
    /// Height in user units.
    public var height: Double

    /// Creates a size.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// 560 × 350: a single chart in the text column.
    public static let standard = ChartSize(width: 560, height: 350)
    /// 180 × 150: one panel of ``SmallMultiples``, shown about 180 pixels wide (four across
    /// a text column, two on a phone), so its text is about as large as a single chart's.
    public static let panel = ChartSize(width: 180, height: 150)
}
