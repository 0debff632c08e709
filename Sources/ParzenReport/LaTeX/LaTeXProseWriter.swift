import ParzenCitations
import ParzenFormat
import ParzenHTML
import ParzenMarkup
import ParzenRunner

/// The author's Markdown tree as LaTeX: headings as sections (labelled with the HTML page's
/// heading ids, so `{ref}` and `\ref` to a section work), emphasis, code, links, lists,
/// quotes, code blocks as `verbatim`, tables as `booktabs` tabulars, footnotes as
/// `\footnote`. The author's math is passed through as TeX; `\label`, `\ref` and `\eqref`
/// are left to LaTeX (amsmath). Directive fences are handed to `directive`.
///
/// Images are included by their resolved path (PNG and JPEG; others are framed alt text with a
/// warning); a link to a sibling notebook points to its `.pdf` beside this one, without the
/// `#section` (pdflatex's anchors are not the page's ids). Raw HTML is left out with a warning.
final class LaTeXProseWriter {
    let file: String
    let table: ReferenceTable
    /// The page's words (references print "Abbildung~\\ref{…}" in German).
    var words: WordTable { table.words }
    let values: ValueLookup
    let footnotes: [MarkdownFootnote]
    /// Writes a directive's outputs at its place.
    var directive: (DirectiveFence) -> String = { _ in "" }
    private(set) var diagnostics: [Diagnostic] = []
    /// The shallowest heading level in the document: it becomes `\section`.
    private let topLevel: Int
    /// Section ids already given out, by heading text, for repeated headings.
    private var usedSections: [String: Int] = [:]

    /// The images, for their resolved paths, and the links to sibling notebooks.
    let resources: PageResources
    private var images: PageImages { resources.images }
    /// The page's citations, formatted as on the HTML page; nil: citations are shown as written.
    var citations: PageCitations?
    /// The `{bibliography}` that holds the reference list (``BibliographyPlacement``).
    var referenceListLocation: SourceLocation?
    /// The plain text of the heading written last, for the reference list's own heading.
    private var lastHeading: String?

    init(notebook: Notebook, run: NotebookRun, table: ReferenceTable, resources: PageResources = .none) {
        file = notebook.path
        self.resources = resources
        self.table = table
        values = ValueLookup(file: notebook.path, fences: notebook.directiveFences, run: run)
        footnotes = notebook.document.footnotes
        topLevel = notebook.document.blocks.compactMap {
            if case .heading(let level, _) = $0.kind { level } else { nil }
        }.min() ?? 2
    }

    func warn(_ message: String, at location: SourceLocation, fix: String? = nil) {
        diagnostics.append(Diagnostic(.warning, file: file, at: location, message, fix: fix))
    }

    func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// The author's TeX with each `\val{…}` replaced by its number: LaTeX gets the number itself.
    func formula(_ span: MathSpan) -> String {
        let substituted = SubstitutedFormula(span.tex, values: values) { span.location(ofUTF8Offset: $0) }
        diagnostics += substituted.diagnostics
        return substituted.tex
    }

    // MARK: Blocks

    func blocks(_ blocks: [MarkdownBlock]) -> String {
        blocks.map(block).joined(separator: "\n")
    }

    func block(_ block: MarkdownBlock) -> String {
        switch block.kind {
        case .paragraph(let inlines):
            return inline(inlines) + "\n"
        case .heading(let level, let inlines):
            let commands = ["section", "subsection", "subsubsection", "paragraph", "subparagraph"]
            let command = commands[min(max(level - topLevel, 0), commands.count - 1)]
            lastHeading = HTMLRenderer.plainText(inlines)
            let label = sectionID(HTMLRenderer.plainText(inlines)).map { "\\label{" + LaTeXText.key($0) + "}" } ?? ""
            return "\\\(command){\(inline(inlines))}\(label)\n"
        case .thematicBreak:
            return "\\begin{center}\\rule{0.4\\linewidth}{0.4pt}\\end{center}\n"
        case .blockQuote(let children):
            return "\\begin{quote}\n" + blocks(children) + "\\end{quote}\n"
        case .list(let list):
            return self.list(list)
        case .codeBlock(_, let text):
            return Self.verbatim(text)
        case .htmlBlock:
            warn("raw HTML is not written to LaTeX", at: block.location,
                 fix: "write the content as Markdown if the PDF needs it")
            return ""
        case .table(let table):
            return self.table(table)
        case .displayMath(let span):
            return Self.displayMath(formula(span))
        case .directive(let fence):
            return directive(fence)
        case .details(let summary, let children):
            return "\\paragraph*{" + inline(summary) + "}\n" + blocks(children)
        case .admonition(let box):
            // A note, tip, warning … or dropdown: an indented block under its bold title (print has
            // no colours to tell the kinds apart, so the title says which).
            let title = box.title.isEmpty ? LaTeXText.escaped(box.kind.defaultTitle ?? "") : inline(box.title)
            // An untitled `{margin}` is a quote with no title line.
            let heading = title.isEmpty ? "" : "\\textbf{" + title + ".}\n"
            return "\\begin{quote}\n" + heading + blocks(box.blocks) + "\\end{quote}\n"
        case .float(let float):
            return self.float(float)
        case .epigraph(let epigraph):
            let attribution = epigraph.attribution.isEmpty ? ""
                : "\\par\\hfill\\upshape---\\," + inline(epigraph.attribution) + "\n"
            return "\\begin{quote}\n\\itshape\n" + blocks(epigraph.blocks) + attribution + "\\end{quote}\n"
        case .bibliography:
            return referenceList(at: block.location)
        }
    }

