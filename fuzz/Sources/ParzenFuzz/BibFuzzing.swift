import ParzenCitations

/// A `.bib` file through the reader, then the reference list of every entry in both styles:
/// ``FuzzTarget/bib``.
enum BibFuzzing {
    static let file = "fuzz.bib"

    static func violations(_ text: String) -> [String] {
        let (database, diagnostics) = BibDatabase.parse(text, file: file)
        for kind in CitationStyle.Kind.allCases {
            _ = CitationProcessor(database: database, style: CitationStyle(kind: kind), citations: [], nocite: ["*"])
                .references
        }
        // The reader counts lines at "\n" only (a lone "\r" is not read as a line end in a .bib).
        return TextExtent(text, lineFeedsToo: true).outsiders(diagnostics, file: file)
    }
}
