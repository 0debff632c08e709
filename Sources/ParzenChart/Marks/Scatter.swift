import Foundation

/// Points, e.g. 2-D data under density contours or quantile pairs in a QQ plot.
///
/// Up to `maximumPoints` distinct positions (after rounding to half a user unit) are drawn
/// as dots. Beyond that, individual dots only merge into a blot, so the plane is binned into
/// squares of ``binSize`` user units whose opacity grows with the logarithm of their count
/// (five steps): the SVG stays small and shows density instead of overplotting.
public struct Scatter: Sendable, Equatable, Codable {
    /// Legend text; `nil` for no legend entry.
    public var name: String?
    /// Horizontal coordinates.
    public var x: [Double]
    /// Vertical coordinates, one per `x`.
    public var y: [Double]
    /// Colour role; automatic by default.
    public var color: SeriesColor
    /// Above this many distinct dots the points are binned into squares.
    public var maximumPoints: Int

    /// The side of a bin square in user units when binning.
    package static let binSize = 6.0

    /// Creates a scatter plot of the points `(x[i], y[i])`.
    ///
    /// - Parameter maximumPoints: draw individual dots up to this many distinct positions,
    ///   bin beyond it; 2000 by default (about 30 KB of dots).
    /// - Precondition: `x` and `y` have the same count.
    public init(
        name: String? = nil, x: [Double], y: [Double], color: SeriesColor = .automatic, maximumPoints: Int = 2000
    ) {
        precondition(x.count == y.count, "Scatter needs as many y values as x values")
        self.name = name
        self.x = x
        self.y = y
        self.color = color
        self.maximumPoints = maximumPoints
    }
}
