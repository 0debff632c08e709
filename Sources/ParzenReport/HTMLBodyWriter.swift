import ParzenChart
import ParzenFormat
import ParzenHTML
import ParzenMarkup
import ParzenMath
import ParzenRunner

/// The HTML writer: a notebook's Markdown tree and its run → the page body. The author's
/// prose goes through ParzenHTML, math through ParzenMath, each directive's typed output
/// through `HTMLBodyWriter+Output`, `{value}` roles from results.
///
/// It writes in two passes over the same code path, as LaTeX does: the first parses every
/// formula (numbering equations) and collects headings; then the reference table is complete
/// and the second pass writes the page with every reference resolved. Formulas are parsed
/// once — the second pass takes them in the order the first recorded them.
final class HTMLBodyWriter {
    let file: String
    let fences: [DirectiveFence]
    let run: NotebookRun
    let math: MathDocument
    var diagnostics: [Diagnostic] = []
    private(set) var headings: [TableOfContentsEntry] = []

    private enum Pass { case collect, write }
    private var pass = Pass.collect
    /// Formulas in the order pass 1 met them, with where each came from and their `\val{…}`
    /// replaced (the parser's offsets are mapped back through it).
    private var formulas: [(formula: ParsedFormula, origin: MathOrigin, values: SubstitutedFormula)] = []
    private var nextFormula = 0
    /// The level of the page's top sections (from pass 1): the reference list's heading takes it.
    var topHeadingLevel = 2
    /// The `{bibliography}` that holds the reference list: the first one, or one added at the end.
    var referenceListLocation: SourceLocation?
    var table: ReferenceTable
    /// The words the page adds ("Figure", "References"), in its language.
    let words: WordTable

    enum MathOrigin {
        /// Math the author wrote.
        case span(MathSpan)
        /// Math a directive generated (a derivation): errors point at the directive.
        case generated(SourceLocation)
    }

    /// Untrusted input: raw HTML reduced to an allow-list (`HTMLRenderer.Options.safe`).
    let safe: Bool
    /// The page's citations and bibliography, when it was read with them.
    let citations: PageCitations?
    /// The images as read (a figure whose image is not among them shows its path as written)
    /// and the links to sibling notebooks' reports.
    let resources: PageResources
    var images: PageImages { resources.images }

    init(notebook: Notebook, run: NotebookRun, declarations: [ReferenceDeclaration], safe: Bool,
         citations: PageCitations? = nil, resources: PageResources = .none) {
        self.safe = safe
        self.citations = citations
        self.resources = resources
        self.file = notebook.path
        self.fences = notebook.directiveFences
        self.run = run
        self.math = MathDocument(macros: notebook.frontMatter.mathMacros)
        self.words = notebook.frontMatter.words
        self.table = ReferenceTable(words: words)
        table.number(declarations, floats: notebook.document.floats, figureAnchor: Self.figureAnchor)
        diagnostics = table.duplicateDiagnostics(file: file)
    }

    /// The body: pass 1, the reference table, pass 2. The reference list goes where the
    /// first `{bibliography}` stands, else after the prose.
    func render(_ document: MarkdownDocument) -> String {
        let document = placingBibliography(document)
        _ = referenceTable(document)
        pass = .write
        let output = htmlRenderer(headingIDs: true).render(document)
        diagnostics += output.diagnostics
        headings = output.headings.filter { $0.level <= 3 }.map {
            TableOfContentsEntry(level: $0.level, html: Escaping.text($0.text), id: $0.id)
        }
        return output.html
    }

    /// Pass 1 alone: every formula parsed (equations numbered, the reference list's too),
    /// headings collected, and the table built from them — what other writers (the `.ipynb`
    /// one) resolve references with.
    func referenceTable(_ document: MarkdownDocument) -> ReferenceTable {
        pass = .collect
        let collected = htmlRenderer(headingIDs: true).render(document)
        topHeadingLevel = collected.headings.map(\.level).min() ?? 2
        buildTable(headings: collected.headings)
        return table
    }

