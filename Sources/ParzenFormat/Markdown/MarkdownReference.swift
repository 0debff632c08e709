/// `\eqref{label}` or `\ref{label}` written in prose (outside math), as LaTeX-minded authors
/// refer to numbered equations and results.
public struct MarkdownReference: Sendable, Hashable {
    /// The label between the braces.
    public var label: String
    /// `true` for `\eqref` (rendered in parentheses, as LaTeX does), `false` for `\ref`.
    public var isParenthesized: Bool
    /// The backslash that starts the reference.
    public var location: SourceLocation

    /// A reference from its parts.
    public init(label: String, isParenthesized: Bool, location: SourceLocation) {
        self.label = label
        self.isParenthesized = isParenthesized
        self.location = location
    }
}
