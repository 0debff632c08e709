import ParzenCitations
import ParzenFormat
import ParzenHTML
import ParzenMarkup

/// Citations and the reference list: ParzenCitations formats them as typed inlines, this
/// writes those as HTML — text escaped, titles' TeX through the page's math, each cited work
/// linked to its entry (`#ref-KEY`), DOIs and URLs as links.
extension HTMLBodyWriter {
    /// A `{cite}` role the citation pass put where a citation stands (or the author wrote).
    /// Written in both passes: a title's formula is parsed in the first and written in the second.
    func citation(_ role: MarkdownRole) -> String {
        guard let citations, let citation = citations.citations[role.location] else {
            return "<span class=\"citation\">" + Escaping.text(role.content) + "</span>"
        }
        let keys = citation.items.map(\.key).joined(separator: " ")
        return "<span class=\"citation\" data-cites=\"\(Escaping.attribute(keys))\">"
            + html(citations.processor.format(citation), citations: citations) + "</span>"
    }

    /// `document` with its reference list placed (``BibliographyPlacement``).
    func placingBibliography(_ document: MarkdownDocument) -> MarkdownDocument {
        let placement = BibliographyPlacement(document, citations: citations, file: file)
        diagnostics += placement.diagnostics
        referenceListLocation = placement.location
        return placement.document
    }

    /// The reference list a `{bibliography}` shows, under a heading at the level of the page's
    /// top sections — none when the heading just before it already is "References" (in the
    /// page's words), as in MyST's `## References` followed by the block.
    func bibliography(at location: SourceLocation, after previous: HeadingEntry?) -> BibliographyMarkup {
        guard location == referenceListLocation, let citations, citations.hasReferences else {
            return BibliographyMarkup(heading: nil, html: "")
        }
        let numeric = citations.processor.style.kind == .numeric
        var out = "<section class=\"references \(numeric ? "numeric" : "author-year")\">\n"
        out += "<ol class=\"reference-list\">\n"
        for entry in citations.processor.references {
            out += "<li class=\"reference\" id=\"\(Escaping.attribute(Self.referenceAnchor(entry.key)))\">"
            if let label = entry.label { out += "<span class=\"reference-label\">[\(Escaping.text(label))]</span> " }
            out += html(entry.content, citations: citations) + "</li>\n"
        }
        let title = words[.references]
        let named = previous.map { $0.text.lowercased() == title.lowercased() } ?? false
        return BibliographyMarkup(heading: named ? nil : (topHeadingLevel, title), html: out + "</ol>\n</section>\n")
    }

    /// `ref-` and the key, bytes outside `[A-Za-z0-9._-]` as `-XX` hex: an id and a fragment
    /// that need no further escaping and cannot collide for different keys.
    static func referenceAnchor(_ key: String) -> String {
        "ref-" + key.utf8.map { byte in
            let scalar = Unicode.Scalar(byte)
                let plain =
                    byte < 0x80
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "._".unicodeScalars.contains(scalar))
            return plain ? String(scalar) : "-" + String(byte, radix: 16, uppercase: true)
        }.joined()
    }

    private func html(_ pieces: [CitationInline], citations: PageCitations) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): return Escaping.text(text)
            case .emphasis(let inner): return "<em>" + html(inner, citations: citations) + "</em>"
            case .strong(let inner): return "<strong>" + html(inner, citations: citations) + "</strong>"
            case .tex(let tex): return formula(tex, display: false, origin: .generated(citations.bibliographyLocation))
            case .link(let url, let inner):
                // A `.bib` file is the author's, but a `javascript:` URL in it would still run.
                guard URLSafety.isSafeLink(url) else { return html(inner, citations: citations) }
                return "<a class=\"reference-link\" href=\"\(Escaping.attribute(url))\">"
                    + html(inner, citations: citations) + "</a>"
            case .reference(let key, let inner):
                return "<a class=\"citation-link\" href=\"#\(Self.referenceAnchor(key))\">"
                    + html(inner, citations: citations) + "</a>"
            }
        }.joined()
    }
}
