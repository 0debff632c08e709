/// A formula kernel is stored as the formula the author wrote; decoding parses and checks it
/// again with `init(source:)`, which recomputes the normalisation and the sampling table by
/// the same quadrature. Cost of decoding: that of the first parse (~10⁵ formula evaluations).
extension FormulaKernel: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(source: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(source)
    }
}
