/// What a `{bibliography}` block shows (see ``HTMLRenderer/bibliography``): a heading, which
/// the renderer writes and lists with the page's other headings (its `id` made unique with
/// theirs), then the reference list as HTML.
public struct BibliographyMarkup: Sendable, Hashable {
    /// The heading's level (1…6) and plain text; nil writes no heading.
    public var heading: (level: Int, text: String)?
    /// The list, as HTML.
    public var html: String

    public init(heading: (level: Int, text: String)?, html: String) {
        self.heading = heading
        self.html = html
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.heading?.level == b.heading?.level && a.heading?.text == b.heading?.text && a.html == b.html
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(heading?.level)
        hasher.combine(heading?.text)
        hasher.combine(html)
    }
}
