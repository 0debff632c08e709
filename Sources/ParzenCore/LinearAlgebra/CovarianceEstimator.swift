/// Which normalisation a sample covariance uses.
///
/// ```
/// maximumLikelihood:  Σ̂ = (1/N)     Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ   (the Gaussian MLE, numpy's bias=True)
/// unbiased:           S  = (1/(N−1)) Σᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ   (E[S] = Σ, numpy.cov's default)
/// ```
public enum CovarianceEstimator: String, Sendable, Equatable, CaseIterable, Codable {
    /// Divide by N: the maximum-likelihood estimate.
    case maximumLikelihood
    /// Divide by N − 1 (Bessel's correction): unbiased for the covariance.
    case unbiased

    /// The divisor for `count` points.
    func divisor(count: Int) -> Double {
        switch self {
        case .maximumLikelihood: Double(count)
        case .unbiased: Double(count - 1)
        }
    }

    /// The fewest points for which the estimate is defined (N − 1 ≥ 1 for the unbiased one).
    var minimumCount: Int {
        switch self {
        case .maximumLikelihood: 1
        case .unbiased: 2
        }
    }
}
