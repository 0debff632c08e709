#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParzenCore

/// The rules that choose a KDE bandwidth from the training data, by the names notebooks
/// and `parzen fit` use.
public enum BandwidthRule: String, Sendable, Equatable, CaseIterable {
    case scott
    case silverman

    /// The rule used when a KDE is fitted without `bandwidth:` or `beta:`.
    public static let defaultRule = BandwidthRule.scott

    /// The rule's names, for option docs and "did you mean".
    public static var names: [String] { allCases.map(\.rawValue) }

    /// One sentence for the fit's output, in Markdown.
    public var explanation: String {
        switch self {
        case .scott: "chosen by Scott's rule $h = \\hat\\sigma\\, N^{-1/(d+4)}$"
        case .silverman: "chosen by Silverman's rule $h = 0.9 \\min(\\hat\\sigma, \\mathrm{IQR}/1.34)\\, N^{-1/5}$"
        }
    }

    /// The bandwidth for `points`.
    ///
    /// The reference rules for a Gaussian kernel in 1-D (Scott 1992, §6.2; Silverman 1986,
    /// eq. 3.31), applied to the data's own scale: σ̂ is the mean of the per-coordinate
    /// standard deviations, so the bandwidth follows the data's units (scikit-learn's
    /// `bandwidth='scott'` ignores the scale, its issue #25623). The rules assume a Gaussian
    /// kernel; for another kernel h is rescaled by 1/σ_K so that the kernel's standard
    /// deviation equals the Gaussian's (kept as is for a heavy-tailed formula kernel of infinite
    /// variance).
    /// - Throws: `ModelError` for fewer than 2 points or data without spread.
    public func select(for points: PointSet, kernel: Kernel) throws -> Bandwidth {
        let n = points.count, d = points.dimension
        guard n >= 2 else { throw ModelError.tooFewPoints("a bandwidth rule", needed: 2, got: n) }
        let moments = Moments(of: points)
        let sigma = (0..<d).map { moments.covariance[$0, $0].squareRoot() }.reduce(0, +) / Double(d)
        var h: Double
        switch self {
        case .scott:
            h = sigma * pow(Double(n), -1 / Double(d + 4))
        case .silverman:
            let spreads = (0..<d).map { k -> Double in
                let sorted = points.column(k).sorted()
                let iqr = Self.quantile(sorted, 0.75) - Self.quantile(sorted, 0.25)
                let s = moments.covariance[k, k].squareRoot()
                return iqr > 0 ? min(s, iqr / 1.34) : s
            }
            h = 0.9 * spreads.reduce(0, +) / Double(d) * pow(Double(n), -0.2)
        }
        guard h > 0, h.isFinite else {
            throw ModelError(.degenerateData, problem: "the data have no spread, so the \(rawValue) bandwidth is 0",
                             fix: "give the bandwidth as a number")
        }
        let kernelVariance = kernel.variance(dimension: d)
        if kernelVariance.isFinite, kernelVariance > 0 { h /= kernelVariance.squareRoot() }
        return .standardDeviation(h)
    }

    /// Type-7 quantile of sorted values (linear interpolation, as NumPy's default).
    private static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let position = p * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
