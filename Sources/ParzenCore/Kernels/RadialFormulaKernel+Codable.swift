/// A radial formula kernel is stored as the formula in r the author wrote; decoding calls
/// `init(source:)`, which rebuilds the moments and radius tables by the same code.
extension RadialFormulaKernel: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(source: decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(source)
    }
}
