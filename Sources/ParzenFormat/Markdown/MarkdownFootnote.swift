/// A footnote definition (`[^label]: …`) that is referred to at least once.
public struct MarkdownFootnote: Sendable, Hashable {
    /// The label as written between `[^` and `]`.
    public var label: String
    /// The definition's content.
    public var blocks: [MarkdownBlock]
    /// How many references point here (each gets its own back link).
    public var referenceCount: Int
    /// The start of the definition's content.
    public var location: SourceLocation

    /// A footnote from its parts.
    public init(label: String, blocks: [MarkdownBlock], referenceCount: Int, at location: SourceLocation) {
        self.label = label
        self.blocks = blocks
        self.referenceCount = referenceCount
        self.location = location
    }
}
