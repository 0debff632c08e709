import ParzenCore

extension BandwidthRule {
    /// The rule used when a KDE is fitted without `bandwidth:` or `beta:`.
    public static let defaultRule = BandwidthRule.scott

    /// The rules' names, for option docs and "did you mean".
    public static var names: [String] { allCases.map(\.rawValue) }

    /// How the rule chose the bandwidth for data of the given dimension, in Markdown, for the
    /// fit's output. In d ≥ 2 the rules scale the data's covariance Σ̂ (as scipy does).
    public func explanation(dimension d: Int) -> String {
        switch self {
        case .scott where d > 1: "chosen by Scott's rule $H = N^{-2/(d+4)}\\,\\hat\\Sigma$ with $d = \(d)$"
        case .silverman where d > 1: "chosen by Silverman's rule $H = \\left(\\frac{4}{(d+2)N}\\right)^{2/(d+4)}\\hat\\Sigma$ with $d = \(d)$"
        case .scott: "chosen by Scott's rule $h = \\hat\\sigma N^{-1/5}$"
        case .silverman: "chosen by Silverman's rule $h = 0.9 \\min(\\hat\\sigma, \\mathrm{IQR}/1.34)\\, N^{-1/5}$"
        case .isj: "chosen by the Improved Sheather–Jones plug-in (Botev et al. 2010)"
        case .cv: "chosen by leave-one-out likelihood cross-validation (maximising $\\sum_i \\log p_{-i}(x_i)$)"
        }
    }
}
