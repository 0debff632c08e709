import ParzenChart
/// Drops the vertices of a projected polyline that the eye cannot see, so that a curve
/// sampled at 10⁴ points costs only as many bytes as its shape needs.
enum Simplification {
    /// The default tolerance in SVG user units: a quarter unit is well below a screen pixel at
    /// the sizes a report shows a chart.
    static let tolerance = 0.25

    /// Ramer–Douglas–Peucker: keep the end points; keep the vertex farthest from the chord
    /// if it is more than `tolerance` away, and recurse on both halves. An explicit stack
    /// replaces recursion so that long inputs cannot exhaust the call stack.
    ///
    /// Urs Ramer (1972), "An iterative procedure for the polygonal approximation of plane
    /// curves"; David Douglas & Thomas Peucker (1973), *The Canadian Cartographer* 10(2).
    static func douglasPeucker(_ points: [PlotPoint], tolerance: Double = tolerance) -> [PlotPoint] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack = [(0, points.count - 1)]
        while let (first, last) = stack.popLast() {
            guard last - first > 1 else { continue }
            var farthest = first, largest = 0.0
            for index in (first + 1)..<last {
                let distance = distanceSquared(points[index], toSegment: points[first], points[last])
                if distance > largest { largest = distance; farthest = index }
            }
            if largest > tolerance * tolerance {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return zip(points, keep).compactMap { $1 ? $0 : nil }
    }

    /// Squared distance from `p` to the segment `a`–`b` (to `a` if the segment is a point).
    private static func distanceSquared(_ p: PlotPoint, toSegment a: PlotPoint, _ b: PlotPoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let lengthSquared = dx * dx + dy * dy
        var t = lengthSquared > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared : 0
        t = min(max(t, 0), 1)
        let ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y
        return ex * ex + ey * ey
    }
}
