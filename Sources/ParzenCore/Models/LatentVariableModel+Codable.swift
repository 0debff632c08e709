/// A latent-variable model is stored as its decoder (tagged by type, `CodableLatentDecoder`),
/// σ² and the importance sampler's settings; decoding calls the public initialiser.
extension LatentVariableModel: Codable {
    private enum CodingKeys: String, CodingKey {
        case decoder, noiseVariance, evaluationSamples, evaluationSeed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(decoder: container.decode(CodableLatentDecoder.self, forKey: .decoder).decoder,
                      noiseVariance: container.decode(Double.self, forKey: .noiseVariance),
                      evaluationSamples: container.decode(Int.self, forKey: .evaluationSamples),
                      evaluationSeed: container.decode(UInt64.self, forKey: .evaluationSeed))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CodableLatentDecoder(self.decoder), forKey: .decoder)
        try container.encode(noiseVariance, forKey: .noiseVariance)
        try container.encode(evaluationSamples, forKey: .evaluationSamples)
        try container.encode(evaluationSeed, forKey: .evaluationSeed)
    }
}
