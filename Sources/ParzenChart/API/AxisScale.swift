/// How data values map to positions along an axis.
public enum AxisScale: Sendable, Equatable, Codable {
    /// Equal differences, equal distances.
    case linear
    /// Equal ratios, equal distances (base 10); values ≤ 0 cannot be drawn and are skipped,
    /// which leaves a gap in a line rather than an invented point.
    case log10
}
