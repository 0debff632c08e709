/// One work inside a citation: `see @key, p. 12` or `-@key`.
public struct CitationItem: Sendable, Hashable {
    /// The citation key.
    public var key: String
    /// Where the key is in the scanned text, in UTF-8 bytes (after the `@`).
    public var keyRange: Range<Int>
    /// Text before the key ("see"), trimmed.
    public var prefix: String
    /// The part of the work cited, if the text after the key starts with one.
    public var locator: Locator?
    /// The rest of the text after the key and locator, with its leading comma or space.
    public var suffix: String
    /// `[-@key]`: print the year only (the author is named in the sentence).
    public var suppressesAuthor: Bool

    /// An item as the scanner finds it.
    public init(
        key: String, keyRange: Range<Int>, prefix: String = "", locator: Locator? = nil, suffix: String = "",
        suppressesAuthor: Bool = false
    ) {
        self.key = key
        self.keyRange = keyRange
        self.prefix = prefix
        self.locator = locator
        self.suffix = suffix
        self.suppressesAuthor = suppressesAuthor
    }
}
