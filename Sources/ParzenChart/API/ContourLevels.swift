/// Which levels a contour plot draws.
public enum ContourLevels: Sendable, Equatable, Codable {
    /// About this many levels at the multiples of a nice step strictly inside the grid's value
    /// range: step = ``NiceTicks/niceNumber(_:rounding:)`` of range/(count + 1). The range's
    /// end points are left out; there the contour would shrink to single points.
    case count(Int)
    /// Exactly these levels.
    case values([Double])
    /// These fractions of the grid's maximum, e.g. `[0.1, 0.5, 0.9]` for a density: useful
    /// when the density's scale is unknown in advance.
    case fractionsOfMaximum([Double])

    /// The levels for a grid, ascending.
    public func levels(for grid: ScalarGrid) -> [Double] {
        guard let range = grid.valueRange, range.lowerBound < range.upperBound else { return [] }
        switch self {
        case .count(let count):
            let step = NiceTicks.niceNumber(
                (range.upperBound - range.lowerBound) / Double(max(count, 1) + 1), rounding: true)
            let first = (range.lowerBound / step).rounded(.down) + 1
            return stride(from: first, through: (range.upperBound / step).rounded(.up) - 1, by: 1)
                .map { $0 * step + 0 }
                .filter { $0 > range.lowerBound && $0 < range.upperBound }
        case .values(let values):
            return values.sorted()
        case .fractionsOfMaximum(let fractions):
            return fractions.sorted().map { $0 * range.upperBound }
        }
    }
}
