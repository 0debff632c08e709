/// Values of a function of two variables sampled on a rectangular grid — input to
/// ``MarchingSquares``, ``Contours`` and ``HeatMap``.
///
/// Stored row by row: `values[j * x.count + i]` is the value at `(x[i], y[j])`.
public struct ScalarGrid: Sendable, Equatable, Codable {
    /// The grid's x coordinates, strictly increasing.
    public let x: [Double]
    /// The grid's y coordinates, strictly increasing.
    public let y: [Double]
    /// The sampled values, row-major (one row per y).
    public let values: [Double]

    /// Creates a grid from sampled values.
    ///
    /// - Precondition: at least two coordinates per axis, strictly increasing, and
    ///   `x.count · y.count` values.
    public init(x: [Double], y: [Double], values: [Double]) {
        precondition(x.count >= 2 && y.count >= 2, "a grid needs at least two coordinates per axis")
        precondition(zip(x, x.dropFirst()).allSatisfy { $0 < $1 } && zip(y, y.dropFirst()).allSatisfy { $0 < $1 },
                     "grid coordinates must be strictly increasing")
        precondition(values.count == x.count * y.count, "a grid needs x.count · y.count values")
        self.x = x
        self.y = y
        self.values = values
    }

    /// Samples `function` at every grid point.
    public init(x: [Double], y: [Double], function: (Double, Double) -> Double) {
        var values: [Double] = []
        values.reserveCapacity(x.count * y.count)
        for yValue in y {
            for xValue in x { values.append(function(xValue, yValue)) }
        }
        self.init(x: x, y: y, values: values)
    }

    /// The value at `(x[i], y[j])`.
    public subscript(i: Int, j: Int) -> Double { values[j * x.count + i] }

    /// The smallest and largest finite values, or `nil` if there are none.
    public var valueRange: ClosedRange<Double>? {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }
}
