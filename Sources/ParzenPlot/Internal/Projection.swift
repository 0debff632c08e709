import ParzenChart
/// Maps data coordinates into the SVG user space of a chart's plotting area.
struct Projection {
    /// The plotting area in SVG user units (y grows downwards, as in SVG).
    struct Frame {
        let left: Double
        let top: Double
        let width: Double
        let height: Double
        var right: Double { left + width }
        var bottom: Double { top + height }
    }

    /// Coordinates far outside the frame are clamped here: they are clipped anyway, and the
    /// clamp keeps an extreme value from printing as a 20-digit number.
    private static let limit = 1.0e5

    let x: ResolvedAxis
    let y: ResolvedAxis
    let frame: Frame

    /// The user-space x of a data value, or `nil` if the axis cannot draw it.
    func horizontal(_ value: Double) -> Double? {
        x.fraction(value).map { clamp(frame.left + $0 * frame.width) }
    }

    /// The user-space y of a data value, or `nil` if the axis cannot draw it.
    func vertical(_ value: Double) -> Double? {
        y.fraction(value).map { clamp(frame.bottom - $0 * frame.height) }
    }

    /// The user-space point of a data point, or `nil` if either coordinate cannot be drawn.
    func point(_ dataX: Double, _ dataY: Double) -> PlotPoint? {
        guard let px = horizontal(dataX), let py = vertical(dataY) else { return nil }
        return PlotPoint(x: px, y: py)
    }

    /// Splits a sampled curve at points that cannot be drawn (NaN, ±∞, ≤ 0 on a log axis) and
    /// projects the pieces: a gap in the data stays a gap in the picture.
    func runs(x: [Double], y: [Double]) -> [[PlotPoint]] {
        var runs: [[PlotPoint]] = []
        var current: [PlotPoint] = []
        for (dataX, dataY) in zip(x, y) {
            if let point = point(dataX, dataY) {
                current.append(point)
            } else if !current.isEmpty {
                runs.append(current)
                current = []
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    private func clamp(_ value: Double) -> Double {
        min(max(value, -Projection.limit), Projection.limit)
    }
}
