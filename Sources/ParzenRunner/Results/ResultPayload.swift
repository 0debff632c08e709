/// A directive's payload tagged by its type, so that it can be encoded and decoded
/// (`DirectiveResult.payload` is `any Sendable`). A new payload type needs a case here.
public enum ResultPayload: Sendable, Codable {
    case dataset(Dataset)
    case fittedModel(FittedModel)
    case sampleSet(SampleSet)
    case comparison(ModelComparison)

    /// Tags `payload` by its type, or nil for a type without a case here.
    public init?(_ payload: any Sendable) {
        switch payload {
        case let payload as Dataset: self = .dataset(payload)
        case let payload as FittedModel: self = .fittedModel(payload)
        case let payload as SampleSet: self = .sampleSet(payload)
        case let payload as ModelComparison: self = .comparison(payload)
        default: return nil
        }
    }

    /// The payload, as `DirectiveResult.payload` holds it.
    public var value: any Sendable {
        switch self {
        case .dataset(let payload): payload
        case .fittedModel(let payload): payload
        case .sampleSet(let payload): payload
        case .comparison(let payload): payload
        }
    }
}