    /// A `{figure}` as a `figure` float with `\includegraphics` of the image's resolved path
    /// (pdflatex reads PNG and JPEG; other types are described in a frame, with a warning), a
    /// `{table}` as a `table` float. LaTeX counts both, so `\ref` prints its own numbers.
    private func float(_ float: MarkdownFloat) -> String {
        // A one-paragraph caption without its final newline, so `\label` follows on its line.
        var caption = blocks(float.caption)
        if float.caption.count == 1, case .paragraph = float.caption[0].kind { caption = String(caption.dropLast()) }
        var out: String
        switch float.content {
        case .image(let path, let at, let alt, let width):
            out = "\\begin{figure}[htbp]\n\\centering\n"
            let scale = width.flatMap(Self.fraction).map { "[width=\($0)\\linewidth]" } ?? Self.fittedScale
            out += graphic(images.images[float.location], path: path, at: at, alt: alt ?? path, scale: scale) + "\n"
            if !float.caption.isEmpty { out += "\\caption{" + caption + "}" }
        case .table:
            out = "\\begin{table}[htbp]\n"
            if !float.caption.isEmpty { out += "\\caption{" + caption + "}" }
        }
        if let name = float.name { out += "\\label{" + LaTeXText.key(name) + "}" }
        out += "\n"
        if case .table(let table) = float.content {
            out += self.table(table) + "\\end{table}\n"
        } else {
            out += "\\end{figure}\n"
        }
        return out
    }

    /// An image's own size, capped by the line and by most of the page's height.
    private static let fittedScale = "[width=\\linewidth, height=0.6\\textheight, keepaspectratio]"

    /// `\includegraphics` of an image as read (pdflatex reads PNG and JPEG, at a path it can
    /// take verbatim), else `alt` in a frame — with a warning when the image was read but cannot
    /// be included (a missing one was reported as an error when it was read).
    private func graphic(_ image: EmbeddedImage?, path: String, at location: SourceLocation, alt: String,
                         scale: String) -> String {
        // `\includegraphics` takes the path verbatim: spaces or TeX specials would break it.
        let safePath = { (path: String) in
            path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-".contains($0)) }
        }
        if let image, image.type == .png || image.type == .jpeg, safePath(image.path) {
            return "\\includegraphics\(scale){\(image.path)}"
        }
        if image != nil {
            warn("pdflatex cannot include the image '\(path)' (only PNG and JPEG, at a path of letters, "
                     + "digits, '/', '.', '_' and '-'); the PDF shows its alt text in a frame",
                 at: location, fix: "save a PNG copy under a plain name and name that in the notebook")
        }
        return "\\fbox{\\parbox{0.8\\linewidth}{\\centering " + LaTeXText.escaped(alt) + "}}"
    }

    /// A CSS percentage as a fraction of the line width (`80%` → `0.8`); other units are left
    /// to the image's own size, capped by the line.
    private static func fraction(_ width: String) -> String? {
        guard width.hasSuffix("%"), let percent = Double(width.dropLast()) else { return nil }
        return NumberFormat.plain(min(percent, 100) / 100)
    }

    /// Code as `verbatim`, in a smaller type so that 80-column lines fit the text width.
    static func verbatim(_ text: String) -> String {
        // `\end{verbatim}` inside the code would end the environment early.
        let body = text.replacingOccurrences(of: "\\end{verbatim}", with: "\\end {verbatim}")
        return "{\\small\n\\begin{verbatim}\n" + body + (body.hasSuffix("\n") ? "" : "\n") + "\\end{verbatim}\n}\n"
    }

