/// What a style needs from an entry, read once: the kind of work, its names and its fields
/// as inline text (titles already in title case for English works).
struct Work {
    /// Kinds of work that are laid out differently (CSL's types, as pandoc maps BibTeX's).
    enum Kind {
        case article, book, editedBook, chapter, paper, thesis, report, manual, webpage, unpublished, other
    }

    let entry: BibEntry
    let kind: Kind
    let authors: [PersonName]
    let editors: [PersonName]
    /// The names that lead the entry: the authors, else the editors (then `namesAreEditors`).
    let names: [PersonName]
    let namesAreEditors: Bool
    let year: String?

    init(_ entry: BibEntry) {
        self.entry = entry
        authors = entry.authors
        editors = entry.editors
        namesAreEditors = authors.isEmpty && !editors.isEmpty
        names = authors.isEmpty ? editors : authors
        kind = switch entry.type {
        case "article", "periodical": .article
        case "book", "mvbook": .book
        case "proceedings", "collection", "mvcollection", "mvproceedings": .editedBook
        case "incollection", "inbook", "inreference", "bookinbook": .chapter
        case "inproceedings", "conference": .paper
        case "phdthesis", "mastersthesis", "thesis": .thesis
        case "techreport", "report": .report
        case "manual": .manual
        case "online", "www", "electronic": .webpage
        case "unpublished": .unpublished
        default: .other
        }
        let date = entry["year"]?.plainText ?? entry["date"].map { String($0.plainText.prefix(4)) }
        year = date.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the title is italic (a whole publication) rather than quoted (a part of one,
    /// or an unpublished work).
    var hasItalicTitle: Bool { [.book, .editedBook, .manual].contains(kind) }

    /// English, or no language given: titles are put in title case (CSL applies it only there).
    var isEnglish: Bool {
        guard let language = (entry["langid"] ?? entry["language"])?.plainText.lowercased() else { return true }
        return ["en", "eng", "english", "american", "british", "usenglish", "ukenglish", "canadian", "australian"]
            .contains { language == $0 || language.hasPrefix("en-") }
    }

    /// A field as inline text; title-cased when `titleCase` and the work is English.
    func text(_ field: String, titleCase: Bool = false) -> [CitationInline]? {
        guard let value = entry[field], !value.text.isEmpty else { return nil }
        return CitationInline.from(titleCase && isEnglish ? TitleCase.apply(value.text) : value.text)
    }

    func plain(_ field: String) -> String? {
        guard let value = entry[field]?.plainText, !value.isEmpty else { return nil }
        return value
    }

    var title: [CitationInline]? { text("title", titleCase: true) }

    /// The DOI as a link target (`https://doi.org/…`), from `doi` written bare, as `doi:…` or as a URL.
    var doiURL: String? {
        guard var doi = plain("doi") else { return nil }
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
        where doi.lowercased().hasPrefix(prefix) {
            doi = String(doi.dropFirst(prefix.count))
        }
        return "https://doi.org/" + doi
    }
}
