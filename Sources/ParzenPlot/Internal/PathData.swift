import ParzenChart
/// Builds the `d` attribute of an SVG `<path>` with fixed-precision absolute coordinates.
struct PathData {
    private(set) var string = ""

    var isEmpty: Bool { string.isEmpty }

    mutating func move(to point: PlotPoint) {
        string += "M" + FixedPoint.coordinate(point.x) + " " + FixedPoint.coordinate(point.y)
    }

    mutating func line(to point: PlotPoint) {
        string += "L" + FixedPoint.coordinate(point.x) + " " + FixedPoint.coordinate(point.y)
    }

    /// A polyline as one subpath: `M` then `L`s (closed with `Z` if asked).
    mutating func polyline(_ points: [PlotPoint], closed: Bool = false) {
        guard let first = points.first else { return }
        move(to: first)
        for point in points.dropFirst() { line(to: point) }
        if closed { string += "Z" }
    }

    /// A zero-length subpath: drawn as a dot when the path has round line caps, which costs a
    /// few bytes instead of a `<circle>` element per point.
    mutating func dot(at point: PlotPoint) {
        move(to: point)
        string += "h0"
    }

    /// A vertical segment from `point` to height `toY`.
    mutating func vertical(from point: PlotPoint, to toY: Double) {
        move(to: point)
        string += "V" + FixedPoint.coordinate(toY)
    }

    /// An axis-aligned rectangle as a closed subpath.
    mutating func rectangle(left: Double, top: Double, right: Double, bottom: Double) {
        move(to: PlotPoint(x: left, y: top))
        string += "H" + FixedPoint.coordinate(right) + "V" + FixedPoint.coordinate(bottom)
            + "H" + FixedPoint.coordinate(left) + "Z"
    }
}
