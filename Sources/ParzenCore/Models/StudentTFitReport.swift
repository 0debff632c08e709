/// How a Student-t fit ended: the EM run, and whether the degrees of freedom ended inside
/// the searched range or at one of its ends.
public struct StudentTFitReport: Sendable, Equatable, Codable {
    /// Where the maximum-likelihood ν lies relative to the searched range.
    public enum DegreesOfFreedomBound: String, Sendable, Equatable, Codable {
        /// ν is the root of its score inside the range: a true maximum.
        case interior
        /// The likelihood still rises at the upper end: the data have tails no heavier than a
        /// Gaussian's, the maximum is at ν → ∞, and the returned ν is the cap. Report the
        /// Gaussian instead, or say that the t is indistinguishable from it.
        case upper
        /// The likelihood still rises at the lower end (e.g. many tied values).
        case lower
    }

    /// Iterations, mean log-likelihood history and convergence of ECME.
    public let em: EMReport
    /// Whether ν is interior or clamped to an end of `degreesOfFreedomRange`.
    public let degreesOfFreedomBound: DegreesOfFreedomBound
    /// The range ν was searched in.
    public let degreesOfFreedomRange: ClosedRange<Double>
}
