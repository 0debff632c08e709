/// The words of one page (see ``Word``): the built-in table of its language (English when
/// Parzen has none for it), with the project's `words:` overrides on top.
///
/// ```swift
/// let words = WordTable(language: "de-CH", overrides: [.figure: "Abb."])
/// words[.figure]      // "Abb."
/// words[.references]  // "Literatur"
/// ```
public struct WordTable: Sendable, Equatable {
    /// The BCP 47 tag the page is written in (`<html lang>`), as the author wrote it.
    public let language: String
    /// The built-in table the words come from: `language` when Parzen has one for it, else `en`.
    public let baseLanguage: String
    private let overrides: [Word: String]

    /// `<html lang>` when neither a page nor its project says.
    public static let defaultLanguage = "en"
    /// The languages with a built-in table, by primary subtag.
    public static let builtInLanguages = ["en", "de"]

    /// The table for `language` (default English) with `overrides` (from `parzen.yml`).
    public init(language: String? = nil, overrides: [Word: String] = [:]) {
        self.language = language ?? Self.defaultLanguage
        self.baseLanguage = Self.builtInLanguage(for: self.language) ?? Self.defaultLanguage
        self.overrides = overrides
    }

    /// The primary subtag of `tag` when Parzen has a table for it (`de-AT` → `de`), else nil.
    public static func builtInLanguage(for tag: String) -> String? {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return builtInLanguages.contains(primary) ? primary : nil
    }

    /// The word in this page's language.
    public subscript(word: Word) -> String {
        if let own = overrides[word] { return own }
        return baseLanguage == "de" ? Self.german(word) : Self.english(word)
    }

    /// Whether `word` was overridden by the project.
    public func isOverridden(_ word: Word) -> Bool { overrides[word] != nil }

    /// A phrase with its placeholders filled: `phrase(.problems, ["count": "2"])`.
    public func phrase(_ word: Word, _ values: [String: String]) -> String {
        Self.fill(self[word], values)
    }

    /// `template` with each `{name}` of `values` replaced (others left as written): for a phrase
    /// escaped first and filled with markup (`Escaping.text(words[.renderedFrom])`, `<code>…`).
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        // One pass over the phrase, so a value holding braces is never read as a placeholder.
        var text = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let tail = rest[rest.index(after: open)...]
            if let close = tail.firstIndex(of: "}"), let value = values[String(tail[..<close])] {
                text += value
                rest = tail[tail.index(after: close)...]
            } else {
                text += "{"
                rest = tail
            }
        }
        return text + rest
    }

    /// Every word by its case name (`contents`, `renderedFrom`): the templates' `{{words.contents}}`.
    public var byName: [String: String] {
        Dictionary(uniqueKeysWithValues: Word.allCases.map { (String(describing: $0), self[$0]) })
    }

    /// A `date:` as the page shows it: `2026-11-30` as "30 November 2026" ("30. November 2026"
    /// in German); anything else exactly as written.
    public func date(_ written: String) -> String {
        guard let date = ISODate(written) else { return written }
        return phrase(.dateFormat, ["day": String(date.day), "month": self[Word.months[date.month - 1]],
                                    "year": String(date.year)])
    }
}

extension WordTable {
    /// What a problem is called in the page's error boxes ("error", "Fehler").
    public subscript(severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: self[Word.error]
        case .warning: self[Word.warning]
        case .note: self[Word.note]
        }
    }
}
