import ParzenChart
/// What every kind of mark provides to the chart renderer.
protocol MarkDrawing {
    /// The legend entry's text; `nil` or empty for no entry.
    var name: String? { get }
    /// The mark's colour role, possibly `.automatic`.
    var color: SeriesColor { get }
    /// The legend picture.
    var legendSymbol: LegendSymbol { get }
    /// A noun for the screen-reader description ("line", "histogram").
    var kindDescription: String { get }
    /// Widens the chart's data extent by the values this mark needs to show.
    func include(in extent: inout Extent)
    /// Writes the mark, clipped to the plotting area.
    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter)
    /// Writes text that belongs to the mark but must not be clipped (reference-line labels).
    func drawAnnotations(with projection: Projection, colorClass: String, into svg: inout SVGWriter)
}

extension MarkDrawing {
    func drawAnnotations(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {}
}
