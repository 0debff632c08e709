/// A bandwidth chosen by a rule, with the rule that actually produced it and, when the
/// requested rule had no answer, why another one stood in (`BandwidthRule.selection`).
public struct BandwidthSelection: Sendable, Equatable, Codable {
    /// Why the requested rule was replaced.
    public struct Fallback: Sendable, Equatable, Codable {
        /// The rule the author asked for.
        public let requested: BandwidthRule
        /// What went wrong with it, e.g. "the Improved Sheather–Jones equation has no root
        /// in (0, 0.1] for these 10 points (common below ~50 points or with many tied values)".
        public let reason: String
        /// The rule used instead, in words for a warning, e.g. "Silverman's rule …".
        public let replacement: String

        /// One line for a warning: "reason; used replacement instead".
        public var message: String { "\(reason); used \(replacement) instead" }
    }

    /// The bandwidth.
    public let bandwidth: Bandwidth
    /// The rule that produced `bandwidth` (the requested one unless there is a fallback).
    public let rule: BandwidthRule
    /// Why `rule` differs from the requested rule, or nil when it does not.
    public let fallback: Fallback?
}
