/// Values a directive's result holds, declared on the directive (or model family) type: one
/// table feeds `docs/directives.md`, `parzen check`'s validation of `{from: label.key}` (the
/// key must be declared, and its kind must fit the option) and the did-you-mean of both
/// checks. Keys may hold one placeholder in angle brackets (`nll_<label>`, `mean_<column>`),
/// which stands for any non-empty text unless the directive expands it for a shape.
public struct ResultKeyDeclaration: Sendable, Equatable {
    /// What a value is.
    public enum Kind: String, Sendable, Equatable {
        case number, integer, text, boolean
        /// A list of numbers (vectors; matrices row-major).
        case numbers
        /// One number in 1-D, a list of numbers in d > 1 (a mean, a kernel's sd).
        case numberOrNumbers

        /// The kind for data of dimension `d`.
        func resolved(dimension d: Int) -> Kind {
            self == .numberOrNumbers ? (d == 1 ? .number : .numbers) : self
        }

        /// How a message names a value of this kind.
        var description: String {
            switch self {
            case .number: "a number"
            case .integer: "a whole number"
            case .text: "text"
            case .boolean: "true or false"
            case .numbers: "a list of numbers"
            case .numberOrNumbers: "a number (a list in d > 1)"
            }
        }
    }

    /// The keys and their kinds, in the order the docs list them.
    public var keys: [(name: String, kind: Kind)]
    /// What they mean, for the docs.
    public var meaning: String

    public init(_ keys: [(String, Kind)], _ meaning: String) {
        self.keys = keys.map { (name: $0.0, kind: $0.1) }
        self.meaning = meaning
    }

    /// The kind of `key`, if one of `keys` names it (a placeholder matching any non-empty text).
    public func kind(of key: String) -> Kind? {
        keys.first { Self.pattern($0.name, matches: key) }?.kind
    }

    /// The declaration with `placeholder` replaced by each of `values` (`<column>` by the
    /// data set's columns), and kinds resolved for dimension `d`.
    func expanding(_ placeholder: String, into values: [String], dimension d: Int) -> ResultKeyDeclaration {
        var copy = self
        copy.keys = keys.flatMap { key in
            key.name.contains(placeholder)
                ? values.map { (name: key.name.replacingOccurrences(of: placeholder, with: $0), kind: key.kind) }
                : [key]
        }
        return copy.resolved(dimension: d)
    }

    /// The declaration with kinds resolved for data of dimension `d`.
    func resolved(dimension d: Int) -> ResultKeyDeclaration {
        var copy = self
        copy.keys = keys.map { (name: $0.name, kind: $0.kind.resolved(dimension: d)) }
        return copy
    }

    static func pattern(_ pattern: String, matches key: String) -> Bool {
        guard let open = pattern.firstIndex(of: "<"), let close = pattern.firstIndex(of: ">") else {
            return pattern == key
        }
        let prefix = pattern[..<open], suffix = pattern[pattern.index(after: close)...]
        return key.count > prefix.count + suffix.count && key.hasPrefix(prefix) && key.hasSuffix(suffix)
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.meaning == b.meaning && a.keys.map(\.name) == b.keys.map(\.name) && a.keys.map(\.kind) == b.keys.map(\.kind)
    }
}

extension [ResultKeyDeclaration] {
    /// The kind of `key` in the first of these declarations that has it.
    public func kind(of key: String) -> ResultKeyDeclaration.Kind? {
        lazy.compactMap { $0.kind(of: key) }.first
    }

    /// The mistake of reading `key` of `label` when none of these declarations has it (with a
    /// did-you-mean among their keys); nil when one does. `{from:}`, `{assert}`, `{value}` and
    /// `\val` report it alike.
    public func missing(_ key: String, of label: String) -> DirectiveProblem? {
        kind(of: key) == nil ? .missingResultValue(label: label, key: key, keys: flatMap { $0.keys.map(\.name) }) : nil
    }
}
