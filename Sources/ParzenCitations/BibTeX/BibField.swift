import ParzenFormat

/// One `name = value` of an entry, after `@string` macros, month names and `#` are expanded.
public struct BibField: Sendable, Hashable {
    /// The field name, lowercased (BibTeX field names are case-insensitive).
    public var name: String
    /// The value as TeX, outer braces or quotes removed, inner braces kept as written.
    public var tex: String
    /// The value read as text: Unicode, case-protected spans and math kept apart.
    public var text: [BibText]
    /// Where the value starts in the `.bib` file.
    public var location: SourceLocation

    /// A field as the parser reads it.
    public init(name: String, tex: String, text: [BibText], location: SourceLocation) {
        self.name = name
        self.tex = tex
        self.text = text
        self.location = location
    }

    /// The value as plain Unicode text (see ``BibText/plainText(_:)``).
    public var plainText: String { BibText.plainText(text) }
}
