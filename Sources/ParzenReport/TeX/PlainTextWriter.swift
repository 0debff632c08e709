import ParzenMarkup
import ParzenRunner

/// Inline content for a terminal: text as is, names in backticks, formulas as their TeX.
public enum PlainTextWriter {
    public static func text(_ inlines: [Inline]) -> String {
        inlines.map { piece -> String in
            switch piece {
            case .text(let text): text
            case .code(let text): "`" + text + "`"
            case .math(let expression): TeXWriter.tex(expression)
            case .quantity(let quantity, let showsError): HTMLBodyWriter.prose(quantity, showsError: showsError)
            case .emphasis(let inner), .oncePerPage(_, let inner): text(inner)
            case .reference(let label): label
            case .authored(let authored): authored.markdown
            }
        }.joined()
    }
}
