/// The support of 1-D data known to be bounded, e.g. counts or durations (lower 0) or
/// proportions (lower 0, upper 1): where a reflected density estimate lives.
public struct DensityBoundary: Sendable, Equatable, Codable {
    /// The lower end a, or nil for no lower bound.
    public let lower: Double?
    /// The upper end b, or nil for no upper bound.
    public let upper: Double?

    /// A support [a, b], [a, ∞) or (−∞, b].
    /// - Throws: `ModelError` when neither end is given, an end is not finite, or a ≥ b.
    public init(lower: Double? = nil, upper: Double? = nil) throws {
        guard lower != nil || upper != nil else {
            throw ModelError(.invalidParameter, problem: "a boundary needs a lower or an upper end",
                             fix: "give lower, upper or both, e.g. boundary: {lower: 0}")
        }
        for (name, value) in [("lower", lower), ("upper", upper)] {
            if let value, !value.isFinite {
                throw ModelError.invalidParameter("the \(name) boundary", "\(value)", expected: "a finite number")
            }
        }
        if let lower, let upper, !(lower < upper) {
            throw ModelError.invalidParameter("the boundary", "[\(lower), \(upper)]",
                                              expected: "lower < upper")
        }
        self.lower = lower
        self.upper = upper
    }

    /// Whether x lies in the support (ends included).
    public func contains(_ x: Double) -> Bool {
        (lower.map { x >= $0 } ?? true) && (upper.map { x <= $0 } ?? true)
    }

    /// Checks that every value of `data` lies in the support (ends included).
    /// - Throws: `ModelError` naming the first value outside, e.g. "the point -0.5 lies
    ///   outside the support [0.0, ∞)".
    public func requireContains(_ data: PointSet) throws(ModelError) {
        if let outside = data.values.first(where: { !contains($0) }) {
            throw ModelError(.invalidParameter, problem: "the point \(outside) lies outside the support \(interval)",
                             fix: "remove the point, or widen the boundary")
        }
    }

    /// The point of the support that the reflections map x to: x itself inside, its mirror
    /// image outside (for two ends, x folded with period 2(b − a)).
    func fold(_ x: Double) -> Double {
        switch (lower, upper) {
        case let (a?, b?):
            let period = 2 * (b - a)
            var t = (x - a).truncatingRemainder(dividingBy: period)
            if t < 0 { t += period }
            return min(max(a + (t <= b - a ? t : period - t), a), b)
        case let (a?, nil): return x < a ? 2 * a - x : x
        case let (nil, b?): return x > b ? 2 * b - x : x
        case (nil, nil): return x
        }
    }

    /// The support as written in messages, e.g. "[0, ∞)".
    var interval: String {
        "\(lower.map { "[\($0)" } ?? "(−∞"), \(upper.map { "\($0)]" } ?? "∞)")"
    }
}
