/// Vertical stems topped with dots: point masses, such as the empirical distribution
/// (1/N)·Σ δ(x − oᵢ), which puts mass 1/N on every observation.
///
/// Masses closer together than half a user unit are drawn as one spike whose height is their
/// sum — the mass the picture shows at that place — so 10⁴ observations stay a few kilobytes.
public struct Spikes: Sendable, Equatable, Codable {
    /// Legend text; `nil` for no legend entry.
    public var name: String?
    /// The positions of the masses.
    public var x: [Double]
    /// The masses (spike heights), one per position.
    public var heights: [Double]
    /// Colour role; automatic by default.
    public var color: SeriesColor

    /// Creates spikes of the given heights at `x`.
    ///
    /// - Precondition: one height per position.
    public init(name: String? = nil, x: [Double], heights: [Double], color: SeriesColor = .automatic) {
        precondition(x.count == heights.count, "Spikes need one height per position")
        self.name = name
        self.x = x
        self.heights = heights
        self.color = color
    }

    /// The empirical distribution of `data`: a spike of height k/N at each distinct finite
    /// value that occurs k times among the N finite values.
    public static func empirical(name: String? = nil, data: [Double], color: SeriesColor = .automatic) -> Spikes {
        let finite = data.filter(\.isFinite).sorted()
        var positions: [Double] = [], heights: [Double] = []
        let mass = 1 / Double(max(finite.count, 1))
        for value in finite {
            if positions.last == value {
                heights[heights.count - 1] += mass
            } else {
                positions.append(value)
                heights.append(mass)
            }
        }
        return Spikes(name: name, x: positions, heights: heights, color: color)
    }
}
