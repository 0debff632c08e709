/// How an expectation–maximisation run ended: the numbers a reader needs to trust a fit.
public struct EMReport: Sendable, Equatable, Codable {
    /// The number of EM iterations (E-step + M-step pairs) performed.
    public let iterations: Int
    /// The mean log-likelihood (1/N) Σᵢ log p(xᵢ) at the returned parameters.
    public let logLikelihood: Double
    /// The mean log-likelihood before each M-step, in order (its last change decided convergence).
    public let history: [Double]
    /// Whether the stopping rule was met before `maxIterations` (false: EM was cut off and
    /// the likelihood may still have been rising).
    public let converged: Bool
    /// The stopping threshold (what it bounds is documented by the fit that made the report:
    /// an `EMTolerance` for mixtures, the largest relative parameter step for the Student-t).
    public let tolerance: Double
}
