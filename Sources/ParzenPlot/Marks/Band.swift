/// A filled region between two curves over the same x values: a confidence band, or the
/// area under a density (``area(name:x:y:color:)``).
public struct Band: Sendable, Equatable {
    /// Legend text; `nil` for no legend entry.
    public var name: String?
    /// Horizontal coordinates, in drawing order.
    public var x: [Double]
    /// The lower boundary, one value per `x`.
    public var lower: [Double]
    /// The upper boundary, one value per `x`.
    public var upper: [Double]
    /// Colour role; automatic by default.
    public var color: SeriesColor

    /// Creates a band between `lower` and `upper`.
    ///
    /// - Precondition: `x`, `lower` and `upper` have the same count.
    public init(name: String? = nil, x: [Double], lower: [Double], upper: [Double], color: SeriesColor = .automatic) {
        precondition(x.count == lower.count && x.count == upper.count, "Band needs one lower and one upper value per x value")
        self.name = name
        self.x = x
        self.lower = lower
        self.upper = upper
        self.color = color
    }

    /// The area between the curve `y` and zero.
    public static func area(name: String? = nil, x: [Double], y: [Double], color: SeriesColor = .automatic) -> Band {
        Band(name: name, x: x, lower: [Double](repeating: 0, count: x.count), upper: y, color: color)
    }
}

extension Band: MarkDrawing {
    var legendSymbol: LegendSymbol { .swatch }
    var kindDescription: String { "band" }

    func include(in extent: inout Extent) {
        extent.include(xs: x)
        extent.include(ys: lower)
        extent.include(ys: upper)
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        // Split where either boundary cannot be drawn; each piece is one closed subpath:
        // along the upper boundary, back along the lower one.
        var path = PathData()
        var upperRun: [PlotPoint] = [], lowerRun: [PlotPoint] = []
        func flush() {
            if upperRun.count > 1 {
                path.polyline(Simplification.douglasPeucker(upperRun) + Simplification.douglasPeucker(lowerRun).reversed(), closed: true)
            }
            upperRun = []
            lowerRun = []
        }
        for index in x.indices {
            if let top = projection.point(x[index], upper[index]), let bottom = projection.point(x[index], lower[index]) {
                upperRun.append(top)
                lowerRun.append(bottom)
            } else {
                flush()
            }
        }
        flush()
        svg.path(path, ["class": "plot-band \(colorClass)", "fill": "currentColor", "fill-opacity": "0.2"])
    }
}
