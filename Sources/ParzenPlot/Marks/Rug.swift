/// Short vertical ticks along the bottom of the plotting area, one per data value: shows
/// where the data lie under a histogram or density curve.
///
/// Ticks closer than half a user unit are drawn once, so thousands of values cost at most
/// about a thousand ticks (a few kilobytes) — the eye cannot separate them anyway.
public struct Rug: Sendable, Equatable {
    /// Legend text; `nil` for no legend entry.
    public var name: String?
    /// The data values.
    public var x: [Double]
    /// Colour role; the text colour by default.
    public var color: SeriesColor

    /// The length of a tick in user units.
    static let tickLength = 8.0

    /// Creates a rug of the values `x`.
    public init(name: String? = nil, x: [Double], color: SeriesColor = .ink) {
        self.name = name
        self.x = x
        self.color = color
    }
}

extension Rug: MarkDrawing {
    var legendSymbol: LegendSymbol { .rug }
    var kindDescription: String { "rug" }

    func include(in extent: inout Extent) {
        extent.include(xs: x)
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        // Quantise to half units and keep each position once, in ascending order.
        let positions = Set(x.compactMap { projection.horizontal($0).map { ($0 * 2).rounded() } }).sorted()
        var path = PathData()
        let bottom = projection.frame.bottom
        for position in positions {
            path.vertical(from: PlotPoint(x: position / 2, y: bottom), to: bottom - Rug.tickLength)
        }
        svg.path(path, ["class": "plot-rug \(colorClass)", "fill": "none", "stroke": "currentColor"])
    }
}
