import ParzenFormat
import ParzenMarkup

/// A citation key the bibliography does not define.
///
/// In brackets or a `<d-cite>` it is an error; a bare `@word` in prose is only a warning
/// (it may be a handle or a decorator, as pandoc also decides) and stays as written.
public struct UnknownCitationKey: Sendable, Hashable {
    /// The key as written.
    public var key: String
    /// Where the key is in the scanned text, in UTF-8 bytes.
    public var keyRange: Range<Int>
    /// The closest key in the bibliography, if one is close enough to be a typo.
    public var suggestion: String?
    /// Written as narrative `@key` (a warning), not in brackets or a `<d-cite>` (an error).
    public var isNarrative: Bool

    /// The problem with one key.
    public init(key: String, keyRange: Range<Int>, suggestion: String?, isNarrative: Bool) {
        self.key = key
        self.keyRange = keyRange
        self.suggestion = suggestion
        self.isNarrative = isNarrative
    }

    /// The problem, for a diagnostic.
    public var message: String {
        isNarrative ? "'@\(key)' is not a citation key in the bibliography; it is printed as written"
            : "unknown citation key '\(key)'"
    }

    /// What to do: the closest key, or how to add one.
    public var fix: String {
        if let suggestion { return "did you mean '\(suggestion)'?" }
        return isNarrative ? "write '\\@\(key)' if it is not a citation"
            : "add an entry with this key to the .bib file, or correct the key"
    }

    /// The diagnostic at `location`, the notebook position of ``keyRange``'s start.
    public func diagnostic(file: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(isNarrative ? .warning : .error, file: file, at: location, message, fix: fix)
    }

    static func suggestion(for key: String, in database: BibDatabase) -> String? {
        Suggestion.closest(to: key, among: database.keys)
    }
}
