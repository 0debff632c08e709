import ParzenChart
/// The data range covered by a chart's marks, per axis, counting only values the axis can
/// draw (finite; positive on a log axis).
struct Extent {
    let xScale: AxisScale
    let yScale: AxisScale
    private(set) var x: ClosedRange<Double>?
    private(set) var y: ClosedRange<Double>?

    init(xScale: AxisScale, yScale: AxisScale) {
        self.xScale = xScale
        self.yScale = yScale
    }

    mutating func include(x value: Double) {
        guard Extent.isDrawable(value, on: xScale) else { return }
        x = x.map { min($0.lowerBound, value)...max($0.upperBound, value) } ?? value...value
    }

    mutating func include(y value: Double) {
        guard Extent.isDrawable(value, on: yScale) else { return }
        y = y.map { min($0.lowerBound, value)...max($0.upperBound, value) } ?? value...value
    }

    mutating func include<S: Sequence<Double>>(xs: S) { for value in xs { include(x: value) } }
    mutating func include<S: Sequence<Double>>(ys: S) { for value in ys { include(y: value) } }

    static func isDrawable(_ value: Double, on scale: AxisScale) -> Bool {
        value.isFinite && (scale == .linear || value > 0)
    }
}
