/// How an expectation–maximisation run ended: the numbers a reader needs to trust a fit.
public struct EMReport: Sendable, Equatable {
    /// The number of EM iterations (E-step + M-step pairs) performed.
    public let iterations: Int
    /// The mean log-likelihood (1/N) Σᵢ log p(xᵢ) at the returned parameters.
    public let logLikelihood: Double
    /// The mean log-likelihood before each M-step, in order (its last change decided convergence).
    public let history: [Double]
    /// Whether the change of the mean log-likelihood fell below `tolerance` before
    /// `maxIterations`.
    public let converged: Bool
    /// The stopping threshold on the change of the mean log-likelihood.
    public let tolerance: Double
}
