import ParzenChart

/// What a directive shows in the report at its place, as data. Writers (HTML, and later a
/// notebook file or LaTeX) decide the markup; a directive never writes any.
public enum OutputBlock: Sendable, Equatable, Codable {
    /// A paragraph of text, numbers and inline formulas.
    case paragraph([Inline])
    /// A displayed, unnumbered formula.
    case equation(MathExpression)
    /// An aligned, numbered derivation (numbered apart from the author's equations).
    case derivation(Derivation)
    case table(ResultTable)
    case figure(FigureOutput)
}

/// A small table of results: a header row and rows of cells.
public struct ResultTable: Sendable, Equatable, Codable {
    /// A cell is a short run of inline content; a cell holding one `.quantity` is numeric
    /// and writers align it on the decimal point.
    public typealias Cell = [Inline]

    public var header: [Cell]
    public var rows: [[Cell]]
    public var caption: [Inline]?

    public init(header: [Cell], rows: [[Cell]], caption: [Inline]? = nil) {
        self.header = header
        self.rows = rows
        self.caption = caption
    }
}

/// A numbered figure: a chart or a grid of panels, with the author's caption.
public struct FigureOutput: Sendable, Equatable, Codable {
    public enum Content: Sendable, Equatable, Codable {
        case chart(Chart)
        case smallMultiples(SmallMultiples)
    }

    public var content: Content
    /// The caption the author wrote (`caption:`); the writer prefixes "Figure n."
    public var caption: AuthoredText?

    public init(_ content: Content, caption: AuthoredText?) {
        self.content = content
        self.caption = caption
    }
}
