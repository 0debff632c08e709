/// A notebook body parsed as GitHub Flavored Markdown with Parzen's additions (math,
/// directive fences, roles, prose references, Jekyll `details`): a tree of value types whose
/// every node knows where it came from in the notebook.
///
/// Build one with ``MarkdownParser/parse(_:options:)``; render it with `ParzenHTML`.
public struct MarkdownDocument: Sendable, Hashable {
    /// The top-level blocks in document order (footnote definitions are in ``footnotes``).
    public var blocks: [MarkdownBlock]
    /// Footnote definitions in the order of their first reference, as cmark-gfm numbers
    /// them: `footnotes[n - 1]` is the definition that ``MarkdownInline/Kind/footnoteReference(number:occurrence:)``
    /// with `number: n` points to. Definitions nobody refers to are dropped, as cmark-gfm does.
    public var footnotes: [MarkdownFootnote]
    /// Problems found while parsing (malformed directive fences, unclosed `{% details %}`,
    /// Liquid tags kept as text, nesting flattened), in source order.
    public var diagnostics: [Diagnostic]

    /// A document from its parts.
    public init(blocks: [MarkdownBlock], footnotes: [MarkdownFootnote] = [], diagnostics: [Diagnostic] = []) {
        self.blocks = blocks
        self.footnotes = footnotes
        self.diagnostics = diagnostics
    }
}
