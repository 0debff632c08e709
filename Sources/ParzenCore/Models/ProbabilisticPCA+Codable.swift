/// Probabilistic PCA is stored as μ, W and σ²; decoding calls the initialiser the fit uses,
/// which rebuilds the marginal Gaussian N(μ, WWᵀ + σ²I) with the same code.
extension ProbabilisticPCA: Codable {
    private enum CodingKeys: String, CodingKey {
        case mean, loadings, noiseVariance
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(mean: container.decode([Double].self, forKey: .mean),
                      loadings: container.decode(Matrix.self, forKey: .loadings),
                      noiseVariance: container.decode(Double.self, forKey: .noiseVariance))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(mean, forKey: .mean)
        try container.encode(loadings, forKey: .loadings)
        try container.encode(noiseVariance, forKey: .noiseVariance)
    }
}
