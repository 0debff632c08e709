import ParzenCore

/// A fit with its model tagged by type (`CodableDensityModel`), so that the model decodes as
/// the type it was, rebuilt by its own initialiser.
extension ModelSpecification.Fit: Codable {
    private enum CodingKeys: String, CodingKey {
        case model, bandwidth, bandwidthChoice, bandwidthSelection
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(model: container.decode(CodableDensityModel.self, forKey: .model).model,
                      bandwidth: container.decodeIfPresent(Bandwidth.self, forKey: .bandwidth),
                      bandwidthChoice: container.decodeIfPresent([Inline].self, forKey: .bandwidthChoice),
                      bandwidthSelection: container.decodeIfPresent(BandwidthSelection.self,
                                                                    forKey: .bandwidthSelection))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CodableDensityModel(model), forKey: .model)
        try container.encodeIfPresent(bandwidth, forKey: .bandwidth)
        try container.encodeIfPresent(bandwidthChoice, forKey: .bandwidthChoice)
        try container.encodeIfPresent(bandwidthSelection, forKey: .bandwidthSelection)
    }
}
