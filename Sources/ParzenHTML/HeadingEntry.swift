/// A heading of a rendered document, for a table of contents.
public struct HeadingEntry: Sendable, Hashable {
    /// 1…6
    public var level: Int
    /// The heading's plain text (formatting and raw HTML removed, math as its TeX).
    public var text: String
    /// The `id` given to the heading element (empty when ids are off).
    public var id: String

    /// An entry from its parts.
    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
