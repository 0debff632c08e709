import ParzenFormat

/// A problem with a directive that the author can fix: what is wrong, where, and what to do.
///
/// Directives throw this; the runner turns it into a `Diagnostic` at `location` (or at the
/// fence when nil) and into an error box in the report at the directive's place.
public struct DirectiveError: Error, Sendable, Codable {
    public var message: String
    public var fix: String?
    public var location: SourceLocation?

    public init(_ message: String, fix: String? = nil, at location: SourceLocation? = nil) {
        self.message = message
        self.fix = fix
        self.location = location
    }

    /// "'k' failed at line 19": a directive, `{value}` or `{ref}` at `location` uses the
    /// result labelled `label`, whose directive (opening at `line`) failed — in validation
    /// or while running.
    public static func failed(_ label: String, line: Int, at location: SourceLocation) -> DirectiveError {
        DirectiveError(.failedDependency(label: label, line: line), at: location)
    }
}
