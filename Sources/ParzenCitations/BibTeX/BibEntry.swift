import ParzenFormat

/// One `@type{key, field = value, …}` of a `.bib` file.
public struct BibEntry: Sendable, Hashable {
    /// The entry type, lowercased: `article`, `book`, `inproceedings`, `online`, …
    public var type: String
    /// The citation key, exactly as written.
    public var key: String
    /// The fields in the order written.
    public var fields: [BibField]
    /// Where the `@` of the entry is.
    public var location: SourceLocation
    /// Where the key is.
    public var keyLocation: SourceLocation
    /// The `.bib` file the entry comes from, as the user named it.
    public var file: String

    /// An entry as the parser reads it.
    public init(
        type: String, key: String, fields: [BibField], location: SourceLocation, keyLocation: SourceLocation,
        file: String
    ) {
        self.type = type
        self.key = key
        self.fields = fields
        self.location = location
        self.keyLocation = keyLocation
        self.file = file
    }

    /// The field called `name` (case-insensitive), if the entry has it.
    public subscript(_ name: String) -> BibField? {
        let name = name.lowercased()
        return fields.first { $0.name == name }
    }

    /// The authors (`author` field), split as BibTeX does.
    public var authors: [PersonName] { self["author"].map { PersonName.list(from: $0.tex) } ?? [] }
    /// The editors (`editor` field), split as BibTeX does.
    public var editors: [PersonName] { self["editor"].map { PersonName.list(from: $0.tex) } ?? [] }

    /// The entry types BibTeX and biblatex define; others are read like `misc` with a warning.
    public static let knownTypes = [
        "article", "book", "booklet", "collection", "conference", "dataset", "inbook", "incollection",
        "inproceedings", "manual", "mastersthesis", "misc", "mvbook", "online", "patent", "periodical",
        "phdthesis", "proceedings", "report", "software", "techreport", "thesis", "unpublished", "www",
    ]
}
