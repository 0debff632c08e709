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
public struct SmallMultiples: Sendable, Equatable, Codable {
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
        id: String, title: String? = nil, description: String? = nil, sharesXAxis: Bool = true,
        sharesYAxis: Bool = true,
        panels: [Chart]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.panels = panels
        self.sharesXAxis = sharesXAxis
        self.sharesYAxis = sharesYAxis
    }

}
