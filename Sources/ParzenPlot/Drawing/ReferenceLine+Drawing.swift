import Foundation
import ParzenChart

extension ReferenceLine: MarkDrawing {
    /// Reference lines carry their own label instead of a legend entry.
    var name: String? { nil }
    var legendSymbol: LegendSymbol { .line(dash) }
    var kindDescription: String { "reference line" }

    func include(in extent: inout Extent) {
        switch position {
        case .vertical(let x): extent.include(x: x)
        case .horizontal(let y): extent.include(y: y)
        case .identity: break
        }
    }

    /// The two ends in user units, or `nil` if the line misses the domain.
    private func ends(_ projection: Projection) -> (PlotPoint, PlotPoint)? {
        let frame = projection.frame
        switch position {
        case .vertical(let x):
            guard let px = projection.horizontal(x), px >= frame.left, px <= frame.right else { return nil }
            return (PlotPoint(x: px, y: frame.bottom), PlotPoint(x: px, y: frame.top))
        case .horizontal(let y):
            guard let py = projection.vertical(y), py >= frame.top, py <= frame.bottom else { return nil }
            return (PlotPoint(x: frame.left, y: py), PlotPoint(x: frame.right, y: py))
        case .identity:
            let low = max(projection.x.domain.lowerBound, projection.y.domain.lowerBound)
            let high = min(projection.x.domain.upperBound, projection.y.domain.upperBound)
            guard low < high, let start = projection.point(low, low), let end = projection.point(high, high) else {
                return nil
            }
            return (start, end)
        }
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        guard let (start, end) = ends(projection) else { return }
        var path = PathData()
        path.polyline([start, end])
        svg.path(path, [
            "class": "plot-rule \(colorClass) \(dash.className)", "fill": "none", "stroke": "currentColor",
        ])
    }

    func drawAnnotations(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        guard let label, !label.isEmpty, let (start, end) = ends(projection) else { return }
        let frame = projection.frame
        var attributes: KeyValuePairs<String, String>
        switch position {
        case .vertical:
            // Right of the line near the top; left of it when the line is in the right third.
            let flip = end.x > frame.left + frame.width * 2 / 3
            attributes = [
                "class": "plot-rule-label \(colorClass)", "x": FixedPoint.coordinate(end.x + (flip ? -4 : 4)),
                "y": FixedPoint.coordinate(frame.top + 12), "text-anchor": flip ? "end" : "start",
                "fill": "currentColor"
            ]
        case .horizontal:
            attributes = [
                "class": "plot-rule-label \(colorClass)", "x": FixedPoint.coordinate(frame.right - 4),
                "y": FixedPoint.coordinate(end.y - 4), "text-anchor": "end", "fill": "currentColor",
            ]
        case .identity:
            // Along the diagonal, near its upper end, lifted 4 units off the line so the
            // stroke does not run through the text.
            let dx = end.x - start.x, dy = end.y - start.y
            let length = (dx * dx + dy * dy).squareRoot()
            let x = start.x + 0.95 * dx + 4 * dy / length, y = start.y + 0.95 * dy - 4 * dx / length
            let degrees = atan2(dy, dx) * 180 / .pi
            attributes = [
                "class": "plot-rule-label \(colorClass)", "text-anchor": "end", "fill": "currentColor",
                "transform":
                    "translate(\(FixedPoint.coordinate(x)) \(FixedPoint.coordinate(y))) " +
                        "rotate(\(FixedPoint.coordinate(degrees)))"
            ]
        }
        svg.element("text", attributes, text: label)
    }
}
