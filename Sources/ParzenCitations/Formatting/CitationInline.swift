/// A piece of formatted citation or reference-list text — typed, not HTML, so each writer
/// escapes it for its own context and typesets math with ParzenMath.
public indirect enum CitationInline: Sendable, Hashable {
    /// Plain text (not escaped: the writer escapes it).
    case text(String)
    /// Italic text (titles of books and journals).
    case emphasis([CitationInline])
    /// Bold text (from `\textbf` in a `.bib` field).
    case strong([CitationInline])
    /// A link to `url` (DOIs as `https://doi.org/…`, URLs as written).
    case link(url: String, [CitationInline])
    /// Inline math from a `.bib` field, as TeX source without delimiters.
    case tex(String)
    /// One cited work inside a citation; writers link it to the reference-list entry `key`.
    case reference(key: String, [CitationInline])

    /// The text without markup (math as TeX between `$` signs), e.g. for comparing with pandoc's
    /// plain-text output or for a `title` attribute.
    public static func plainText(_ pieces: [CitationInline]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): text
            case .emphasis(let inner), .strong(let inner), .link(_, let inner), .reference(_, let inner):
                plainText(inner)
            case .tex(let tex): "$\(tex)$"
            }
        }.joined()
    }

    /// Neighbouring text pieces joined (at every depth) and empty ones dropped, so equal output
    /// has one representation.
    static func merged(_ pieces: [CitationInline]) -> [CitationInline] {
        var result: [CitationInline] = []
        for piece in pieces {
            let piece: CitationInline = switch piece {
            case .emphasis(let inner): .emphasis(merged(inner))
            case .strong(let inner): .strong(merged(inner))
            case .link(let url, let inner): .link(url: url, merged(inner))
            case .reference(let key, let inner): .reference(key: key, merged(inner))
            case .text, .tex: piece
            }
            if piece == .text("") { continue }
            if case .text(let b) = piece, case .text(let a)? = result.last {
                result[result.count - 1] = .text(a + b)
            } else {
                result.append(piece)
            }
        }
        return result
    }

    /// The inline form of `.bib` text: protection braces have done their work (case is settled
    /// by now), math becomes a TeX span.
    static func from(_ pieces: [BibText]) -> [CitationInline] {
        pieces.flatMap { piece -> [CitationInline] in
            switch piece {
            case .text(let text): [.text(text)]
            case .protected(let inner): from(inner)
            case .emphasis(let inner): [.emphasis(from(inner))]
            case .strong(let inner): [.strong(from(inner))]
            case .math(let tex): [.tex(tex)]
            }
        }
    }
}