    /// Equations from pass 1's numbering and sections from the headings (figures and
    /// derivations were entered from the declarations before pass 1, which writes their numbers).
    private func buildTable(headings: [HeadingEntry]) {
        for (label, number) in math.equationNumbers.sorted(by: { $0.key < $1.key }) {
            table.add(label, .init(kind: .equation, number: number, anchor: MathDocument.anchor(for: label)))
        }
        for heading in headings where !heading.id.isEmpty {
            table.add(heading.id, .init(kind: .section, number: heading.text, anchor: heading.id))
        }
    }

    static func figureAnchor(_ label: String) -> String { Escaping.identifier(label, prefix: "figure-") }

    /// A renderer whose hooks typeset math, run roles and place directive output.
    func htmlRenderer(headingIDs: Bool) -> HTMLRenderer {
        var renderer = HTMLRenderer(options: .init(headingIDs: headingIDs, safe: safe, file: file))
        renderer.inlineMath = { [unowned self] span in formula(span.tex, display: false, origin: .span(span)) }
        renderer.displayMath = { [unowned self] span in
            displayMath(formula(span.tex, display: true, origin: .span(span)))
        }
        renderer.directive = { [unowned self] fence in directive(fence) }
        renderer.role = { [unowned self] role in self.role(role) }
        renderer.reference = { [unowned self] reference in self.reference(reference) }
        renderer.float = { [unowned self] float in self.float(float) }
        renderer.imageSource = { [unowned self] _, location in images.images[location]?.dataURI }
        renderer.linkDestination = { [unowned self] _, location in
            resources.links.destination(at: location, extension: "html")
        }
        renderer.bibliography = { [unowned self] location, previous in bibliography(at: location, after: previous) }
        return renderer
    }

    /// Display math in a wrapper that scrolls sideways when a formula is wider than a phone.
    func displayMath(_ html: String) -> String {
        Markup.element("div", ["class": "math-display"], [.raw(html)]).html + "\n"
    }

    /// A caption or other text the author wrote in an option: inline Markdown only. Text that
    /// would make blocks (a fence, a list, a heading) is shown as written, never run.
    func authoredInline(_ text: AuthoredText) -> String {
        let document = MarkdownParser.parse(
            text.markdown, options: .init(file: file, lineOffset: text.location.line - 1))
        if document.blocks.count == 1, case .paragraph = document.blocks[0].kind, document.footnotes.isEmpty {
            var html = Substring(htmlRenderer(headingIDs: false).render(document).html)
            while html.last == "\n" { html = html.dropLast() }
            return String(html.dropFirst(3).dropLast(4))
        }
        return Escaping.text(text.markdown)
    }

    // MARK: Math

    /// A formula's MathML: parsed in pass 1, written with the complete table in pass 2.
    func formula(_ tex: String, display: Bool, origin: MathOrigin) -> String {
        switch pass {
        case .collect:
            let values = SubstitutedFormula(tex, values: ValueLookup(file: file, fences: fences, run: run)) {
                Self.location(of: $0, in: origin)
            }
            formulas.append((math.parse(values.tex, display: display, origin: formulas.count), origin, values))
            return ""
        case .write:
            let (parsed, origin, values) = formulas[nextFormula]
            nextFormula += 1
            let typeset = math.write(parsed) { table.target($0) }
            diagnostics += values.diagnostics
            diagnostics += typeset.diagnostics.map { diagnostic($0, origin: origin, values: values) }
            return typeset.html
        }
    }

    /// `\eqref{…}`/`\ref{…}` in prose.
    func reference(_ reference: MarkdownReference) -> String {
        guard pass == .write else { return "" }
        let target = table.target(reference.label)
        if target == nil {
            diagnostics.append(Diagnostic(.error, file: file, at: reference.location,
                    "reference to undefined label '\(reference.label)'", fix: table.fix(for: reference.label)))
        }
        return MathDocument.referenceMarkup(target, label: reference.label, parenthesized: reference.isParenthesized)
    }

