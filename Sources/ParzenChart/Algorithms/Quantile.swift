/// Sample quantiles by linear interpolation between order statistics — Hyndman & Fan's
/// type 7, the default of R's `quantile` and NumPy's `percentile`, so hand computations and
/// reference tools agree.
package enum Quantile {
    /// The p-quantile of an ascending, non-empty array: with h = (n − 1)·p,
    /// `sorted[⌊h⌋] + (h − ⌊h⌋)·(sorted[⌊h⌋ + 1] − sorted[⌊h⌋])`.
    package static func linear(_ sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty, "a quantile needs at least one value")
        let h = Double(sorted.count - 1) * min(max(p, 0), 1)
        let low = Int(h.rounded(.down))
        guard low + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[low] + (h - Double(low)) * (sorted[low + 1] - sorted[low])
    }
}
