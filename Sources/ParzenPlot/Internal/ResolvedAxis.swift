import ParzenChart
import Foundation

/// An axis with its domain and ticks decided: the bridge between data values and the
/// fraction of the axis length where they are drawn.
struct ResolvedAxis {
    /// A tick's value and its printed label.
    struct Tick {
        let value: Double
        let label: String
    }

    let axis: Axis
    let domain: ClosedRange<Double>
    let ticks: [Tick]
    /// The linear ticks' common number of decimals (`nil` on a log axis), used to print the
    /// domain in the chart's description with the precision of its labels.
    private let decimals: Int?

    /// Fixes the domain: the author's, or the data extent widened to nice ticks; with no data
    /// at all, 0…1 (1…10 on a log axis) so that an empty chart still has axes.
    init(_ axis: Axis, extent: ClosedRange<Double>?) {
        self.axis = axis
        switch axis.scale {
        case .linear:
            let ticks: NiceTicks
            if let fixed = axis.domain {
                ticks = .inside(fixed, count: axis.tickCount)
                domain = fixed
            } else {
                ticks = .loose(covering: extent ?? 0...1, count: axis.tickCount)
                domain = ticks.range
            }
            decimals = ticks.decimals
            self.ticks = ticks.values.map { Tick(value: $0, label: TickLabel.linear($0, decimals: ticks.decimals)) }
        case .log10:
            let ticks: LogTicks
            if let fixed = axis.domain, fixed.lowerBound > 0 {
                ticks = .inside(fixed, maximumCount: max(axis.tickCount + 2, 3))
            } else {
                ticks = .loose(covering: extent ?? 1...10, maximumCount: max(axis.tickCount + 2, 3))
            }
            domain = ticks.domain
            decimals = nil
            self.ticks = ticks.values.map { Tick(value: $0, label: TickLabel.logarithmic($0)) }
        }
    }

    /// A value printed like this axis's tick labels.
    func formatted(_ value: Double) -> String {
        decimals.map { TickLabel.linear(value, decimals: $0) } ?? TickLabel.logarithmic(value)
    }

    /// Where `value` lies along the axis, 0 at the domain's lower bound and 1 at its upper;
    /// `nil` for a value the scale cannot draw.
    func fraction(_ value: Double) -> Double? {
        guard Extent.isDrawable(value, on: axis.scale) else { return nil }
        switch axis.scale {
        case .linear:
            let span = domain.upperBound - domain.lowerBound
            return span > 0 ? (value - domain.lowerBound) / span : 0.5
        case .log10:
            let low = log10(domain.lowerBound)
            let span = log10(domain.upperBound) - low
            return span > 0 ? (log10(value) - low) / span : 0.5
        }
    }
}
