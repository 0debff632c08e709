/// A citation written in Markdown text: pandoc's `[@a; see @b, p. 12]`, `[-@a]`, narrative
/// `@a` (optionally `@a [p. 12]`), or distill's `<d-cite key="a,b"></d-cite>`.
public struct Citation: Sendable, Hashable {
    /// How the citation reads in the sentence.
    public enum Form: Sendable, Hashable {
        /// In brackets: "(Parzen 1962)" or "[1]".
        case parenthetical
        /// Part of the sentence: "Parzen (1962)".
        case narrative
    }

    /// How the author wrote it.
    public enum Syntax: Sendable, Hashable {
        /// pandoc's `[@key]` and `@key`.
        case pandoc
        /// distill's (and al-folio's) `<d-cite key="…">`.
        case distill
    }

    /// Parenthetical or narrative.
    public var form: Form
    /// pandoc or distill.
    public var syntax: Syntax
    /// The works cited, in the order written.
    public var items: [CitationItem]
    /// What the citation replaces in the scanned text, in UTF-8 bytes (for distill: the
    /// `<d-cite …>` tag and, when it follows at once, its `</d-cite>`).
    public var range: Range<Int>

    /// A citation as the scanner finds it.
    public init(form: Form, syntax: Syntax, items: [CitationItem], range: Range<Int>) {
        self.form = form
        self.syntax = syntax
        self.items = items
        self.range = range
    }

    /// The citations in `text`, in order, with their UTF-8 offsets.
    ///
    /// A pure function of the string: the Markdown layer calls it on each text (and raw HTML)
    /// inline and maps offsets to notebook positions. Brackets followed by `(` or `[` are links,
    /// not citations; `@` after a letter or digit (an e-mail address) is not a citation.
    ///
    /// Cost: linear in the length of `text`.
    public static func find(in text: String) -> [Citation] {
        var scanner = CitationScanner(text)
        return scanner.scan()
    }

    /// The keys this citation names that `database` does not have, with a did-you-mean.
    public func unknownKeys(in database: BibDatabase) -> [UnknownCitationKey] {
        items.filter { database.entry(forKey: $0.key) == nil }.map { item in
            UnknownCitationKey(key: item.key, keyRange: item.keyRange,
                               suggestion: UnknownCitationKey.suggestion(for: item.key, in: database),
                               isNarrative: form == .narrative && syntax == .pandoc)
        }
    }
}
