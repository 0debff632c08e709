/// A YAML value with the notebook position of every node, so a diagnostic about an option
/// can point at the option's own line and column rather than at the fence or front matter.
public indirect enum YAMLValue: Sendable, Equatable {
    /// A scalar as written. `isPlain` is false for quoted scalars: `"3"` is text, `3` a number.
    /// `textStart` is where the text's first character is when the text is the source's
    /// characters one for one on a single line (a plain or quoted scalar without escapes or
    /// folded line breaks), so a position inside the text is a column on that line; nil
    /// otherwise, and then a position inside the text can only be the scalar's own.
    case scalar(String, isPlain: Bool, at: SourceLocation, textStart: SourceLocation? = nil)
    case sequence([YAMLValue], at: SourceLocation)
    /// Keys in the author's order; duplicate keys are reported when parsing.
    case mapping([YAMLEntry], at: SourceLocation)

    /// Where the value starts in the notebook.
    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let at, _), .sequence(_, let at), .mapping(_, let at): at
        }
    }

    /// The value's kind in words, for messages such as "expected a number, found a list".
    public var kindDescription: String {
        switch self {
        case .scalar(let text, let isPlain, _, _):
            // YAML's `.nan` and `.inf` (and Swift's `nan`, `inf`) read as numbers that are not finite.
            if isPlain, let special = Self.nonFinite(text) { return "'\(text)', which is \(special)" }
            if isPlain, Double(text) != nil { return "the number \(text)" }
            if text.isEmpty { return "an empty value" }
            return "the text '\(text)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// "not a number" or "infinite" for the plain scalars YAML 1.2 or Swift read as NaN or ±∞
    /// (`.nan`, `.Inf`, `-.inf`, `NaN`, `inf`); nil for any other text, and for a finite
    /// number too large for a Double (`1e400`), which is reported as the number written.
    public static func nonFinite(_ text: String) -> String? {
        let bare = text.hasPrefix("+") || text.hasPrefix("-") ? String(text.dropFirst()) : text
        switch bare.lowercased() {
        case ".nan", "nan": return text.hasPrefix("+") || text.hasPrefix("-") ? nil : "not a number"
        case ".inf", "inf", "infinity": return "infinite"
        default: return nil
        }
    }

    /// The scalar text, if this is a scalar.
    public var scalarText: String? {
        if case .scalar(let text, _, _, _) = self { return text }
        return nil
    }

    /// The entries, if this is a mapping.
    public var entries: [YAMLEntry]? {
        if case .mapping(let entries, _) = self { return entries }
        return nil
    }

    /// The value for `key`, if this is a mapping that has it.
    public subscript(key: String) -> YAMLValue? {
        entries?.first { $0.key == key }?.value
    }
}

/// One `key: value` pair of a YAML mapping, with the key's position.
public struct YAMLEntry: Sendable, Equatable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLValue

    public init(key: String, keyLocation: SourceLocation, value: YAMLValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
