import ParzenMarkup

/// A grid of small charts with shared axes — the kernel gallery, several bandwidths side by
/// side — rendered as a CSS grid of `<svg>` panels that reflows with the page width (four
/// across on a desktop, two on a phone; see `.plot-multiples-grid` in templates/plot.css).
///
/// Shared axes give every panel the same domain (the union of all panels' data, widened to
/// nice ticks), so the panels can be compared at a glance. Panel ids are `<id>-1`, `<id>-2`…
/// whatever the panels' own ids, so they are unique on the page.
///
/// ```swift
/// let gallery = SmallMultiples(id: "fig-kernels", title: "Kernels", panels: kernels.map { kernel in
///     Chart(id: "", title: kernel.name, size: .panel, marks: [.line(Line(x: u, y: u.map(kernel.value)))])
/// })
/// let html = gallery.render()
/// ```
public struct SmallMultiples: Sendable, Equatable {
    /// The figure id; panel ids and the title's id derive from it.
    public var id: String
    /// A visible heading above the panels and the group's accessible name; `nil` draws none.
    public var title: String?
    /// The group's accessible description; composed from the panel titles when `nil`.
    public var description: String?
    /// The panels in reading order.
    public var panels: [Chart]
    /// Whether all panels share one x domain.
    public var sharesXAxis: Bool
    /// Whether all panels share one y domain.
    public var sharesYAxis: Bool

    /// Creates a grid of panels.
    ///
    /// - Parameters:
    ///   - sharesXAxis: give every panel the same x domain; on by default.
    ///   - sharesYAxis: give every panel the same y domain; on by default.
    public init(
        id: String, title: String? = nil, description: String? = nil, sharesXAxis: Bool = true, sharesYAxis: Bool = true,
        panels: [Chart]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.panels = panels
        self.sharesXAxis = sharesXAxis
        self.sharesYAxis = sharesYAxis
    }

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
        let label = description ?? "Panels: " + ChartRenderer.list(panels.enumerated().map { $1.title ?? "panel \($0 + 1)" }) + "."
        var html = "<div class=\"plot-multiples\" role=\"group\""
        if let title {
            html += " aria-labelledby=\"\(Escaping.attribute(ids.title))\" aria-description=\"\(Escaping.attribute(label))\">\n"
            html += "<p class=\"plot-multiples-title\" id=\"\(Escaping.attribute(ids.title))\">\(Escaping.text(title))</p>\n"
        } else {
            html += " aria-label=\"\(Escaping.attribute(label))\">\n"
        }
        html += "<div class=\"plot-multiples-grid\">\n"
        for panel in panels { html += panel.render() }
        html += "</div>\n</div>\n"
        return html
    }

    private static func union(_ a: ClosedRange<Double>?, _ b: ClosedRange<Double>?) -> ClosedRange<Double>? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a.lowerBound, b.lowerBound)...max(a.upperBound, b.upperBound)
    }
}
