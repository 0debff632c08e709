import Foundation

/// A straight line across the plotting area with an optional label: a chosen bandwidth β, a
/// true parameter value, or the diagonal y = x of a QQ plot.
public struct ReferenceLine: Sendable, Equatable, Codable {
    /// Where the line runs.
    public enum Position: Sendable, Equatable, Codable {
        /// A vertical line at this x.
        case vertical(Double)
        /// A horizontal line at this y.
        case horizontal(Double)
        /// The diagonal y = x, over the range both axes share.
        case identity
    }

    /// Where the line runs.
    public var position: Position
    /// Text written next to the line (e.g. "β = 0.31"); escaped when rendered.
    public var label: String?
    /// Colour role; the text colour by default.
    public var color: SeriesColor
    /// Stroke pattern; dashed by default, so it reads as a guide, not data.
    public var dash: LineDash

    /// Creates a reference line.
    public init(_ position: Position, label: String? = nil, color: SeriesColor = .ink, dash: LineDash = .dashed) {
        self.position = position
        self.label = label
        self.color = color
        self.dash = dash
    }
}
