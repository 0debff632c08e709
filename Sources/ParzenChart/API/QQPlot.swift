/// A quantile–quantile comparison of two samples: matching quantiles plotted against each
/// other fall on the line y = x when the samples come from the same distribution.
///
/// Both samples' quantiles are taken at the probabilities pₖ = (k − ½)/m, k = 1…m, with
/// m = min(`count`, size of either sample), by linear interpolation between order statistics
/// (Hyndman & Fan type 7, as R's `quantile` and NumPy's `percentile`).
public struct QQPlot: Sendable, Equatable {
    /// Quantiles of the first sample (the horizontal axis).
    public let x: [Double]
    /// Quantiles of the second sample at the same probabilities (the vertical axis).
    public let y: [Double]

    /// Computes matching quantiles of two samples; non-finite values are ignored.
    ///
    /// - Parameter count: at most this many quantiles; 100 by default.
    /// - Precondition: each sample has a finite value.
    public init(x first: [Double], y second: [Double], count: Int = 100) {
        let a = first.filter(\.isFinite).sorted(), b = second.filter(\.isFinite).sorted()
        precondition(!a.isEmpty && !b.isEmpty, "a QQ plot needs finite values in both samples")
        let m = max(1, min(count, a.count, b.count))
        let probabilities = (1...m).map { (Double($0) - 0.5) / Double(m) }
        x = probabilities.map { Quantile.linear(a, $0) }
        y = probabilities.map { Quantile.linear(b, $0) }
    }

    /// The marks of the plot: the quantile pairs as dots and the diagonal y = x.
    public func marks(name: String? = nil, color: SeriesColor = .automatic) -> [Mark] {
        [.rule(ReferenceLine(.identity, label: "y = x")), .scatter(Scatter(name: name, x: x, y: y, color: color))]
    }
}
