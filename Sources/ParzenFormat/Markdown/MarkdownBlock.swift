/// A block of a Markdown document: its kind (with its children) and where it starts.
public struct MarkdownBlock: Sendable, Hashable {
    /// What the block is; children are nested in the associated values.
    public indirect enum Kind: Sendable, Hashable {
        /// Running text.
        case paragraph([MarkdownInline])
        /// An ATX (`#`) or setext heading, level 1…6.
        case heading(level: Int, [MarkdownInline])
        /// `***`, `---` or `___` on a line of its own.
        case thematicBreak
        /// `>` quoted blocks.
        case blockQuote([MarkdownBlock])
        /// A bullet or ordered list.
        case list(MarkdownList)
        /// Fenced or indented code; `info` is the fence's info string (empty when none),
        /// `text` the code with its final newline.
        case codeBlock(info: String, text: String)
        /// Raw HTML written by the author, passed through as is (tagfilter is applied when
        /// rendering).
        case htmlBlock(String)
        /// A GFM table.
        case table(MarkdownTable)
        /// Display math that stands on lines of its own (`$$…$$` or `\[…\]`).
        case displayMath(MathSpan)
        /// A fenced directive such as ```` ```{fit} kde ````.
        case directive(DirectiveFence)
        /// A Jekyll `{% details Title %}…{% enddetails %}` disclosure.
        case details(summary: [MarkdownInline], [MarkdownBlock])
        /// A MyST admonition or `{dropdown}` (```` ```{note} ````, `:::{warning}`).
        case admonition(MarkdownAdmonition)
        /// A MyST `{figure}` or `{table}`: numbered, with a caption.
        case float(MarkdownFloat)
        /// A MyST `{epigraph}`: a quotation with its attribution.
        case epigraph(MarkdownEpigraph)
        /// A MyST `{bibliography}` (its fence): where the page's reference list goes (without
        /// one, at the end).
        case bibliography(DirectiveFence)
    }

    /// What the block is.
    public var kind: Kind
    /// The first character of the block in the notebook.
    public var location: SourceLocation

    /// A block of `kind` starting at `location`.
    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}
