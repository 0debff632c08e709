/// The part of a work a citation points at: "p. 12", "ch. 2", "secs. 3–4".
public struct Locator: Sendable, Hashable {
    /// What kind of part (CSL's locator types).
    public enum Label: String, Sendable, Hashable, CaseIterable {
        case book, chapter, column, figure, folio, number, line, note, opus, page, paragraph, part,
             section, subVerbo = "sub verbo", verse, volume

        /// The abbreviations written in Markdown (pandoc's English locator terms), singular and
        /// plural. As in pandoc, "ch." is not one: `[@a, ch. 2]` keeps ", ch. 2" as a suffix.
        static let terms: [(term: String, label: Label)] = [
            ("bk.", .book), ("bks.", .book), ("book", .book), ("books", .book),
            ("chap.", .chapter), ("chaps.", .chapter), ("chapter", .chapter), ("chapters", .chapter),
            ("col.", .column), ("cols.", .column), ("column", .column), ("columns", .column),
            ("fig.", .figure), ("figs.", .figure), ("figure", .figure), ("figures", .figure),
            ("fol.", .folio), ("fols.", .folio), ("folio", .folio), ("folios", .folio),
            ("no.", .number), ("nos.", .number), ("number", .number), ("numbers", .number),
            ("l.", .line), ("ll.", .line), ("line", .line), ("lines", .line),
            ("n.", .note), ("nn.", .note), ("note", .note), ("notes", .note),
            ("op.", .opus), ("opp.", .opus), ("opus", .opus),
            ("p.", .page), ("pp.", .page), ("page", .page), ("pages", .page),
            ("para.", .paragraph), ("paras.", .paragraph), ("paragraph", .paragraph), ("¶", .paragraph),
            ("¶¶", .paragraph),
            ("pt.", .part), ("pts.", .part), ("part", .part), ("parts", .part),
            ("sec.", .section), ("secs.", .section), ("section", .section), ("sections", .section), ("§", .section),
            ("§§", .section),
            ("s.v.", .subVerbo), ("s.vv.", .subVerbo),
            ("v.", .verse), ("vv.", .verse), ("verse", .verse), ("verses", .verse),
            ("vol.", .volume), ("vols.", .volume), ("volume", .volume), ("volumes", .volume),
        ]

        /// The short term a reference list prints (CSL English locale), singular and plural.
        var shortForm: (singular: String, plural: String) {
            switch self {
            case .book: ("bk.", "bks.")
            case .chapter: ("chap.", "chaps.")
            case .column: ("col.", "cols.")
            case .figure: ("fig.", "figs.")
            case .folio: ("fol.", "fols.")
            case .number: ("no.", "nos.")
            case .line: ("l.", "ll.")
            case .note: ("n.", "nn.")
            case .opus: ("op.", "opp.")
            case .page: ("p.", "pp.")
            case .paragraph: ("para.", "paras.")
            case .part: ("pt.", "pts.")
            case .section: ("sec.", "secs.")
            case .subVerbo: ("s.v.", "s.vv.")
            case .verse: ("v.", "vv.")
            case .volume: ("vol.", "vols.")
            }
        }
    }

    /// The kind of part.
    public var label: Label
    /// The value as written ("12", "12-14", "iv, 3").
    public var value: String

    /// "p. 12" is `Locator(.page, "12")`.
    public init(_ label: Label, _ value: String) {
        self.label = label
        self.value = value
    }

    /// Whether the value names more than one part (a range or a list), for "pp." versus "p.".
    var isPlural: Bool { value.contains { "-–,&".contains($0) } }
}
