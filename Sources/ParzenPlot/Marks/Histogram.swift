/// Bars over bins, heights normalised as a density so that curves of fitted densities can be
/// drawn on the same axis.
public struct Histogram: Sendable, Equatable {
    /// Legend text; `nil` for no legend entry.
    public var name: String?
    /// The bin edges.
    public var bins: Bins
    /// One bar height per bin.
    public var heights: [Double]
    /// Colour role; a neutral grey by default, so model curves stand out against the data.
    public var color: SeriesColor

    /// A density-normalised histogram of `data`.
    ///
    /// - Parameters:
    ///   - bins: the bins; omitting them uses ``Bins/freedmanDiaconis(_:maximumCount:)``.
    ///
    /// - Precondition: `data` has a finite value when `bins` is omitted.
    public init(name: String? = nil, data: [Double], bins: Bins? = nil, color: SeriesColor = .muted) {
        let bins = bins ?? .freedmanDiaconis(data)
        self.init(name: name, bins: bins, heights: bins.densities(data), color: color)
    }

    /// Bars with given heights, e.g. a histogram computed elsewhere.
    ///
    /// - Precondition: one height per bin.
    public init(name: String? = nil, bins: Bins, heights: [Double], color: SeriesColor = .muted) {
        precondition(heights.count == bins.count, "Histogram needs one height per bin")
        self.name = name
        self.bins = bins
        self.heights = heights
        self.color = color
    }
}

extension Histogram: MarkDrawing {
    var legendSymbol: LegendSymbol { .swatch }
    var kindDescription: String { "histogram" }

    func include(in extent: inout Extent) {
        extent.include(xs: bins.edges)
        extent.include(ys: heights)
        extent.include(y: 0)
    }

    func draw(with projection: Projection, colorClass: String, into svg: inout SVGWriter) {
        // Bars stand on zero, or on the bottom of the frame when zero cannot be drawn (log
        // axis) or lies below the domain.
        let baseline = min(projection.vertical(0) ?? projection.frame.bottom, projection.frame.bottom)
        var path = PathData()
        for (index, height) in heights.enumerated() where height > 0 {
            guard let left = projection.horizontal(bins.edges[index]),
                  let right = projection.horizontal(bins.edges[index + 1]),
                  let top = projection.vertical(height) else { continue }
            path.rectangle(left: left, top: top, right: right, bottom: baseline)
        }
        svg.path(path, ["class": "plot-bars \(colorClass)", "fill": "currentColor", "fill-opacity": "0.35"])
    }
}
