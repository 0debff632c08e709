/// How citations and the reference list look: front matter's `citation-style:`.
public struct CitationStyle: Sendable, Hashable {
    /// The two families of styles; `rawValue` is the front-matter name.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// "(Parzen 1962)", reference list sorted by author, then year, then title — modelled on
        /// pandoc citeproc's default, the Chicago Manual of Style (17th ed.) author-date style.
        case authorYear = "author-year"
        /// "[1]", reference list numbered in order of first citation; entries read as in
        /// author-year.
        case numeric
    }

    /// Author–year or numeric.
    public var kind: Kind
    /// From how many authors an in-text citation names only the first, "et al." (Chicago
    /// author-date 17th ed. §15.29 and pandoc: 4; APA and this project's default: 3).
    public var etAlMinimum: Int

    /// A style of `kind`, "et al." from `etAlMinimum` authors.
    public init(kind: Kind, etAlMinimum: Int = 3) {
        self.kind = kind
        self.etAlMinimum = etAlMinimum
    }

    /// The default: author–year, "et al." from three authors.
    public static let authorYear = CitationStyle(kind: .authorYear)
    /// Numbered citations.
    public static let numeric = CitationStyle(kind: .numeric)
    /// Exactly pandoc's default (`chicago-author-date.csl`): "et al." from four authors.
    public static let chicagoAuthorDate = CitationStyle(kind: .authorYear, etAlMinimum: 4)

    /// The names front matter accepts.
    public static let names = Kind.allCases.map(\.rawValue)

    /// The style called `name` in front matter (`author-year` or `numeric`); `nil` otherwise —
    /// report it with `Suggestion.fix(for: name, among: CitationStyle.names)`.
    public init?(named name: String) {
        guard let kind = Kind(rawValue: name.lowercased()) else { return nil }
        self.init(kind: kind)
    }
}
