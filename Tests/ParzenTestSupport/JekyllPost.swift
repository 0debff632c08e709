import Foundation

/// A blog post written for Jekyll (kramdown + Liquid, al-folio's `distill` layout) with the
/// facts about it that the tests of every layer check, counted by hand or by regular
/// expressions over the source, never taken from Parzen's output.
///
/// Two posts exist: `own`, written for this repository (`Tests/Fixtures/jekyll-post.md`,
/// always present), and `seed`, the post in `../shared/seed/` (tests of it carry
/// `.requiresSharedFolder`). Both use the same dialect: front matter with authors and a
/// table of contents, `{% details %}`, kramdown-escaped inline math, `\eqref` in prose, raw
/// HTML (`<d-byline>`, a floated link) and a mis-encoded arrow.
public struct JekyllPost: Sendable {
    /// A line and a 1-based column in the post file.
    public struct Position: Sendable, Equatable {
        public var line: Int
        public var column: Int
    }

    public var name: String
    public var url: URL
    public var title: String
    public var author: String
    public var affiliation: String
    /// The first line after the front matter's closing `---`.
    public var bodyFirstLine: Int
    /// `$…$` and `$$…$$` spans, counted with `\$\$(.+?)\$\$` (dotall), then `\$([^$]+?)\$`.
    public var inlineMathCount: Int
    public var displayMathCount: Int
    /// The first inline formula with kramdown's escapes removed, and where its TeX starts.
    public var firstInlineTeX: String
    public var firstInlineAt: Position
    /// Where the TeX of the first display formula starts (just after `$$`).
    public var firstDisplayAt: Position
    /// A piece of display math that must arrive untouched (row separators `\\` included).
    public var displayExcerpt: String
    /// The one `{% details %}` block: its summary and how many blocks it holds.
    public var detailsSummary: String
    public var detailsBlockCount: Int
    /// The mis-encoded text as it stands in the file (UTF-8 read as Windows-1252).
    public var mojibake: String
    /// The labels of `\eqref{…}` in the prose, in order.
    public var proseReferences: [String]
    /// Numbered equations (one per `equation`, one per `align` row), a labelled one and its
    /// number.
    public var equationCount: Int
    public var labelledEquation: (label: String, number: Int)
    /// HTML that cmark-gfm (with Parzen's heading ids and disclosures) writes for parts of
    /// the post, derived by hand from the source.
    public var emphasisHTML: String
    public var headingHTML: String
    public var detailsHTML: String
    public var bylineHTML: String

    public var text: String {
        get throws { try String(contentsOf: url, encoding: .utf8) }
    }

    /// The post's body (after the front matter) and the number of lines before it.
    public func body() throws -> (body: String, lineOffset: Int) {
        let lines = try text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines[(bodyFirstLine - 1)...].joined(separator: "\n"), bodyFirstLine - 1)
    }

    public static let own = JekyllPost(
        name: "own", url: Fixtures.file("jekyll-post.md"),
        title: "Smoothing 1 - From Histograms to Parzen Windows",
        author: "Ada Quetelet", affiliation: "Université de Gand", bodyFirstLine: 19,
        inlineMathCount: 69, displayMathCount: 14,
        firstInlineTeX: "\\mathcal{S}=\\left\\{y_{j}\\right\\}_{j=1}^{n}",
        firstInlineAt: Position(line: 32, column: 22),
        firstDisplayAt: Position(line: 34, column: 3),
        displayExcerpt: "\\frac{1}{2} & \\vert u\\vert\\le1\\\\\n0 & \\text{otherwise}",
        detailsSummary: "Where the name comes from", detailsBlockCount: 2,
        mojibake: "Mixtures of Gaussians \u{E2}\u{2020}\u{2019}",
        proseReferences: ["eq:histogram", "eq:loo", "eq:loo", "eq:amise", "eq:parzen"],
        equationCount: 13, labelledEquation: ("eq:loo", 7),
        emphasisHTML: "the honest first answer is <em>a picture of where the numbers fall</em>.",
        headingHTML: "<h1 id=\"counting-in-bins\"><strong>Counting in Bins</strong></h1>",
        detailsHTML: "<details>\n<summary>Where the name comes from</summary>\n<p>Emanuel Parzen studied",
        bylineHTML: "<span style=\"float:right\"><a href=\"\">Mixtures of Gaussians \u{E2}\u{2020}\u{2019}</a></span>\n"
            + "<br>\n<d-byline></d-byline>"
    )

    public static let seed = JekyllPost(
        name: "seed", url: Fixtures.sharedFile("seed/what-is-a-generative-model.md"),
        title: "Generative Models 0 - What is a Generative Model?",
        author: "Roy Friedman", affiliation: "Hebrew University", bodyFirstLine: 18,
        inlineMathCount: 55, displayMathCount: 15,
        firstInlineTeX: "\\mathcal{D}=\\left\\{x_{i}\\right\\}_{i=1}^{N}",
        firstInlineAt: Position(line: 34, column: 50),
        firstDisplayAt: Position(line: 36, column: 3),
        displayExcerpt: "\\infty & x=0\\\\\n0 & \\text{otherwise}",
        detailsSummary: "A note about naming", detailsBlockCount: 3,
        mojibake: "A Linear Model \u{E2}\u{2020}\u{2019}",
        proseReferences: ["eq:RBF-KDE", "eq:RBF-KDE"],
        equationCount: 19, labelledEquation: ("eq:RBF-KDE", 2),
        emphasisHTML: "you want to <em>model the generative process of the creation of the data</em>.",
        headingHTML: "<h1 id=\"definition-of-a-generative-model\">"
            + "<strong>Definition of a Generative Model</strong></h1>",
        detailsHTML: "<details>\n<summary>A note about naming</summary>\n<p>Generative models that have",
        bylineHTML: "<span style=\"float:right\"><a href=\"\">A Linear Model \u{E2}\u{2020}\u{2019}</a></span>\n"
            + "<br>\n<d-byline></d-byline>"
    )
}
