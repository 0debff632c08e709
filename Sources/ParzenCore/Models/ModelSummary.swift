/// What a fitted model reports about itself: its kind and its parameters, each with the
/// symbol the tutorial uses, so a report can write the model as a formula with numbers.
public struct ModelSummary: Sendable, Equatable {
    /// A short name of the model family, e.g. "gaussian", "kde", "gmm", "ppca".
    public var kind: String
    /// The parameters in the order a reader expects them.
    public var parameters: [ModelParameter]

    public init(kind: String, parameters: [ModelParameter]) {
        self.kind = kind
        self.parameters = parameters
    }

    /// The parameter with the given key, if present.
    public subscript(key: String) -> ModelParameter? {
        parameters.first { $0.key == key }
    }
}

/// One named parameter of a fitted model.
public struct ModelParameter: Sendable, Equatable {
    /// A stable machine key used in JSON and in `{value}` roles, e.g. "mean", "bandwidth".
    public var key: String
    /// The TeX symbol of the parameter, e.g. `\hat{\mu}` or `\beta`.
    public var symbol: String
    /// The value.
    public var value: ParameterValue
    /// What the number means when the convention matters (e.g. "variance (the seed's β)").
    public var note: String?

    public init(key: String, symbol: String, value: ParameterValue, note: String? = nil) {
        self.key = key
        self.symbol = symbol
        self.value = value
        self.note = note
    }
}

/// The value of a model parameter.
public enum ParameterValue: Sendable, Equatable {
    case integer(Int)
    case scalar(Double)
    case vector([Double])
    /// A matrix stored row-major.
    case matrix(rows: Int, columns: Int, values: [Double])
    case text(String)
}
