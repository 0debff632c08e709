/// When expectation–maximisation stops: a bound on the change of the mean log-likelihood
/// L = (1/N) Σᵢ log p(xᵢ) between two iterations.
public enum EMTolerance: Sendable, Equatable, Codable {
    /// Stop when |Lₜ − Lₜ₋₁| < tol·|Lₜ|: independent of the data's units (a rescaled data set
    /// shifts L by a constant, not its changes, so an absolute bound means different things
    /// for different units). Parzen's default, 1e-10, leaves EM within rounding of its
    /// local maximum in likelihood.
    case relative(Double)
    /// Stop when |Lₜ − Lₜ₋₁| < tol: scikit-learn's `tol` (default 1e-3 there), kept to
    /// reproduce its runs step for step.
    case absolute(Double)

    /// The bound as given.
    public var value: Double {
        switch self {
        case .relative(let t), .absolute(let t): t
        }
    }

    /// Whether the step from `previous` to `current` is small enough to stop.
    func isMet(previous: Double, current: Double) -> Bool {
        switch self {
        case .relative(let t): abs(current - previous) < t * abs(current)
        case .absolute(let t): abs(current - previous) < t
        }
    }
}
