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

/// Splits a sampled curve at points that cannot be drawn (NaN, ±∞, ≤ 0 on a log axis) and
/// projects the pieces: a gap in the data stays a gap in the picture.
func projectedRuns(x: [Double], y: [Double], with projection: Projection) -> [[PlotPoint]] {
    var runs: [[PlotPoint]] = []
    var current: [PlotPoint] = []
    for (dataX, dataY) in zip(x, y) {
        if let point = projection.point(dataX, dataY) {
            current.append(point)
        } else if !current.isEmpty {
            runs.append(current)
            current = []
        }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
}
