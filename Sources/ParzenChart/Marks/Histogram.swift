/// Bars over bins, heights normalised as a density so that curves of fitted densities can be
/// drawn on the same axis.
public struct Histogram: Sendable, Equatable, Codable {
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
