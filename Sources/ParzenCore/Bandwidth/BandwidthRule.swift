#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rule that chooses a kernel density estimate's bandwidth from the data: the registry
/// behind `--bandwidth scott|silverman|isj|cv` (names are the raw values; help lines and
/// "did you mean" come from `allCases`).
///
/// Every rule measures the data's own spread (unlike scikit-learn's 'scott' and
/// 'silverman', which return n^{−1/5}-type factors and ignore the scale, its issue #25623),
/// and every rule throws `ModelError` for data it cannot judge — fewer than two points,
/// constant data, a singular covariance — rather than inventing a value.
///
/// The rules are derived for the Gaussian kernel. For another kernel the Gaussian answer
/// is rescaled so that the kernel has the same standard deviation: h_K = h_gauss / σ_K
/// (the "equivalent kernel" rescaling, as in KDEpy).
public enum BandwidthRule: String, CaseIterable, Sendable, Codable {
    /// Scott's rule (Scott 1992, eq. 6.42): H = n^{−2/(d+4)}·Σ̂, in 1-D h = σ̂·n^{−1/5},
    /// σ̂ the sample standard deviation (divisor N − 1). Identical to scipy's
    /// `gaussian_kde(bw_method="scott")`.
    case scott
    /// Silverman's rule of thumb. In 1-D (Silverman 1986, eq. 3.31):
    /// h = 0.9·min(σ̂, IQR/1.34)·n^{−1/5}, robust to outliers and to bimodality; if the IQR
    /// is 0 (many ties) σ̂ is used, as R's `bw.nrd0` does. In d ≥ 2:
    /// H = (n(d+2)/4)^{−2/(d+4)}·Σ̂, identical to scipy's `bw_method="silverman"`.
    case silverman
    /// The Improved Sheather–Jones plug-in of Botev, Grotowski & Kroese (Ann. Statist.
    /// 38(5), 2010), 1-D only; see `ImprovedSheatherJones`. Unlike KDEpy's implementation
    /// (0.42× too small, its issue #199) it reproduces Botev's own algorithm.
    case isj
    /// Leave-one-out likelihood cross-validation: the h maximising Σᵢ log p₋ᵢ(xᵢ); see
    /// `LikelihoodCrossValidation`.
    case cv

    /// The bandwidth this rule chooses for `data` and `kernel`: `.standardDeviation(h)` in
    /// 1-D, `.matrix(H)` in d ≥ 2 (cv in d ≥ 2 returns H = c²·Σ̂ with the best c).
    /// - Throws: `ModelError` for fewer than two points, constant data, a singular
    ///   covariance, or a rule that does not apply (isj in d ≥ 2; cv with repeated points).
    public func bandwidth(for data: PointSet, kernel: Kernel = .gaussian) throws -> Bandwidth {
        guard let bandwidth = try bandwidthIfDefined(for: data, kernel: kernel) else {
            throw ModelError(.degenerateData, problem: BandwidthRule.isjHasNoRoot(count: data.count),
                             fix: "use the silverman or cv rule, or give a bandwidth explicitly")
        }
        return bandwidth
    }

