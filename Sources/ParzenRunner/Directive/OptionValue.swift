import ParzenFormat

/// A checked option value, with where the author wrote it.
public struct OptionValue: Sendable {
    public enum Content: Sendable {
        case number(Double)
        case integer(Int)
        case text(String)
        case boolean(Bool)
        case list([OptionValue])
        /// The label of an earlier result.
        case label(String)
        /// A path resolved against the notebook's folder and checked to be inside the project.
        case path(resolved: String, written: String)
        /// Structured YAML for the directive to read.
        case yaml(YAMLValue)
        /// A number an earlier result holds, written `{from: label.key}`: the runner puts the
        /// value in its place before the directive runs (`DirectiveCall.resolvingResults`).
        case result(label: String, key: String)
    }

    public var content: Content
    public var location: SourceLocation
    /// Where a text value's first character is, when the text is the source one for one on
    /// one line (`YAMLValue.scalar`'s `textStart`); nil for folded, escaped or block text.
    public var textStart: SourceLocation?

    public init(_ content: Content, at location: SourceLocation, textStart: SourceLocation? = nil) {
        self.content = content
        self.location = location
        self.textStart = textStart
    }

    /// Where the character at `offset` (0-based, in Characters) of a text value is: its own
    /// column when the text is the source one for one, else the value's position, since a
    /// folded or escaped text has no column-for-column mapping back to the notebook.
    public func location(ofCharacter offset: Int) -> SourceLocation {
        guard let textStart, case .text(let text) = content else { return location }
        // Notebook columns count Unicode scalars; the offset counts Characters.
        let scalars = text.prefix(max(0, offset)).unicodeScalars.count
        return SourceLocation(line: textStart.line, column: textStart.column + scalars)
    }
}

/// The checked options of one directive call, by name.
public struct OptionValues: Sendable {
    private var values: [String: OptionValue]

    /// Checked values by option name (the runner builds them from a directive's body,
    /// `parzen fit` from its flags).
    public init(_ values: [String: OptionValue]) { self.values = values }

    public subscript(name: String) -> OptionValue? { values[name] }

    /// The options with `name` set to `value`.
    func replacing(_ name: String, with value: OptionValue) -> OptionValues {
        var values = self.values
        values[name] = value
        return OptionValues(values)
    }

    /// Whether the author set the option.
    public func has(_ name: String) -> Bool { values[name] != nil }

    /// Where the option's value is, if set.
    public func location(of name: String) -> SourceLocation? { values[name]?.location }

    public func number(_ name: String) -> Double? {
        switch values[name]?.content {
        case .number(let x): x
        case .integer(let n): Double(n)
        default: nil
        }
    }

    public func integer(_ name: String) -> Int? {
        if case .integer(let n) = values[name]?.content { return n }
        return nil
    }

    /// Text, a choice word, or a label.
    public func text(_ name: String) -> String? {
        switch values[name]?.content {
        case .text(let s), .label(let s): s
        default: nil
        }
    }

    public func boolean(_ name: String) -> Bool? {
        if case .boolean(let b) = values[name]?.content { return b }
        return nil
    }

    /// The items of a list option (a single value counts as a one-item list).
    public func list(_ name: String) -> [OptionValue]? {
        if case .list(let items) = values[name]?.content { return items }
        return nil
    }

    /// The labels of a list-of-labels option, with their locations.
    public func labels(_ name: String) -> [(label: String, location: SourceLocation)] {
        (list(name) ?? values[name].map { [$0] } ?? []).compactMap {
            if case .label(let label) = $0.content { return (label, $0.location) }
            return nil
        }
    }

    /// The reserved words (`true`) among the items of a list-of-labels-or-words option.
    public func words(_ name: String) -> [(word: String, location: SourceLocation)] {
        (list(name) ?? []).compactMap {
            if case .text(let word) = $0.content { return (word, $0.location) }
            return nil
        }
    }

    public func numbers(_ name: String) -> [Double]? {
        list(name)?.compactMap {
            switch $0.content {
            case .number(let x): x
            case .integer(let n): Double(n)
            default: nil
            }
        }
    }

    /// The resolved path of a path option.
    public func path(_ name: String) -> String? {
        if case .path(let resolved, _) = values[name]?.content { return resolved }
        return nil
    }

    public func yaml(_ name: String) -> YAMLValue? {
        if case .yaml(let value) = values[name]?.content { return value }
        return nil
    }

    /// The names of the options set, sorted.
    public var names: [String] { values.keys.sorted() }

    /// Every label the options name, lists included, in name order: the results the call reads.
    public var referencedLabels: [String] {
        values.keys.sorted().flatMap { values[$0]!.content.labels }
    }

    /// Every resolved path the options name: the files the call reads.
    public var resolvedPaths: [String] {
        values.keys.sorted().flatMap { values[$0]!.content.paths }
    }

    /// The options in one canonical line, `name=value` sorted by name: the same for the same
    /// options however they were spelled or ordered (`[1, 2]` and a YAML block list alike).
    /// Paths appear as written, so the text does not depend on where the project lives.
    public func canonicalText(excluding skipped: Set<String> = []) -> String {
        values.keys.sorted().filter { !skipped.contains($0) }.map { "\($0)=\(values[$0]!.content.canonicalText)" }
            .joined(separator: " ")
    }
}

extension OptionValue.Content {
    var labels: [String] {
        switch self {
        case .label(let label), .result(let label, _): [label]
        case .list(let items): items.flatMap(\.content.labels)
        default: []
        }
    }

    var paths: [String] {
        switch self {
        case .path(let resolved, _): [resolved]
        case .list(let items): items.flatMap(\.content.paths)
        default: []
        }
    }

    /// The value in canonical text (see `OptionValues.canonicalText(excluding:)`).
    var canonicalText: String {
        switch self {
        case .number(let x): "\(x)"
        case .integer(let n): "\(n)"
        case .text(let s): quoted(s)
        case .boolean(let b): "\(b)"
        case .list(let items): "[" + items.map(\.content.canonicalText).joined(separator: ", ") + "]"
        case .label(let label): label
        case .path(_, let written): quoted(written)
        case .yaml(let value): Self.canonicalText(of: value)
        case .result(let label, let key): "{from: \(label).\(key)}"
        }
    }

    private func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func canonicalText(of value: YAMLValue) -> String {
        switch value {
        case .scalar(let text, let isPlain, _, _): isPlain ? text : OptionValue.Content.text(text).canonicalText
        case .sequence(let items, _): "[" + items.map(canonicalText(of:)).joined(separator: ", ") + "]"
        case .mapping(let entries, _):
            // Sorted: `{lower: 0, upper: 5}` and `{upper: 5, lower: 0}` are the same option.
            "{" + entries.sorted { $0.key < $1.key }.map { "\($0.key): \(canonicalText(of: $0.value))" }
                .joined(separator: ", ") + "}"
        }
    }
}
