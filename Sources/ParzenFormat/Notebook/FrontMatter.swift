/// The YAML header of a notebook, between `---` lines at the top of the file.
///
/// Keys Parzen knows are typed below; any other key (Jekyll and Quarto posts carry many:
/// `layout`, `toc`, `categories`, …) is kept in `otherKeys` and otherwise ignored, except
/// that a key within a typo's distance of a known one gets a did-you-mean warning.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var authors: [Author] = []
    /// The date exactly as written; Parzen never stamps the current date into a report.
    public var date: String?
    /// The global random seed: every directive without its own `seed` derives its generator
    /// from this value and its label, so reordering cells does not change their draws.
    public var seed: UInt64 = 0
    /// `math.macros`: TeX macros available in every formula, name → replacement text.
    public var mathMacros: [String: String] = [:]
    public var series: Series?
    public var next: PageLink?
    public var previous: PageLink?
    /// `lang:`, the page's language as a BCP 47 tag (`en`, `de-CH`), for `<html lang>`: screen
    /// readers and hyphenation follow it. Absent: `en`.
    public var language: String?
    /// The project's `words:` (``FrontMatterDefaults/words``): a page's own front matter cannot set them.
    public var wordOverrides: [Word: String] = [:]
    /// How to read Jekyll/kramdown-isms in the body. See `Compatibility`.
    public var compatibility: Compatibility = .standard
    /// `bibliography:` — `.bib` files as written (one path or a list), each with where it
    /// stands, resolved relative to the notebook by the report.
    public var bibliography: [LocatedText] = []
    /// `citation-style:` as written (checked against the styles by the report, which knows them).
    public var citationStyle: LocatedText?
    /// `echo:` — every directive shows its source above its output unless it says `echo: false`.
    public var echo = false
    /// `output:` — how much of each directive's explanatory output is shown, unless it says.
    public var output = OutputDetail.full
    /// Keys Parzen does not interpret, in the author's order.
    public var otherKeys: [YAMLEntry] = []
    /// Every key the author wrote, in order: what tells a written value from a project default
    /// (see ``FrontMatterDefaults``).
    public var keys: [String] = []

    public init() {}

    /// The words the page's writers add, in its language with the project's overrides.
    public var words: WordTable { WordTable(language: language, overrides: wordOverrides) }

    /// Every key with a meaning to Parzen, for did-you-mean.
    public static let knownKeys = [
        "title", "description", "authors", "date", "seed", "math", "series", "next", "previous", "compat", "lang",
                                    "bibliography", "citation-style", "echo", "output"]
}

/// An author, optionally with affiliations (the Distill / al-folio shape is accepted).
public struct Author: Sendable, Equatable {
    public var name: String
    public var affiliations: [String]
    public init(name: String, affiliations: [String] = []) {
        self.name = name
        self.affiliations = affiliations
    }
}

/// Membership of a notebook in an ordered series of notebooks.
public struct Series: Sendable, Equatable {
    public var name: String
    /// Position in the series (1-based); notebooks without an order sort by title after those with one.
    public var order: Int?
    public init(name: String, order: Int?) {
        self.name = name
        self.order = order
    }
}

/// A link to another page: a notebook (`other.md`, rendered as `other.html`) or any URL.
public struct PageLink: Sendable, Equatable {
    public var target: String
    public var title: String?
    /// Where the target is written in the front matter, for a warning when it names no notebook.
    public var location: SourceLocation?
    public init(target: String, title: String?, location: SourceLocation? = nil) {
        self.target = target
        self.title = title
        self.location = location
    }

    /// Two links are equal when they lead to the same target with the same title, wherever written.
    public static func == (a: PageLink, b: PageLink) -> Bool { a.target == b.target && a.title == b.title }
}

/// Dialect switches for posts written for other tools.
public enum Compatibility: String, Sendable, Equatable, CaseIterable {
    /// Plain Parzen: CommonMark/GFM plus math, directives and roles.
    case standard
    /// A Jekyll post rendered by kramdown: `{% details %}` blocks, and inline `$…$` math in
    /// which backslash-punctuation is a Markdown escape (`\\{` means `\{`, `\_` means `_`).
    /// Chosen automatically when the front matter has a `layout` key; `compat: standard`
    /// turns it off, `compat: jekyll` turns it on.
    case jekyll
}

/// A front-matter value as written and where it stands, for values checked by a later layer.
public struct LocatedText: Sendable, Equatable {
    public var text: String
    public var location: SourceLocation
    public init(_ text: String, at location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
