/// The empirical distribution is stored as its data; decoding rebuilds the multiplicity
/// table with the initialiser the fit uses.
extension EmpiricalDistribution: Codable {
    private enum CodingKeys: String, CodingKey {
        case data
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(data: container.decode(PointSet.self, forKey: .data))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(data, forKey: .data)
    }
}
