/// A chart: two axes, a list of marks, optional title and legend, rendered as one inline
/// `<svg>` element.
///
/// The SVG has a `viewBox` and no fixed pixel size, so it scales with the page; `role="img"`
/// with `aria-labelledby` naming its `<title>` and `<desc>` for screen readers; ids derived
/// from ``id``; colours as classes resolved by templates/plot.css (so dark mode works);
/// coordinates with one decimal. The same chart always renders to the same bytes.
///
/// ```swift
/// let chart = Chart(
///     id: "fig-density",
///     x: Axis(label: "eruption duration (min)"),
///     y: Axis(label: "density"),
///     marks: [
///         .histogram(Histogram(name: "data", data: durations)),
///         .rug(Rug(x: durations)),
///         .line(Line(name: "KDE", x: grid, y: kde)),
///     ])
/// let svg = chart.render()
/// ```
public struct Chart: Sendable, Equatable, Codable {
    /// The figure id; the SVG's element ids are derived from it (`<id>-title`, `<id>-desc`,
    /// `<id>-clip`), so it must be unique on the page.
    public var id: String
    /// A title drawn above the plot and used as the accessible name; `nil` draws none and
    /// names the chart by its description.
    public var title: String?
    /// One or two sentences saying what is plotted, for screen readers; `nil` composes one
    /// from the marks' names and the axes.
    public var description: String?
    /// The horizontal axis.
    public var x: Axis
    /// The vertical axis.
    public var y: Axis
    /// The layers, drawn in order (later on top).
    public var marks: [Mark]
    /// The coordinate size, fixing the aspect ratio.
    public var size: ChartSize
    /// Whether named marks get legend entries.
    public var showsLegend: Bool
    /// Where the legend goes when shown.
    public var legendPlacement: LegendPlacement

    /// Creates a chart.
    ///
    /// - Parameters:
    ///   - id: the figure id, unique on the page.
    ///   - title: drawn above the plot; omitted by default (the report's caption names it).
    ///   - description: for screen readers; composed from marks and axes when omitted.
    ///   - x: the horizontal axis; linear, untitled, fitted to the data by default.
    ///   - y: the vertical axis; linear, untitled, fitted to the data by default.
    ///   - size: the coordinate size; ``ChartSize/standard`` by default.
    ///   - showsLegend: list named marks in a legend; on by default.
    ///   - legendPlacement: the legend above the plot (the default) or below the x axis.
    ///   - marks: the layers, bottom first.
    public init(
        id: String, title: String? = nil, description: String? = nil, x: Axis = Axis(), y: Axis = Axis(),
        size: ChartSize = .standard, showsLegend: Bool = true, legendPlacement: LegendPlacement = .top,
        marks: [Mark]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.x = x
        self.y = y
        self.marks = marks
        self.size = size
        self.showsLegend = showsLegend
        self.legendPlacement = legendPlacement
    }

}