    private func diagnostic(_ d: MathDiagnostic, origin: MathOrigin, values: SubstitutedFormula) -> Diagnostic {
        let fix = d.unresolvedLabel.map(table.fix(for:)) ?? d.fix
        var message = d.message
        if let other = d.otherPlace, formulas.indices.contains(other.origin) {
            // A label defined twice: name the first definition too.
            let (_, firstOrigin, firstValues) = formulas[other.origin]
            let first = Self.location(of: firstValues.originalOffset(other.offset), in: firstOrigin)
            message += " (first at \(file):\(first.line):\(first.column))"
        }
        let location = Self.location(of: values.originalOffset(d.offset), in: origin)
        return Diagnostic(d.severity == .error ? .error : .warning, file: file, at: location, message, fix: fix)
    }

    private static func location(of offset: Int, in origin: MathOrigin) -> SourceLocation {
        switch origin {
        case .span(let span): span.location(ofUTF8Offset: offset)
        case .generated(let at): at
        }
    }

    // MARK: Roles

    /// `{value}`label.key`` (optionally `label.key:6` for six significant digits) and
    /// `{ref}`label``.
    func role(_ role: MarkdownRole) -> String {
        if role.name == "cite" { return citation(role) }
        guard pass == .write else { return "" }
        switch role.name {
        case "value":
            return value(role)
        case "ref", "numref":
            let label = role.content
            guard let entry = table[label] else {
                diagnostics.append(
                    Diagnostic(
                        .error, file: file, at: role.contentLocation, "reference to undefined label '\(label)'",
                                              fix: table.fix(for: label)))
                return Self.missingValue
            }
            return Markup.element("a", [("class", "\(entry.kind.rawValue)-ref"), ("href", "#" + entry.anchor)],
                                  [.text(entry.citation)]).html
        default:
            diagnostics.append(Diagnostic(.error, file: file, at: role.location, "unknown role '{\(role.name)}'",
                                          fix: Suggestion.fix(for: role.name,
                                                              among: ["value", "ref", "numref", "cite"])))
            return Markup.element("code", [], [.text(role.content)]).html
        }
    }

    /// What a role that cannot be resolved shows in the page.
    static let missingValue = Markup.element("span", ["class": "value-missing"], [.text("??")]).html

    private func value(_ role: MarkdownRole) -> String {
        switch ValueLookup(file: file, fences: fences, run: run).text(for: role) {
        case .success(let text): return Markup.element("span", ["class": "value"], [.text(text)]).html
        case .failure(let problem):
            diagnostics += problem.diagnostic.map { [$0] } ?? []
            return Self.missingValue
        }
    }

    // MARK: Figures

    /// A `{figure}`'s or `{table}`'s number, anchor and image: the image embedded as a `data:`
    /// URI (its problems were reported when it was read; then the page shows the alt text).
    func float(_ float: MarkdownFloat) -> FloatMarkup {
        let entry = table.floatNumbers[float.location]
        let id = float.name.flatMap { name in
            entry.flatMap { table.owns(name, kind: $0.kind, number: $0.number) ? $0.anchor : nil }
        }
        guard case .image(let path, _, let alt, let width) = float.content else {
            return FloatMarkup(id: id, number: entry?.citation, image: "")
        }
        var attributes: [(String, String)] = []
        if let image = images.images[float.location] {
            attributes.append(("src", image.dataURI))
        } else {
            attributes.append(("data-missing", path))
        }
        attributes.append(("alt", alt ?? ""))
        if let width { attributes.append(("style", "width: \(width)")) }
        // `<img>` is void: Markup's elements always close, so the tag is written here.
        let image = "<img" + attributes.map { " \($0)=\"\(Escaping.attribute($1))\"" }.joined() + " />"
        return FloatMarkup(id: id, number: entry?.citation, image: image)
    }

    /// A figure's SVG, drawn once: in pass 2 (pass 1 only numbers and collects).
    func drawnFigure(_ figure: FigureOutput) -> String {
        guard pass == .write else { return "" }
        return figure.svg
    }
}
