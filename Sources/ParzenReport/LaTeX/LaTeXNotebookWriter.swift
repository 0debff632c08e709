import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// The LaTeX writer: a notebook and its run → one standalone `.tex` document for pdflatex.
///
/// - The title block comes from the front matter (title, authors, date; the description as
///   an abstract); `math.macros` become `\newcommand`s, so the author's math is passed
///   through as written, with `\label`, `\ref` and `\eqref` left to LaTeX (amsmath).
/// - The prose is converted from the Markdown tree (`LaTeXProseWriter`); `{value}` prints
///   the number (`ValueLookup`, as every writer), `{ref}` becomes `\ref`/`\eqref` worded
///   as on the HTML page, `{cite}` is shown as written.
/// - Directive outputs come from the typed results (`LaTeXOutputWriter`); figures are
///   `pgfplots` code written from the chart values (`PGFPlotsWriter`).
///
/// Limits: raw HTML is left out (with a warning); images pdflatex cannot read (SVG, GIF,
/// WebP, remote) are framed alt text (with a warning); citations are not yet typeset
/// by biblatex. Figures and tables float (`[htbp]`), so one may land a page after its text.
/// LaTeX numbers figures in the order they appear, so a figure after a failed `{plot}`
/// gets a number one lower than on the HTML page.
public struct LaTeXNotebookWriter: NotebookWriter {
    /// The directives, for what each fence declares (figures, derivations).
    public let registry: DirectiveRegistry

    /// Whether `.bib` files may come from outside the project (`--allow-outside`, as for the page).
    public let allowOutside: Bool

    public init(registry: DirectiveRegistry, allowOutside: Bool = false) {
        self.registry = registry
        self.allowOutside = allowOutside
    }

    /// The document with each image (`{figure}` or Markdown) included from where it was read,
    /// and links to sibling notebooks pointing to their `.pdf`.
    public func write(_ notebook: Notebook, _ run: NotebookRun, resources: PageResources)
        -> (document: String, diagnostics: [Diagnostic]) {
        let fences = notebook.directiveFences
        let table = ReferenceTable.of(notebook, run, registry: registry)
        let prose = LaTeXProseWriter(notebook: notebook, run: run, table: table, resources: resources)
        let outputs = LaTeXOutputWriter(prose: prose)
        prose.directive = { fence in
            guard let index = fences.firstIndex(where: { $0.location == fence.location }) else { return "" }
            // `echo: true`: the source as a verbatim block (a PDF cannot fold it away).
            let echo = run.presentations.indices.contains(index) && run.presentations[index].echo
            return (echo ? LaTeXProseWriter.verbatim(fence.sourceText + "\n") : "")
                + outputs.outputs(run.cells[index], fence: fence)
        }
        // Citations as the page formats them, the reference list where the page has it.
        let citations = PageCitations(notebook: notebook, text: notebook.text,
                                      paths: ProjectPaths(notebookPath: notebook.path, allowOutside: allowOutside))
        let placement = BibliographyPlacement(citations.document, citations: citations, file: notebook.path)
        prose.citations = citations
        prose.referenceListLocation = placement.location
        let body = prose.blocks(placement.document.blocks)
        let content = titleBlock(notebook.frontMatter) + body
        let document = Self.preamble(notebook.frontMatter) + LaTeXText.declarations(for: content)
            + "\\begin{document}\n" + content + "\\end{document}\n"
        return (document, table.duplicateDiagnostics(file: notebook.path) + citations.diagnostics
                    + placement.diagnostics + prose.diagnostics)
    }

    /// The document class, packages, the palette of the charts and the author's macros.
    static func preamble(_ front: FrontMatter) -> String {
        var out = """
            % Written by Parzen \(ParzenVersion.current). Compile with pdflatex (twice, for references).
            \\documentclass[11pt]{article}
            \\usepackage[utf8]{inputenc}
            \\usepackage[a4paper, margin=2.5cm]{geometry}
            \\usepackage{amsmath, amssymb}
            \\usepackage{booktabs}
            \\usepackage{graphicx}
            \\usepackage{pgfplots}
            \\pgfplotsset{compat=1.18}
            \(languageSetup(front.words, written: front.language != nil))\\usepackage[hidelinks]{hyperref}
            \\emergencystretch=2em
            % Paragraphs apart rather than indented, as on the HTML page.
            \\setlength{\\parindent}{0pt}
            \\setlength{\\parskip}{0.6\\baselineskip plus 2pt}

            """
        // The Okabe–Ito palette in the order of templates/plot.css.
        let palette = ["0072B2", "D55E00", "009E73", "CC79A7", "E69F00", "56B4E9", "F0E442", "000000"]
        for (index, hex) in palette.enumerated() { out += "\\definecolor{series\(index + 1)}{HTML}{\(hex)}\n" }
        for (name, body) in front.mathMacros.sorted(by: { $0.key < $1.key }) {
            let command = "\\" + (name.hasPrefix("\\") ? String(name.dropFirst()) : name)
            let arguments = (1...9).last { body.contains("#\($0)") }.map { "[\($0)]" } ?? ""
            // `\providecommand` first, so a macro LaTeX already has (`\P`) is redefined, not an error.
            out += "\\providecommand{\(command)}{}\\renewcommand{\(command)}\(arguments){\(body)}\n"
        }
        return out
    }

    /// babel's name for a language tag, for the ones babel and Parzen both know well.
    static func babelName(for tag: String) -> String? {
        let lowered = tag.lowercased()
        let exact = ["en-us": "american", "en-gb": "british", "de-at": "naustrian", "de-ch": "nswissgerman"]
        if let name = exact[lowered] { return name }
        let primary = ["en": "english", "de": "ngerman", "fr": "french", "es": "spanish", "it": "italian",
                       "nl": "dutch", "pt": "portuguese"]
        return lowered.split(separator: "-").first.flatMap { primary[String($0)] }
    }

    /// babel for the page's language when it is given (hyphenation, its own caption words), loaded only when
    /// the TeX installation has it so that the document still compiles where it does not; then
    /// the caption words the page uses, set after babel's at `\begin{document}`, so the PDF
    /// says "Abbildung 1" exactly when the HTML page does (and any `words:` override too).
    static func languageSetup(_ words: WordTable, written: Bool) -> String {
        var out = ""
        if written, let babel = babelName(for: words.language) {
            out += "\\IfFileExists{\(babel).ldf}{\\usepackage[\(babel)]{babel}}{}\n"
        }
        let captions: [(String, Word)] = [("figurename", .figure), ("tablename", .table), ("refname", .references),
                                          ("contentsname", .contents)]
        let english = WordTable()
        let changed = captions.filter { words[$0.1] != english[$0.1] || words.isOverridden($0.1) }
        guard !changed.isEmpty else { return out }
        out += "\\AtBeginDocument{"
        out += changed.map { "\\renewcommand{\\\($0.0)}{\(LaTeXText.escaped(words[$0.1]))}" }.joined()
        return out + "}\n"
    }

    private func titleBlock(_ front: FrontMatter) -> String {
        guard let title = front.title else { return "" }
        var out = "\\title{" + LaTeXText.escaped(title) + "}\n"
        out += "\\author{" + front.authors.map { LaTeXText.escaped($0.name) }.joined(separator: " \\and ") + "}\n"
        out += "\\date{" + (front.date.map { LaTeXText.escaped(front.words.date($0)) } ?? "") + "}\n\\maketitle\n"
        if let description = front.description {
            out += "\\begin{abstract}\n" + LaTeXText.escaped(description) + "\n\\end{abstract}\n"
        }
        return out
    }
}
