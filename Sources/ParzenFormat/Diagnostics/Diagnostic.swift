import ParzenMarkup

/// One message about a notebook, printed as `path:line:column: severity: message` — the
/// format compilers use, so editors and CI annotate the right character.
///
/// The message states the problem; `fix`, when present, says what to do about it (it is
/// printed after the message, e.g. "did you mean 'gaussian'?").
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning, note
    }

    public var severity: Severity
    /// The file the message is about, as the user named it.
    public var file: String
    public var location: SourceLocation
    public var message: String
    /// What to do about it, if Parzen can tell.
    public var fix: String?

    public init(_ severity: Severity, file: String, at location: SourceLocation, _ message: String, fix: String? = nil)
    {
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
        self.fix = fix
    }

    /// `message; fix` — the text after the severity, on one line: control characters quoted
    /// from the input (a CSV cell, a YAML value) are written as escapes (`\r`, `\u{1B}`), so
    /// they cannot break the line or drive the terminal that shows it.
    public var text: String {
        guard let fix, !fix.isEmpty else { return Escaping.lineText(message) }
        return Escaping.lineText("\(message); \(fix)")
    }

    /// `path:line:column: severity: message; fix`
    public var description: String {
        "\(file):\(location.line):\(location.column): \(severity.rawValue): \(text)"
    }
}
