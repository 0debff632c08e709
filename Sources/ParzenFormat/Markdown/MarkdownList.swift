/// A bullet or ordered list and its items.
public struct MarkdownList: Sendable, Hashable {
    /// One list item.
    public struct Item: Sendable, Hashable {
        /// `true`/`false` for a GFM task item (`- [x]` / `- [ ]`), `nil` for an ordinary item.
        public var isChecked: Bool?
        /// The item's content.
        public var blocks: [MarkdownBlock]
        /// The item's marker (`-`, `1.`).
        public var location: SourceLocation

        /// An item from its parts.
        public init(isChecked: Bool? = nil, blocks: [MarkdownBlock], at location: SourceLocation) {
            self.isChecked = isChecked
            self.blocks = blocks
            self.location = location
        }
    }

    /// `true` for `1.`/`1)` lists.
    public var isOrdered: Bool
    /// The number of the first item of an ordered list (1 for bullet lists).
    public var start: Int
    /// A tight list renders its paragraphs without `<p>` (no blank lines between items).
    public var isTight: Bool
    /// The items in order.
    public var items: [Item]

    /// A list from its parts.
    public init(isOrdered: Bool, start: Int, isTight: Bool, items: [Item]) {
        self.isOrdered = isOrdered
        self.start = start
        self.isTight = isTight
        self.items = items
    }

    /// The list with each item's blocks replaced by `transform(blocks)`: the step every
    /// tree → tree pass takes through a list.
    public func mappingItemBlocks(_ transform: ([MarkdownBlock]) throws -> [MarkdownBlock]) rethrows -> MarkdownList {
        var list = self
        list.items = try items.map { item in
            var item = item
            item.blocks = try transform(item.blocks)
            return item
        }
        return list
    }
}