    /// `bandwidth(for:kernel:)`, or nil when the ISJ equation has no root.
    private func bandwidthIfDefined(for data: PointSet, kernel: Kernel) throws -> Bandwidth? {
        let d = data.dimension
        let n = data.count
        guard n >= 2 else { throw ModelError.tooFewPoints("the \(rawValue) bandwidth rule", needed: 2, got: n) }
        guard data.values.allSatisfy(\.isFinite) else {
            throw ModelError(
                .invalidParameter, problem: "the data contain NaN or infinite values", fix: "remove or fix those points"
            )
        }
        let kernelScale = kernel.variance(dimension: d).squareRoot()
        // The rules are derived for a Gaussian and carried to other kernels through the
        // kernel's standard deviation; a heavy-tailed kernel has none to carry them by.
        guard kernelScale.isFinite, kernelScale > 0 else {
            throw ModelError(.invalidParameter,
                problem:
                    "the \(rawValue) rule scales a bandwidth by the kernel's standard deviation, but the kernel " +
                        "'\(kernel.name)' has infinite variance",
                             fix: "give the bandwidth as a number")
        }
        let covariance = data.covariance(.unbiased)
        for k in 0..<d where !(covariance[k, k] > 0) {
            let column = d == 1 ? "the data are" : "column \(k + 1) is"
            throw ModelError(.degenerateData,
                problem:
                    "\(column) constant (every value is \(data.values[k])), so the \(rawValue) rule has no spread " +
                        "to measure",
                             fix: "give a bandwidth explicitly or remove the constant column")
        }
        if d > 1 {
            _ = try Cholesky(covariance)  // a singular covariance cannot scale a bandwidth matrix
        }
        let nn = Double(n), dd = Double(d)
        switch self {
        case .scott, .silverman:
            if d == 1 {
                let sd = covariance[0, 0].squareRoot()
                let h: Double
                if self == .scott {
                    h = sd * pow(nn, -0.2)
                } else {
                    let iqr = BandwidthRule.interquartileRange(data.values)
                    h = 0.9 * (iqr > 0 ? min(sd, iqr / 1.34) : sd) * pow(nn, -0.2)
                }
                return .standardDeviation(h / kernelScale)
            }
            let factor = self == .scott ? pow(nn, -1 / (dd + 4)) : pow(nn * (dd + 2) / 4, -1 / (dd + 4))
            let scale = factor * factor / (kernelScale * kernelScale)
            return .matrix(Matrix(rows: d, columns: d, values: covariance.values.map { $0 * scale }))
        case .isj:
            guard d == 1 else {
                throw ModelError(.invalidParameter, problem: "the isj rule is defined for 1-D data, got \(d) columns",
                                 fix: "use scott, silverman or cv in \(d) dimensions")
            }
            return ImprovedSheatherJones.bandwidth(data.values).map { .standardDeviation($0 / kernelScale) }
        case .cv:
            return try LikelihoodCrossValidation(data: data, kernel: kernel).optimum().bandwidth
        }
    }

    /// What the rule chose for `data` and `kernel`, falling back where a rule has no answer
    /// instead of throwing: when the Improved Sheather–Jones equation has no root (small
    /// samples, many ties), Silverman's rule is used and `fallback` says why, for the runner
    /// to turn into a warning at the option.
    ///
    /// Silverman rather than leave-one-out CV: the samples where ISJ has no root are small
    /// or tied, exactly where the CV objective is flattest and, with repeated points,
    /// unbounded (cv throws); min(σ̂, IQR/1.34) is defined for all non-constant data.
    /// - Throws: whatever `bandwidth(for:kernel:)` throws for reasons other than ISJ's
    ///   missing root (too few points, constant data, isj in d ≥ 2, …).
    /// - Accuracy: the fallback is exactly `BandwidthRule.silverman.bandwidth(for:kernel:)`.
    public func selection(for data: PointSet, kernel: Kernel = .gaussian) throws -> BandwidthSelection {
        if let bandwidth = try bandwidthIfDefined(for: data, kernel: kernel) {
            return BandwidthSelection(bandwidth: bandwidth, rule: self, fallback: nil)
        }
        let fallback = BandwidthSelection.Fallback(
            requested: self,
            reason: BandwidthRule.isjHasNoRoot(count: data.count)
                + " (common below ~50 points or with many tied values)",
            replacement: "Silverman's rule 0.9·min(σ̂, IQR/1.34)·n^(−1/5)")
        return BandwidthSelection(bandwidth: try BandwidthRule.silverman.bandwidth(for: data, kernel: kernel),
                                  rule: .silverman, fallback: fallback)
    }

    /// The problem of an ISJ equation without a root, worded once for the error and the fallback.
    static func isjHasNoRoot(count: Int) -> String {
        "the Improved Sheather–Jones equation has no root in (0, 0.1] for these \(count) points"
    }

    /// The interquartile range with the quantiles interpolated linearly between order
    /// statistics (numpy's default, R's type 7): q(p) at position p·(n − 1).
    static func interquartileRange(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        func quantile(_ p: Double) -> Double {
            let position = p * Double(sorted.count - 1)
            let i = Int(position)
            let f = position - Double(i)
            return i + 1 < sorted.count ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[i]
        }
        return quantile(0.75) - quantile(0.25)
    }
}