    /// Display math: an environment the author wrote stands alone; a formula with a label is
    /// a numbered `equation`, any other an unnumbered `equation*`.
    static func displayMath(_ tex: String) -> String {
        let trimmed = tex.trimmingCharacters(in: .whitespacesAndNewlines)
        let standalone = ["align", "gather", "multline", "flalign", "equation", "eqnarray", "subequations"]
        // Whole names only: `aligned` (which needs math around it) is not `align`.
        let opens = { (name: String) in ["}", "*}"].contains { trimmed.hasPrefix("\\begin{" + name + $0) } }
        if standalone.contains(where: opens) {
            return trimmed + "\n"
        }
        let numbered = trimmed.contains("\\label") || trimmed.contains("\\tag")
        let environment = numbered ? "equation" : "equation*"
        // A line break without an environment would be an error in `equation`: split it.
        let body = trimmed.contains("\\\\") ? "\\begin{split}\n" + trimmed + "\n\\end{split}" : trimmed
        return "\\begin{\(environment)}\n" + body + "\n\\end{\(environment)}\n"
    }

    private func list(_ list: MarkdownList) -> String {
        let environment = list.isOrdered ? "enumerate" : "itemize"
        var out = "\\begin{\(environment)}\n"
        if list.isOrdered && list.start != 1 { out += "\\setcounter{enumi}{\(list.start - 1)}\n" }
        for item in list.items {
            let marker = item.isChecked.map { $0 ? "[$\\boxtimes$]" : "[$\\square$]" } ?? ""
            out += "\\item\(marker) " + blocks(item.blocks)
        }
        return out + "\\end{\(environment)}\n"
    }

    private func table(_ table: MarkdownTable) -> String {
        let columns = table.alignments.map { alignment -> String in
            switch alignment {
            case .center: "c"
            case .right: "r"
            case .none, .left: "l"
            }
        }.joined()
        func row(_ cells: [[MarkdownInline]]) -> String { cells.map(inline).joined(separator: " & ") + " \\\\\n" }
        return "\\begin{center}\n\\begin{tabular}{\(columns)}\n\\toprule\n" + row(table.header) + "\\midrule\n"
            + table.rows.map(row).joined() + "\\bottomrule\n\\end{tabular}\n\\end{center}\n"
    }

    /// The id the HTML page gave the nth heading with this text (its slug, then `-1`, `-2`).
    private func sectionID(_ text: String) -> String? {
        let ids = table.labels.filter { table[$0]?.kind == .section && table[$0]?.number == text }
            .sorted { ($0.count, $0) < ($1.count, $1) }
        let occurrence = usedSections[text, default: 0]
        usedSections[text] = occurrence + 1
        return occurrence < ids.count ? ids[occurrence] : nil
    }

    // MARK: Inlines

    func inline(_ inlines: [MarkdownInline]) -> String {
        inlines.map(inline).joined()
    }

    private func inline(_ piece: MarkdownInline) -> String {
        switch piece.kind {
        case .text(let text): return LaTeXText.escaped(text)
        case .softBreak: return "\n"
        case .lineBreak: return "\\\\\n"
        case .code(let text): return LaTeXText.code(text)
        case .html:
            warn("inline HTML is not written to LaTeX", at: piece.location)
            return ""
        case .emphasis(let inner): return "\\emph{" + inline(inner) + "}"
        case .strong(let inner): return "\\textbf{" + inline(inner) + "}"
        case .strikethrough(let inner):
            warn("strikethrough is written as plain text in LaTeX", at: piece.location)
            return inline(inner)
        case .link(let destination, _, let text):
            if let report = resources.links.destination(at: piece.location, extension: "pdf") {
                let file = report.prefix { $0 != "#" }
                return "\\href{" + LaTeXText.url(String(file)) + "}{" + inline(text) + "}"
            }
            if destination.hasPrefix("#") {
                return "\\hyperref[" + LaTeXText.key(String(destination.dropFirst())) + "]{" + inline(text) + "}"
            }
            return "\\href{" + LaTeXText.url(destination) + "}{" + inline(text) + "}"
        case .image(let source, _, let description):
            guard let image = images.images[piece.location] else {
                if PageImages.isRemote(source) {
                    warn("the remote image '\(source)' is not included in LaTeX; its description is shown",
                         at: piece.location, fix: "save it next to the notebook and use a relative path")
                }
                return "[" + inline(description) + "]"
            }
            return graphic(image, path: source, at: piece.location, alt: HTMLRenderer.plainText(description),
                           scale: Self.fittedScale)
        case .footnoteReference(let number, let occurrence):
            guard occurrence == 1, number >= 1, number <= footnotes.count else { return "" }
            var text = blocks(footnotes[number - 1].blocks)
            while text.last == "\n" { text.removeLast() }
            return "\\footnote{" + text + "}"
        case .math(let span): return "$" + formula(span) + "$"
        case .role(let role): return self.role(role)
        case .reference(let reference):
            return (reference.isParenthesized ? "\\eqref{" : "\\ref{") + reference.label + "}"
        }
    }

