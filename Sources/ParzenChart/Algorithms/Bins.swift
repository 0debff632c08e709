import Foundation

/// Histogram bin edges, with the Freedman–Diaconis rule for choosing them.
///
/// Bins are half-open, `[edges[i], edges[i+1])`, except the last, which includes its right
/// edge — NumPy's convention, so that the maximum is counted.
public struct Bins: Sendable, Equatable, Codable {
    /// The bin boundaries, strictly increasing; `edges.count − 1` bins.
    public let edges: [Double]

    /// Creates bins from their edges.
    ///
    /// - Precondition: at least two finite, strictly increasing edges.
    public init(edges: [Double]) {
        precondition(edges.count >= 2, "bins need at least two edges")
        precondition(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 } && edges.allSatisfy(\.isFinite),
                     "bin edges must be finite and strictly increasing")
        self.edges = edges
    }

    /// `count` bins of equal width spanning `range` (widened by ½ either side if empty, as
    /// NumPy does).
    public static func equalWidth(count: Int, over range: ClosedRange<Double>) -> Bins {
        precondition(count >= 1, "at least one bin")
        var lower = range.lowerBound, upper = range.upperBound
        if lower == upper { lower -= 0.5; upper += 0.5 }
        let width = (upper - lower) / Double(count)
        // Edges as lower + i·width, the last one exactly `upper`, so the maximum falls inside.
        let edges = (0...count).map { $0 == count ? upper : lower + Double($0) * width }
        return Bins(edges: edges)
    }

    /// The Freedman–Diaconis rule: bin width `2·IQR·n^(−1/3)`, bins of equal width over the
    /// data range, `⌈range / width⌉` of them (NumPy's `histogram_bin_edges(x, bins="fd")`).
    ///
    /// David Freedman & Persi Diaconis (1981), "On the histogram as a density estimator: L₂
    /// theory", *Z. Wahrscheinlichkeitstheorie verw. Gebiete* 57, 453–476. The IQR uses
    /// type-7 (linearly interpolated) quartiles.
    ///
    /// Fallbacks, all documented rather than silent:
    /// - IQR = 0 (more than half the data tied, e.g. counts) makes the rule's width zero; then
    ///   Sturges' count `⌈log₂ n + 1⌉` is used instead, as NumPy's `"auto"` rule does.
    /// - All values equal: one bin of width 1 centred on the value.
    /// - More than `maximumCount` bins (a few far outliers stretch the range): capped at
    ///   `maximumCount`, because a thousand one-pixel bars show nothing.
    ///
    /// Non-finite values are ignored.
    ///
    /// - Precondition: at least one finite value.
    public static func freedmanDiaconis(_ data: [Double], maximumCount: Int = 200) -> Bins {
        let sorted = data.filter(\.isFinite).sorted()
        precondition(!sorted.isEmpty, "Freedman–Diaconis bins need at least one finite value")
        let range = sorted[0]...sorted[sorted.count - 1]
        let n = Double(sorted.count)
        let iqr = Quantile.linear(sorted, 0.75) - Quantile.linear(sorted, 0.25)
        let span = range.upperBound - range.lowerBound
        let count: Int
        if span == 0 {
            count = 1
        } else if iqr > 0 {
            count = Int((span / (2 * iqr * pow(n, -1.0 / 3))).rounded(.up))
        } else {
            count = Int((log2(n) + 1).rounded(.up))
        }
        return equalWidth(count: min(max(count, 1), maximumCount), over: range)
    }

    /// Scott's rule: bin width `(24·√π / n)^(1/3)·σ̂` (σ̂ with divisor n), `⌈range / width⌉`
    /// equal bins over the data range, as NumPy's `histogram_bin_edges(x, bins="scott")`.
    ///
    /// David W. Scott (1979), "On optimal and data-based histograms", *Biometrika* 66, 605–610.
    /// Constant data get one bin of width 1, as with ``freedmanDiaconis(_:maximumCount:)``;
    /// the count is capped at `maximumCount`. Non-finite values are ignored.
    ///
    /// - Precondition: at least one finite value.
    public static func scott(_ data: [Double], maximumCount: Int = 200) -> Bins {
        let finite = data.filter(\.isFinite)
        precondition(!finite.isEmpty, "Scott's bins need at least one finite value")
        let n = Double(finite.count)
        let mean = finite.reduce(0, +) / n
        let sd = (finite.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        return equalWidth(finite, width: pow(24 * Double.pi.squareRoot() / n, 1.0 / 3) * sd,
                          maximumCount: maximumCount)
    }

    /// Sturges' rule: `⌈range / width⌉` equal bins of width `range / (log₂ n + 1)` — about
    /// `log₂ n + 1` bins — over the data range, as NumPy's `histogram_bin_edges(x, bins="sturges")`
    /// (which computes the count through the width too, so its rounding is reproduced).
    ///
    /// Herbert A. Sturges (1926), "The choice of a class interval", *J. Amer. Statist. Assoc.*
    /// 21, 65–66. Non-finite values are ignored.
    ///
    /// - Precondition: at least one finite value.
    public static func sturges(_ data: [Double], maximumCount: Int = 200) -> Bins {
        let finite = data.filter(\.isFinite)
        precondition(!finite.isEmpty, "Sturges' bins need at least one finite value")
        let span = finite.max()! - finite.min()!
        return equalWidth(finite, width: span / (log2(Double(finite.count)) + 1), maximumCount: maximumCount)
    }

    /// `count` equal bins over the finite values' range (NumPy's `bins=count`).
    ///
    /// - Precondition: `count ≥ 1` and at least one finite value.
    public static func equalWidth(count: Int, over data: [Double]) -> Bins {
        let finite = data.filter(\.isFinite)
        precondition(!finite.isEmpty, "bins over data need at least one finite value")
        return equalWidth(count: count, over: finite.min()!...finite.max()!)
    }

    /// Equal bins of about `width` over the range of `finite`: `⌈range / width⌉` of them, one
    /// for constant data or a zero width, at most `maximumCount`.
    private static func equalWidth(_ finite: [Double], width: Double, maximumCount: Int) -> Bins {
        let range = finite.min()!...finite.max()!
        let span = range.upperBound - range.lowerBound
        let count = span > 0 && width > 0 ? Int((span / width).rounded(.up)) : 1
        return equalWidth(count: min(max(count, 1), maximumCount), over: range)
    }

    /// The number of bins.
    public var count: Int { edges.count - 1 }

    /// How many values fall into each bin; values outside the edges or not finite are not
    /// counted.
    public func counts(_ data: [Double]) -> [Int] {
        var counts = [Int](repeating: 0, count: count)
        let first = edges[0], last = edges[edges.count - 1]
        for value in data where value >= first && value <= last {
            // The number of edges ≤ value, minus one, is the bin; the right edge of the last
            // bin belongs to the last bin.
            let above = edges.partitioningIndex { $0 > value }
            counts[min(above - 1, count - 1)] += 1
        }
        return counts
    }

    /// Density-normalised heights: `count / (n · width)`, so the bars' total area is the
    /// fraction of values inside the edges (1 when none lie outside); n counts all finite
    /// values.
    public func densities(_ data: [Double]) -> [Double] {
        let total = Double(data.lazy.filter(\.isFinite).count)
        guard total > 0 else { return [Double](repeating: 0, count: count) }
        return counts(data).enumerated().map { index, count in
            Double(count) / (total * (edges[index + 1] - edges[index]))
        }
    }
}

extension Array where Element == Double {
    /// The first index whose element satisfies `predicate`, for an array partitioned so that
    /// all such elements come last (binary search).
    package func partitioningIndex(where predicate: (Double) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
