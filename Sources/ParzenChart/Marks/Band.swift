/// A filled region between two curves over the same x values: a confidence band, or the
/// area under a density (``area(name:x:y:color:)``).
public struct Band: Sendable, Equatable, Codable {
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
        precondition(
            x.count == lower.count && x.count == upper.count, "Band needs one lower and one upper value per x value")
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
