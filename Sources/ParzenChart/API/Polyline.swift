/// A chain of points, open or closed: one contour line of ``MarchingSquares``.
public struct Polyline: Sendable, Equatable {
    /// The vertices in order; a closed polyline does not repeat its first vertex.
    public var points: [PlotPoint]
    /// Whether the last vertex connects back to the first.
    public var isClosed: Bool

    /// Creates a polyline.
    public init(points: [PlotPoint], isClosed: Bool) {
        self.points = points
        self.isClosed = isClosed
    }
}
