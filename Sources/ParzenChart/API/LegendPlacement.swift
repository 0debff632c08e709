/// Where a chart's legend goes: in rows above the plotting area (the default) or below the
/// x axis, e.g. when curves reach the top of the plot.
public enum LegendPlacement: String, Sendable, Equatable, Codable {
    case top
    case bottom
}
