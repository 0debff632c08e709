import ParzenCore

extension BandwidthRule {
    /// The rule used when a KDE is fitted without `bandwidth:` or `beta:`.
    public static let defaultRule = BandwidthRule.scott

    /// The rules' names, for option docs and "did you mean".
    public static var names: [String] { allCases.map(\.rawValue) }

    /// How the rule chose the bandwidth, in Markdown, for the fit's output.
    public var explanation: String {
        switch self {
        case .scott: "chosen by Scott's rule $h = \\hat\\sigma N^{-1/5}$"
        case .silverman: "chosen by Silverman's rule $h = 0.9 \\min(\\hat\\sigma, \\mathrm{IQR}/1.34)\\, N^{-1/5}$"
        case .isj: "chosen by the Improved Sheather–Jones plug-in (Botev et al. 2010)"
        case .cv: "chosen by leave-one-out likelihood cross-validation (maximising $\\sum_i \\log p_{-i}(x_i)$)"
        }
    }
}
