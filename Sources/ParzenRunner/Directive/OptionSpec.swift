import ParzenFormat

/// The declaration of one directive option: its name, type, whether it is required, its
/// default (as shown in docs) and one sentence of help.
public struct OptionSpec: Sendable {
    public var name: String
    public var type: OptionType
    public var isRequired: Bool
    /// The default as an author would write it, for docs and help; nil when there is none.
    public var defaultDescription: String?
    public var help: String

    public init(
        _ name: String, _ type: OptionType, required: Bool = false, default defaultDescription: String? = nil,
        help: String
    ) {
        self.name = name
        self.type = type
        self.isRequired = required
        self.defaultDescription = defaultDescription
        self.help = help
    }
}

/// The type of an option value. The runner checks values against it before a directive runs.
public indirect enum OptionType: Sendable {
    /// Any finite number.
    case number
    /// A finite number > 0.
    case positiveNumber
    /// A number in [0, 1) — fractions such as `holdout: 0.2`.
    case fraction
    /// A whole number in the range.
    case integer(ClosedRange<Int>)
    case text
    case boolean
    /// One of a fixed set of words.
    case choice([String])
    /// A positive number or one of a fixed set of words (`bandwidth: 0.3` or `bandwidth: cv`).
    case numberOrChoice([String])
    /// A list whose items have the given type; a single item is accepted as a one-item list.
    case list(OptionType)
    /// The label of an earlier directive whose result has one of the given kinds.
    case label([ResultKind])
    /// Such a label, or one of a few reserved words (`true` for the generating density).
    case labelOrWord([ResultKind], words: [String])
    /// A path to a file, relative to the notebook, which must exist and stay inside the project.
    case path
    /// Structured YAML checked by the directive itself.
    case structure(String)
    /// A scalar of the given type, or a mapping of the given shape checked by the directive
    /// itself (`holdout: 0.2` or `holdout: {last: 100}`).
    case scalarOrStructure(OptionType, String)

    /// The type in words, for messages and docs.
    public var description: String {
        switch self {
        case .number: "a number"
        case .positiveNumber: "a positive number"
        case .fraction: "a number in [0, 1)"
        case .integer(let range):
            range.upperBound == Int.max
                ? "a whole number ≥ \(range.lowerBound)" : "a whole number in \(range.lowerBound)…\(range.upperBound)"
        case .text: "text"
        case .boolean: "true or false"
        case .choice(let words): "one of " + words.joined(separator: ", ")
        case .numberOrChoice(let words): "a positive number or one of " + words.joined(separator: ", ")
        case .list(let item): "a list of \(item.pluralDescription)"
        case .label(let kinds): "the label of an earlier " + kinds.map(\.rawValue).joined(separator: " or ")
        case .labelOrWord(let kinds, let words):
            OptionType.label(kinds).description + " or " + words.map { "`\($0)`" }.joined(separator: ", ")
        case .path: "a file path relative to the notebook"
        case .structure(let shape): shape
        case .scalarOrStructure(let scalar, let shape): "\(scalar.description), or \(shape)"
        }
    }

    /// A value of this type as it would be written, for the fix of a wrong one; `label` gives
    /// a label declared above of one of the kinds, if there is one (else `<label>` is shown).
    public func example(label: ([ResultKind]) -> String?) -> String {
        switch self {
        case .number: "1.5"
        case .positiveNumber: "0.5"
        case .fraction: "0.2"
        case .integer(let range): String(min(max(10, range.lowerBound), range.upperBound))
        case .text: "\"…\""
        case .boolean: "true"
        case .choice(let words), .numberOrChoice(let words): words.first ?? "…"
        case .list(.number), .list(.positiveNumber): "[1, 2.5]"
        case .list(.integer(let range)): "[\(range.lowerBound), \(min(range.lowerBound + 1, range.upperBound))]"
        case .list(let item): "[\(item.example(label: label)), …]"
        case .label(let kinds), .labelOrWord(let kinds, _): label(kinds) ?? "<label>"
        case .path: "data/old-faithful.csv"
        case .structure: "{…}"
        case .scalarOrStructure(let scalar, _): scalar.example(label: label)
        }
    }

    fileprivate var pluralDescription: String {
        switch self {
        case .label(let kinds): "labels of earlier " + kinds.map { $0.rawValue + "s" }.joined(separator: " or ")
        case .labelOrWord(let kinds, let words):
            OptionType.label(kinds).pluralDescription + " or " + words.map { "`\($0)`" }.joined(separator: ", ")
        case .number, .positiveNumber, .fraction: "numbers"
        default: description
        }
    }
}

extension OptionType {
    /// Whether a value is one number, so that it may be taken from an earlier result
    /// (`{from: label.key}`).
    var isNumeric: Bool {
        switch self {
        case .number, .positiveNumber, .fraction, .integer, .numberOrChoice: true
        default: false
        }
    }
}
