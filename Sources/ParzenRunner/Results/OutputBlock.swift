/// What a directive shows in the report at its place. The report decides the HTML; a
/// directive only says what to show, so directives never build markup by hand.
public enum OutputBlock: Sendable {
    /// Markdown (with `$…$` math), rendered like the author's own prose. Insert literal
    /// text with `MarkdownText.escape(_:)`.
    case markdown(String)
    /// A TeX formula, typeset like the author's math; environments such as `align` are
    /// numbered and `\label`s can be referenced from prose.
    case math(String, display: Bool)
    case table(ResultTable)
    /// An SVG figure from ParzenPlot (already escaped), with a Markdown caption.
    case figure(Figure)
    /// Monospaced text, shown as is (escaped).
    case preformatted(String)
}

/// A small table of results: a header row and rows of cells.
public struct ResultTable: Sendable {
    public enum Cell: Sendable {
        /// Markdown text (may contain `$…$`).
        case markdown(String)
        /// A number, formatted by the report with the default precision.
        case number(Double)
    }

    public var header: [Cell]
    public var rows: [[Cell]]
    /// A caption in Markdown.
    public var caption: String?

    public init(header: [Cell], rows: [[Cell]], caption: String? = nil) {
        self.header = header
        self.rows = rows
        self.caption = caption
    }
}

/// A numbered figure.
public struct Figure: Sendable {
    /// The SVG markup, produced by ParzenPlot (which escapes everything it interpolates).
    public var svg: String
    /// The caption in Markdown; the report prefixes "Figure n."
    public var caption: String?

    public init(svg: String, caption: String?) {
        self.svg = svg
        self.caption = caption
    }
}

/// Escaping for text inserted into Markdown that a directive writes.
public enum MarkdownText {
    /// Backslash-escapes every ASCII punctuation character, so names such as `old_faithful.csv`
    /// or `a*b` appear literally instead of becoming emphasis or math.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if asciiPunctuation.contains(scalar) { out += "\\" }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// CommonMark's escapable characters.
    private static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)
}
