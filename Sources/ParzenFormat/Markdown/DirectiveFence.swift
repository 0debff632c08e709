/// A fenced code block whose info string is `{name}` with an optional label, e.g.
///
///     ```{fit} kde
///     model: kde
///     bandwidth: scott
///     ```
///
/// The body is kept raw; the notebook layer parses it as YAML and adds positions inside it
/// to ``bodyStart``.
public struct DirectiveFence: Sendable, Hashable {
    /// The directive's name, without braces (`fit`).
    public var name: String
    /// The word after `{name}` (`kde`), if any.
    public var label: String?
    /// The lines between the fences, each with its final newline; the fence's indentation
    /// (inside lists, block quotes) is already removed.
    public var body: String
    /// The opening fence's first backtick or colon.
    public var location: SourceLocation
    /// The first character of the name (after `{`).
    public var nameLocation: SourceLocation
    /// The first character of the label.
    public var labelLocation: SourceLocation?
    /// Where the body's first line starts: the line after the fence, at the fence's column.
    /// A YAML position (0-based line `l`, 0-based column `c`) is at line
    /// `bodyStart.line + l`, column `bodyStart.column + c`.
    public var bodyStart: SourceLocation

    /// A fence as the parser found it (public for tests and generated notebooks).
    public init(
        name: String, label: String?, body: String, location: SourceLocation,
        nameLocation: SourceLocation, labelLocation: SourceLocation?, bodyStart: SourceLocation
    ) {
        self.name = name
        self.label = label
        self.body = body
        self.location = location
        self.nameLocation = nameLocation
        self.labelLocation = labelLocation
        self.bodyStart = bodyStart
    }
}
