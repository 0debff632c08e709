/// A latent decoder G tagged by its type, so that a `LatentVariableModel` can be encoded
/// (`any LatentDecoder` cannot be). A new decoder type needs a case here.
public enum CodableLatentDecoder: Sendable, Codable {
    case linear(LinearDecoder)
    case tanhNetwork(TanhNetworkDecoder)

    /// Tags `decoder` by its type.
    /// - Throws: `EncodingError.invalidValue` for a decoder type without a case here.
    public init(_ decoder: any LatentDecoder) throws {
        switch decoder {
        case let decoder as LinearDecoder: self = .linear(decoder)
        case let decoder as TanhNetworkDecoder: self = .tanhNetwork(decoder)
        default:
            throw EncodingError.invalidValue(decoder, EncodingError.Context(
                codingPath: [], debugDescription: "cannot encode a latent decoder of type \(type(of: decoder)); "
                    + "add a case for it to CodableLatentDecoder"))
        }
    }

    /// The decoder.
    public var decoder: any LatentDecoder {
        switch self {
        case .linear(let decoder): decoder
        case .tanhNetwork(let decoder): decoder
        }
    }
}
