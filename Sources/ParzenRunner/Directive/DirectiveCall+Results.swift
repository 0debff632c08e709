extension DirectiveCall {
    /// The call with every `{from: label.key}` option replaced by the number that result
    /// holds now, checked against the option's type as if written in place.
    /// - Throws: `DirectiveError` at the option: the result failed or has no such value, or
    ///   the value is not a number the option takes.
    func resolvingResults(specs: [OptionSpec], in context: RunContext) throws -> DirectiveCall {
        var resolved = self
        for name in options.names {
            guard let option = options[name], case .result(let label, let key) = option.content else { continue }
            let result = try context.result(label, at: option.location)
            let reference = "\(label).\(key)"
            let number: Double
            switch result.values[key] {
            case .number(let x)?: number = x
            case .integer(let n)?: number = Double(n)
            case let other:
                guard other != nil else {
                    throw DirectiveError(.missingResultValue(label: label, key: key, keys: result.values.keys),
                                         at: option.location)
                }
                throw DirectiveError(.resultValueDoesNotFit(option: "'\(name)'", reference: reference,
                                                            expected: "a number", found: "not one number"),
                                     at: option.location)
            }
            let type = specs.first { $0.name == name }?.type ?? .number
            guard let content = Self.content(number, as: type) else {
                throw DirectiveError(.resultValueDoesNotFit(option: "'\(name)'", reference: reference,
                                                            expected: type.description, found: "\(number)"),
                                     at: option.location)
            }
            resolved.options = resolved.options.replacing(name, with: OptionValue(content, at: option.location))
        }
        return resolved
    }

    /// `x` as a value of a numeric option type, or nil when the type does not take it.
    private static func content(_ x: Double, as type: OptionType) -> OptionValue.Content? {
        guard x.isFinite else { return nil }
        switch type {
        case .positiveNumber, .numberOrChoice: return x > 0 ? .number(x) : nil
        case .fraction: return x >= 0 && x < 1 ? .number(x) : nil
        case .integer(let range):
            guard let n = Int(exactly: x), range.contains(n) else { return nil }
            return .integer(n)
        default: return .number(x)
        }
    }
}
