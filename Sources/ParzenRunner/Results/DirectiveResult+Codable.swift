/// A result with its payload tagged by type (`ResultPayload`); everything else is plain data.
extension DirectiveResult: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, values, payload, output, warnings
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(kind: try container.decode(ResultKind.self, forKey: .kind),
                  values: try container.decode(ResultValues.self, forKey: .values),
                  payload: try container.decodeIfPresent(ResultPayload.self, forKey: .payload)?.value,
                  output: try container.decode([OutputBlock].self, forKey: .output))
        warnings = try container.decode([DirectiveError].self, forKey: .warnings)
    }

    /// - Throws: `EncodingError.invalidValue` when the payload's type has no `ResultPayload` case.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(values, forKey: .values)
        if let payload {
            guard let tagged = ResultPayload(payload) else {
                throw EncodingError.invalidValue(payload, EncodingError.Context(
                    codingPath: container.codingPath + [CodingKeys.payload],
                    debugDescription: "cannot encode a payload of type \(type(of: payload)); "
                        + "add a case for it to ResultPayload"))
            }
            try container.encode(tagged, forKey: .payload)
        }
        try container.encode(output, forKey: .output)
        try container.encode(warnings, forKey: .warnings)
    }
}
