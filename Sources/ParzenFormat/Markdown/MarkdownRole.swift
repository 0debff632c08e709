/// A MyST role in prose: `{name}` immediately followed by a code span, e.g.
/// `` {value}`kde.bandwidth` ``.
public struct MarkdownRole: Sendable, Hashable {
    /// The role's name, without braces (`value`).
    public var name: String
    /// The code span's content (`kde.bandwidth`).
    public var content: String
    /// The `{` that starts the role.
    public var location: SourceLocation
    /// The first character of ``content``.
    public var contentLocation: SourceLocation

    /// A role from its parts.
    public init(name: String, content: String, location: SourceLocation, contentLocation: SourceLocation) {
        self.name = name
        self.content = content
        self.location = location
        self.contentLocation = contentLocation
    }
}
