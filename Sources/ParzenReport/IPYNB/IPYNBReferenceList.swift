import ParzenCitations
import ParzenFormat
import ParzenMarkup

/// The reference list as a Jupyter markdown cell: a heading in the page's words (none when the
/// prose just before ends in that heading), then one paragraph per work, each with an anchor
/// `ref-KEY` as on the page. Citations in the prose stay as written in `.ipynb`.
struct IPYNBReferenceList {
    let citations: PageCitations
    let words: WordTable

    func markdown(after prose: String) -> String {
        let title = words[.references]
        let lastLine = prose.split(separator: "\n").last.map { $0.drop { $0 == "#" }.trimmingPrefix(" ") }
        var out = lastLine.map { $0.lowercased() == title.lowercased() } == true ? "" : "## " + Escaping.markdown(title)
            + "\n\n"
        for entry in citations.processor.references {
            let label = entry.label.map { "[\(Escaping.markdown($0))] " } ?? ""
            let anchor = "<a id=\"\(HTMLBodyWriter.referenceAnchor(entry.key))\"></a>"
            out += anchor + label + markdown(entry.content) + "\n\n"
        }
        while out.last == "\n" { out.removeLast() }
        return out
    }

    private func markdown(_ pieces: [CitationInline]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): Escaping.markdown(text)
            case .emphasis(let inner): "*" + markdown(inner) + "*"
            case .strong(let inner): "**" + markdown(inner) + "**"
            case .tex(let tex): "$" + tex + "$"
            case .link(let url, let inner):
                URLSafety.isSafeLink(url) ? "[" + markdown(inner) + "](<" + url + ">)" : markdown(inner)
            case .reference(let key, let inner):
                "[" + markdown(inner) + "](#" + HTMLBodyWriter.referenceAnchor(key) + ")"
            }
        }.joined()
    }
}
