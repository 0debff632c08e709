/// A piece of a BibTeX field's text once its TeX is read: accents and escapes are Unicode,
/// `{…}` case protection and `$…$` math survive as their own pieces, so a style can change
/// the case of the rest and the report can typeset the math through ParzenMath.
public indirect enum BibText: Sendable, Hashable {
    /// Plain text (TeX escapes, accents, dashes and `~` already turned into Unicode).
    case text(String)
    /// `{…}` written by the author: a style must not change the case of what is inside.
    case protected([BibText])
    /// `\emph{…}`, `\textit{…}`, `{\em …}`, `{\it …}`.
    case emphasis([BibText])
    /// `\textbf{…}`, `{\bf …}`.
    case strong([BibText])
    /// Inline math (`$…$` or `\(…\)`), as TeX source without the delimiters.
    case math(String)

    /// The text without markup; math is given as its TeX source between `$` signs.
    public static func plainText(_ pieces: [BibText]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .protected(let inner), .emphasis(let inner), .strong(let inner): plainText(inner)
            case .math(let tex): "$\(tex)$"
            }
        }.joined()
    }
}
