import ParzenCore

/// How a KDE's bandwidth is given: a number in one of the two conventions, or a rule that
/// chooses it from the training data.
///
/// Notebooks write `bandwidth: 0.3` (h, the kernel's scale: scikit-learn's `bandwidth`),
/// `beta: 0.09` (β = h², the Gaussian kernel's variance in N(x | oᵢ, Iβ)) or
/// `bandwidth: <rule>`. The case names follow the core's `Bandwidth`, whose h is the
/// standard deviation of the Gaussian kernel and the scale of the others (see `KDEFamily`).
public enum BandwidthSpecification: Sendable, Equatable, Codable {
    /// β = h² given.
    case variance(Double)
    /// h given.
    case standardDeviation(Double)
    /// A rule applied to the training points.
    case rule(BandwidthRule)

    /// Reads a bandwidth as written on the command line or in `bandwidth:`: a positive
    /// number is h (the kernel's scale), a rule's name is that rule; nil otherwise.
    public init?(parsing text: String) {
        if let h = Double(text) {
            guard h > 0, h.isFinite else { return nil }
            self = .standardDeviation(h)
        } else if let rule = BandwidthRule(rawValue: text) {
            self = .rule(rule)
        } else {
            return nil
        }
    }

    /// The bandwidth for `points`, how it was chosen (for the fit's output), and for a rule
    /// its selection: the rule that answered and, when the one asked for had no answer (ISJ
    /// without a root: Silverman's rule stands in, see `BandwidthRule.selection`), why.
    /// - Throws: `ModelError` from the rule (too few points, zero spread).
    public func resolve(for points: PointSet, kernel: Kernel) throws
        -> (bandwidth: Bandwidth, how: [Inline], selection: BandwidthSelection?) {
        switch self {
        case .variance(let beta): return (.variance(beta), [.text("given as β")], nil)
        case .standardDeviation(let h): return (.standardDeviation(h), [.text("given as h")], nil)
        case .rule(let rule):
            let selection = try rule.selection(for: points, kernel: kernel)
            var how = selection.rule.explanation(dimension: points.dimension)
            if let fallback = selection.fallback {
                how += [.text(", because \(fallback.requested.rawValue) had no answer for these points")]
            }
            return (selection.bandwidth, how, selection)
        }
    }
}