    private func role(_ role: MarkdownRole) -> String {
        switch role.name {
        case "value":
            switch values.text(for: role) {
            case .success(let text): return LaTeXText.escaped(text)
            case .failure(let missing):
                if let diagnostic = missing.diagnostic { report(diagnostic) }
                return "??"
            }
        case "ref", "numref":
            return reference(role.content, at: role.contentLocation)
        case "cite":
            guard let citations, let citation = citations.citations[role.location] else {
                return "[" + LaTeXText.escaped(role.content) + "]"
            }
            return latex(citations.processor.format(citation))
        default:
            report(Diagnostic(.error, file: file, at: role.location, "unknown role '{\(role.name)}'",
                              fix: Suggestion.fix(for: role.name, among: ["value", "ref", "numref", "cite"])))
            return LaTeXText.code(role.content)
        }
    }

    /// `{ref}` as LaTeX cross-references, worded as the HTML page words them.
    func reference(_ label: String, at location: SourceLocation) -> String {
        guard let entry = table[label] else {
            report(Diagnostic(.error, file: file, at: location, "reference to undefined label '\(label)'",
                              fix: table.fix(for: label)))
            return "??"
        }
        let key = LaTeXText.key(label)
        switch entry.kind {
        case .figure: return LaTeXText.escaped(words[.figure]) + "~\\ref{\(key)}"
        case .table: return LaTeXText.escaped(words[.table]) + "~\\ref{\(key)}"
        case .equation: return LaTeXText.escaped(words[.equation]) + "~\\eqref{\(label)}"
        case .section: return LaTeXText.escaped(words[.section]) + "~\\ref{\(key)}"
        }
    }
}

extension LaTeXProseWriter {
    /// The reference list at the `{bibliography}` that holds it: an unnumbered section in the
    /// page's words (none when the heading before it already says so), then the entries with a
    /// hanging indent, each a `\\hypertarget` the citations link to, as on the page.
    func referenceList(at location: SourceLocation) -> String {
        guard location == referenceListLocation, let citations, citations.hasReferences else { return "" }
        let title = words[.references]
        var out = lastHeading?.lowercased() == title.lowercased() ? "" : "\\section*{\(LaTeXText.escaped(title))}\n"
        let numeric = citations.processor.style.kind == .numeric
        out += "\\begin{list}{}{\\setlength{\\leftmargin}{\(numeric ? "2.5em" : "1.5em")}"
            + "\\setlength{\\itemindent}{\(numeric ? "0pt" : "-1.5em")}\\setlength{\\itemsep}{0.2\\baselineskip}}\n"
        for entry in citations.processor.references {
            let label = entry.label.map { "[{[\(LaTeXText.escaped($0))]}]" } ?? "[]"
            out += "\\item\(label) \\hypertarget{\(HTMLBodyWriter.referenceAnchor(entry.key))}{}"
                + latex(entry.content) + "\n"
        }
        return out + "\\end{list}\n"
    }

    /// What ParzenCitations formats, as LaTeX: links as `\\href` (a URL shown as itself as `\\url`,
    /// which may break), citations as `\\hyperlink`s to their entries.
    func latex(_ pieces: [CitationInline]) -> String {
        pieces.map { piece in
            switch piece {
            case .text(let text): LaTeXText.escaped(text)
            case .emphasis(let inner): "\\emph{" + latex(inner) + "}"
            case .strong(let inner): "\\textbf{" + latex(inner) + "}"
            case .tex(let tex): "$" + tex + "$"
            case .link(let url, let inner):
                !URLSafety.isSafeLink(url) ? latex(inner)
                    : inner == [.text(url)] ? "\\url{" + LaTeXText.url(url) + "}"
                    : "\\href{" + LaTeXText.url(url) + "}{" + latex(inner) + "}"
            case .reference(let key, let inner):
                "\\hyperlink{" + HTMLBodyWriter.referenceAnchor(key) + "}{" + latex(inner) + "}"
            }
        }.joined()
    }
}
