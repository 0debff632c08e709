/// One axis of a chart: its label, scale and (optionally) a fixed domain.
///
/// Without a domain the axis covers every mark's data, widened outwards to nice tick values
/// (Heckbert's loose labelling, see ``NiceTicks``; 1–2–5 multiples on a log axis, see
/// ``LogTicks``).
public struct Axis: Sendable, Equatable, Codable {
    /// The axis title, e.g. "eruption duration (min)"; escaped when rendered.
    public var label: String?
    /// Linear or base-10 logarithmic.
    public var scale: AxisScale
    /// A fixed data range; `nil` fits the data. On a log axis a range reaching 0 or below
    /// cannot be drawn; it is ignored and the data are fitted instead (validate author input
    /// before it gets here).
    public var domain: ClosedRange<Double>?
    /// The wanted number of ticks; the nice-number rule returns about this many.
    public var tickCount: Int
    /// Whether faint grid lines are drawn at the ticks.
    public var showsGrid: Bool

    /// Creates an axis.
    ///
    /// - Parameters:
    ///   - label: the axis title; omitting it leaves the axis untitled.
    ///   - scale: `.linear` (the default) or `.log10`.
    ///   - domain: a fixed data range; omitting it fits the data with nice bounds.
    ///   - tickCount: about how many ticks to draw; 5 by default.
    ///   - showsGrid: draw grid lines at the ticks; on by default.
    public init(
        label: String? = nil, scale: AxisScale = .linear, domain: ClosedRange<Double>? = nil,
        tickCount: Int = 5, showsGrid: Bool = true
    ) {
        self.label = label
        self.scale = scale
        self.domain = domain
        self.tickCount = tickCount
        self.showsGrid = showsGrid
    }
}
