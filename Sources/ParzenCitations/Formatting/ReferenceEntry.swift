/// One entry of the reference list, in the style's order.
public struct ReferenceEntry: Sendable, Hashable {
    /// The citation key (writers use it for the entry's anchor, e.g. `id="ref-parzen1962"`).
    public var key: String
    /// The entry's number in the numeric style ("1"); `nil` in author–year.
    public var label: String?
    /// The entry's text.
    public var content: [CitationInline]

    /// An entry of the list.
    public init(key: String, label: String?, content: [CitationInline]) {
        self.key = key
        self.label = label
        self.content = content
    }
}
