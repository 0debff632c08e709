import ParzenChart
import ParzenMarkup

extension SmallMultiples {
    /// The panels as HTML: a `<div role="group">` holding a CSS grid of `<svg>` elements.
    public func render() -> String {
        let ids = FigureID(id)
        var panels = self.panels
        // The union of the panels' extents; a panel with a fixed domain keeps it.
        var xUnion: ClosedRange<Double>?, yUnion: ClosedRange<Double>?
        for panel in panels {
            let extent = panel.dataExtent()
            xUnion = SmallMultiples.union(xUnion, extent.x)
            yUnion = SmallMultiples.union(yUnion, extent.y)
        }
        for index in panels.indices {
            panels[index].id = ids.panel(index + 1)
            if sharesXAxis, panels[index].x.domain == nil {
                panels[index].x.domain = ResolvedAxis(panels[index].x, extent: xUnion).domain
            }
            if sharesYAxis, panels[index].y.domain == nil {
                panels[index].y.domain = ResolvedAxis(panels[index].y, extent: yUnion).domain
            }
        }
        let label =
            description ?? "Panels: " + ChartRenderer.list(panels.enumerated().map { $1.title ?? "panel \($0 + 1)" })
            + "."
        var html = "<div class=\"plot-multiples\" role=\"group\""
        if let title {
            html +=
                " aria-labelledby=\"\(Escaping.attribute(ids.title))\" " +
                    "aria-description=\"\(Escaping.attribute(label))\">\n"
            html +=
                "<p class=\"plot-multiples-title\" " +
                    "id=\"\(Escaping.attribute(ids.title))\">\(Escaping.text(title))</p>\n"
        } else {
            html += " aria-label=\"\(Escaping.attribute(label))\">\n"
        }
        html += "<div class=\"plot-multiples-grid plot-columns-\(Self.columns(for: panels.count))\">\n"
        for panel in panels { html += panel.render() }
        html += "</div>\n</div>\n"
        return html
    }

    /// Columns on a wide page: as few rows as four across allow, then as few columns as
    /// those rows need, so that rows come out even (4 panels in one row, 5 as 3 + 2, 6 as
    /// 3 + 3, 9 as 3 × 3) rather than a full row and a stray panel. templates/plot.css halves
    /// four columns to two on a narrower page (4 panels as 2 × 2, never 3 + 1) and three to
    /// two on a phone.
    package static func columns(for count: Int) -> Int {
        guard count > 4 else { return max(count, 1) }
        let rows = (count + 3) / 4
        return (count + rows - 1) / rows
    }

    private static func union(_ a: ClosedRange<Double>?, _ b: ClosedRange<Double>?) -> ClosedRange<Double>? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
    }
}
