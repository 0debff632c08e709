/// A piece of inline content: its kind (with its children) and where it starts.
///
/// Locations of inline nodes come from cmark-gfm's inline positions mapped back to the
/// notebook; on a lazy continuation line of a block quote or list item (one written without
/// the `>` or the indentation) cmark's column is off by the missing prefix.
public struct MarkdownInline: Sendable, Hashable {
    /// What the inline is; children are nested in the associated values.
    public indirect enum Kind: Sendable, Hashable {
        /// Literal text (escapes and entities already resolved).
        case text(String)
        /// A line ending inside a paragraph.
        case softBreak
        /// A hard line break (two trailing spaces or a backslash before the line ending).
        case lineBreak
        /// A code span's content.
        case code(String)
        /// Raw inline HTML written by the author.
        case html(String)
        /// `*text*` or `_text_`.
        case emphasis([MarkdownInline])
        /// `**text**` or `__text__`.
        case strong([MarkdownInline])
        /// `~~text~~`
        case strikethrough([MarkdownInline])
        /// A link: destination, title (empty when none) and link text.
        case link(destination: String, title: String, [MarkdownInline])
        /// An image: source, title (empty when none) and the description (alt text).
        case image(source: String, title: String, [MarkdownInline])
        /// A reference to footnote `number` (1-based, see ``MarkdownDocument/footnotes``);
        /// `occurrence` counts the references to the same footnote (1 for the first).
        case footnoteReference(number: Int, occurrence: Int)
        /// Inline math (`$…$`, `\(…\)`, or `$$…$$` that shares its line with text).
        case math(MathSpan)
        /// A MyST role such as `` {value}`kde.bandwidth` ``.
        case role(MarkdownRole)
        /// `\eqref{label}` or `\ref{label}` written in prose.
        case reference(MarkdownReference)
    }

    /// What the inline is.
    public var kind: Kind
    /// The first character of the inline in the notebook (for math: of its TeX, see
    /// ``MathSpan/location``).
    public var location: SourceLocation

    /// An inline of `kind` starting at `location`.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}
