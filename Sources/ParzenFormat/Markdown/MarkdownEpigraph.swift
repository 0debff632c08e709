/// A MyST `{epigraph}`: a quotation that opens a chapter or section, with an optional
/// attribution — the body's last paragraph when it starts with `-- `, `--- ` or `—`, as in
/// docutils.
///
///     ```{epigraph}
///     All models are wrong, but some are useful.
///
///     -- George Box
///     ```
public struct MarkdownEpigraph: Sendable, Hashable {
    /// The quotation, parsed as Markdown.
    public var blocks: [MarkdownBlock]
    /// Who said it, without the dash; empty when the body names no one.
    public var attribution: [MarkdownInline]
    /// CSS classes from `:class:`, in the order written.
    public var classes: [String]

    /// An epigraph from its parts.
    public init(blocks: [MarkdownBlock], attribution: [MarkdownInline], classes: [String] = []) {
        self.blocks = blocks
        self.attribution = attribution
        self.classes = classes
    }
}
