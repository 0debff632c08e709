import ParzenFormat

/// One piece of the text a directive writes: prose, a table cell or a caption is a list of
/// these. Text is always text — a writer escapes it for its format — so nothing a directive
/// says is ever parsed as Markdown, TeX or HTML again.
public indirect enum Inline: Sendable, Equatable {
    /// Plain words.
    case text(String)
    /// A name shown verbatim: a label, a column, a file.
    case code(String)
    /// An inline formula.
    case math(MathExpression)
    /// A number, printed by the writer to its precision (with "± se" when it has one and
    /// `showsError` is set).
    case quantity(Quantity, showsError: Bool)
    /// Emphasised words.
    case emphasis([Inline])
    /// A link to something with a number on the page: an equation (derivations included),
    /// a figure, a table or a section, resolved by the writer's reference table.
    case reference(label: String)
    /// Text the author wrote in an option (a caption), as Markdown, with where it came from:
    /// the writer parses it as inline Markdown only, so a fence in it is shown as text.
    case authored(AuthoredText)
    /// An explanation a page gives once ("The bandwidth β is the kernel's variance …"): the
    /// runner keeps the first with each key, in page order, and drops the rest
    /// (`OncePerPage`), so that a directive's result does not depend on the cells above it —
    /// it can be cached, and cells can run in any order.
    case oncePerPage(key: String, [Inline])

    /// A number without its standard error.
    public static func number(_ value: Double, digits: Int = 4) -> Inline {
        .quantity(Quantity(value, digits: digits), showsError: false)
    }

    /// A number with "± standard error".
    public static func estimate(_ value: Double, standardError: Double) -> Inline {
        .quantity(Quantity(value, standardError: standardError), showsError: true)
    }

    /// A count, printed as a whole number.
    public static func count(_ n: Int) -> Inline { .quantity(.count(n), showsError: false) }
}

/// Markdown an author wrote inside a directive's options (a caption), with its position.
public struct AuthoredText: Sendable, Equatable, Codable {
    public var markdown: String
    /// Where the text starts in the notebook (the option's value).
    public var location: SourceLocation

    public init(_ markdown: String, at location: SourceLocation) {
        self.markdown = markdown
        self.location = location
    }
}

extension Array where Element == Inline {
    /// Joins phrases with commas and a final "and": "a", "a and b", "a, b and c".
    public static func list(_ items: [[Inline]]) -> [Inline] {
        var out: [Inline] = []
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(.text(index == items.count - 1 ? " and " : ", ")) }
            out += item
        }
        return out
    }
}
