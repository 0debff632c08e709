import ParzenFormat

/// The entries of one or more `.bib` files, looked up by citation key.
///
/// ```swift
/// let (database, diagnostics) = BibDatabase.parse(source, file: "refs.bib")
/// database.entry(forKey: "parzen1962")?["title"]?.text
/// ```
public struct BibDatabase: Sendable, Hashable {
    /// The entries in file order; a key defined twice keeps its first entry.
    public private(set) var entries: [BibEntry] = []
    /// The `@preamble` texts, in order (kept for writers that emit LaTeX).
    public private(set) var preambles: [String] = []
    private var index: [String: Int] = [:]
    /// Each key lowercased, for BibTeX's case-blind duplicate check in one lookup.
    private var foldedIndex: [String: Int] = [:]

    /// An empty database.
    public init() {}

    /// Reads one `.bib` file. Problems are errors at the file's line and column (a malformed
    /// entry is skipped, reading resumes at the next `@` line; a duplicate key keeps the first
    /// entry) or warnings (unknown entry types, unknown TeX commands).
    ///
    /// Cost: linear in the file's length.
    public static func parse(_ source: String, file: String) -> (database: BibDatabase, diagnostics: [Diagnostic]) {
        parse(files: [(name: file, contents: source)])
    }

    /// Reads several `.bib` files into one database (front matter `bibliography:` as a list);
    /// a key defined in two files is a duplicate like one defined twice in a file.
    public static func parse(
        files: [(name: String, contents: String)]
    ) -> (database: BibDatabase, diagnostics: [Diagnostic]) {
        var database = BibDatabase()
        var diagnostics: [Diagnostic] = []
        for file in files {
            var parser = BibParser(file.contents, file: file.name)
            parser.parse()
            diagnostics += parser.diagnostics
            database.preambles += parser.preambles
            for entry in parser.entries {
                if let problem = database.add(entry) { diagnostics.append(problem) }
            }
        }
        return (database, diagnostics)
    }

    /// The citation keys, in file order.
    public var keys: [String] { entries.map(\.key) }

    /// The entry with exactly this key.
    public func entry(forKey key: String) -> BibEntry? { index[key].map { entries[$0] } }

    /// Adds an entry, or returns the duplicate-key error. BibTeX compares keys ignoring case,
    /// so `Parzen1962` after `parzen1962` is a duplicate too.
    private mutating func add(_ entry: BibEntry) -> Diagnostic? {
        let folded = entry.key.lowercased()
        if let first = foldedIndex[folded].map({ entries[$0] }) {
            let place = first.file == entry.file ? "line \(first.keyLocation.line)"
                : "\(first.file):\(first.keyLocation.line)"
            return Diagnostic(.error, file: entry.file, at: entry.keyLocation,
                              "duplicate citation key '\(entry.key)' (first defined at \(place))",
                              fix: "rename one of the entries; the first one is used")
        }
        index[entry.key] = entries.count
        foldedIndex[folded] = entries.count
        entries.append(entry)
        return nil
    }
}
