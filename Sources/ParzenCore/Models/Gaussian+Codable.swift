/// A Gaussian is stored as its defining parameters (μ, Σ and how Σ was estimated); decoding
/// calls the initialiser the fit uses, so the Cholesky factor is recomputed by the same code
/// and a decoded Gaussian gives bit-identical log-densities.
extension Gaussian: Codable {
    private enum CodingKeys: String, CodingKey {
        case mean, covariance, estimator
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(mean: container.decode([Double].self, forKey: .mean),
                      covariance: container.decode(Matrix.self, forKey: .covariance),
                      estimator: container.decodeIfPresent(CovarianceEstimator.self, forKey: .estimator))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(covariance, forKey: .covariance)
        try container.encodeIfPresent(estimator, forKey: .estimator)
    }
}
