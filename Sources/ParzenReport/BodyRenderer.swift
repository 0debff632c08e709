import ParzenFormat
import ParzenHTML
import ParzenMarkup
import ParzenMath
import ParzenRunner

/// Renders a notebook's Markdown tree to the report body: the author's prose through
/// ParzenHTML, with math typeset by ParzenMath, each directive replaced by its output (or its
/// error box), `{value}` roles filled from results, and cross-references resolved last.
final class BodyRenderer {
    let file: String
    let fences: [DirectiveFence]
    let outcome: NotebookRunner.Outcome
    let math: MathDocument
    let safe: Bool
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var headings: [TableOfContentsEntry] = []

    /// Where each typeset formula came from, indexed by its `origin` token, to map TeX
    /// offsets to notebook positions.
    private var origins: [MathOrigin] = []
    /// Figures are numbered in document order; labels map to the first figure of their
    /// directive, computed up front so `{ref}` works before the figure too.
    private var figureCount = 0
    private let figureNumbers: [String: Int]

    enum MathOrigin {
        /// Math the author wrote.
        case span(MathSpan)
        /// Math a directive generated (a derivation): errors point at the directive.
        case generated(SourceLocation)
    }

    init(file: String, frontMatter: FrontMatter, fences: [DirectiveFence], outcome: NotebookRunner.Outcome,
         safe: Bool = false) {
        self.file = file
        self.safe = safe
        self.fences = fences
        self.outcome = outcome
        self.math = MathDocument(macros: frontMatter.mathMacros)
        var numbers: [String: Int] = [:]
        var count = 0
        for (fence, cell) in zip(fences, outcome.cells) {
            guard case .success(let result) = cell else { continue }
            let figures = result.output.filter { if case .figure = $0 { true } else { false } }.count
            if let label = fence.label, figures > 0 { numbers[label] = count + 1 }
            count += figures
        }
        self.figureNumbers = numbers
    }

    /// Renders the notebook body and resolves references.
    func render(_ document: MarkdownDocument) -> String {
        let output = htmlRenderer(headingIDs: true).render(document)
        diagnostics += output.diagnostics
        headings = output.headings.filter { $0.level <= 3 }.map {
            TableOfContentsEntry(level: $0.level, html: Escaping.text($0.text), id: $0.id)
        }
        return finish(output.html)
    }

    /// A renderer whose hooks typeset math, run roles and place directive output.
    func htmlRenderer(headingIDs: Bool) -> HTMLRenderer {
        var renderer = HTMLRenderer(options: .init(headingIDs: headingIDs, safe: safe, file: file))
        renderer.inlineMath = { [unowned self] span in typeset(span.tex, display: false, origin: .span(span)) }
        renderer.displayMath = { [unowned self] span in displayMath(typeset(span.tex, display: true, origin: .span(span))) }
        renderer.directive = { [unowned self] fence in directive(fence) }
        renderer.role = { [unowned self] role in self.role(role) }
        renderer.reference = { [unowned self] reference in self.reference(reference) }
        return renderer
    }

    /// Display math in a wrapper that scrolls sideways when a formula is wider than a phone.
    func displayMath(_ html: String) -> String {
        "<div class=\"math-display\">\(html)</div>\n"
    }

    /// Markdown that a directive wrote, rendered like the author's prose; positions of
    /// problems in it are reported at the directive.
    func renderMarkdown(_ text: String, at location: SourceLocation) -> String {
        let document = MarkdownParser.parse(text, options: .init(file: file, lineOffset: location.line - 1))
        return htmlRenderer(headingIDs: false).render(document).html
    }

    /// Like `renderMarkdown`, without the enclosing paragraph (for captions and table cells).
    func renderInlineMarkdown(_ text: String, at location: SourceLocation) -> String {
        var html = Substring(renderMarkdown(text, at: location))
        while html.last == "\n" { html = html.dropLast() }
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), !html.dropFirst(3).contains("<p>") {
            html = html.dropFirst(3).dropLast(4)
        }
        return String(html)
    }

    /// The number of the next figure in document order.
    func nextFigureNumber() -> Int {
        figureCount += 1
        return figureCount
    }

    // MARK: Math

    func typeset(_ tex: String, display: Bool, origin: MathOrigin) -> String {
        origins.append(origin)
        let formula = math.typeset(tex, display: display, origin: origins.count - 1)
        diagnostics += formula.diagnostics.map(diagnostic)
        return formula.html
    }

    func reference(_ reference: MarkdownReference) -> String {
        origins.append(.generated(reference.location))
        return math.reference(to: reference.label, parenthesized: reference.isParenthesized, origin: origins.count - 1, offset: 0)
    }

    func diagnostic(_ d: MathDiagnostic) -> Diagnostic {
        let location: SourceLocation
        switch origins[d.origin] {
        case .span(let span): location = span.location(ofUTF8Offset: d.offset)
        case .generated(let at): location = at
        }
        return Diagnostic(d.severity == .error ? .error : .warning, file: file, at: location, d.message, fix: d.fix)
    }

    /// Resolves `\eqref`/`\ref` placeholders once the whole body is rendered (forward
    /// references work, as with LaTeX's second pass).
    func finish(_ html: String) -> String {
        let (resolved, mathDiagnostics) = math.resolveReferences(in: html)
        // In check mode directives do not run, so equations they would write (such as
        // {compare}'s derivation) are missing: references cannot be judged, only made.
        diagnostics += mathDiagnostics.filter { !(isCheckOnly && $0.unresolvedLabel != nil) }.map(diagnostic)
        return resolved
    }

    /// True in `parzen check`, where no directive ran.
    var isCheckOnly: Bool {
        outcome.cells.contains { if case .checked = $0 { true } else { false } }
    }

    // MARK: Roles

    /// `{value}`label.key``, optionally `label.key:6` for six significant digits.
    func role(_ role: MarkdownRole) -> String {
        switch role.name {
        case "value":
            return value(role)
        case "ref":
            let label = role.content
            guard let number = figureNumbers[label] else {
                if isCheckOnly, fences.contains(where: { $0.label == label }) { return "" }
                diagnostics.append(Diagnostic(.warning, file: file, at: role.contentLocation, "no figure labelled '\(label)'",
                                              fix: Self.fix(for: label, among: figureNumbers.keys.sorted(), kind: "figure")))
                return "<span class=\"value-missing\">Figure ??</span>"
            }
            return "<a class=\"figure-ref\" href=\"#figure-\(Escaping.attribute(label))\">Figure \(number)</a>"
        default:
            diagnostics.append(Diagnostic(.error, file: file, at: role.location, "unknown role '{\(role.name)}'",
                                          fix: Suggestion.fix(for: role.name, among: ["value", "ref"])))
            return "<code>" + Escaping.text(role.content) + "</code>"
        }
    }

    /// "did you mean 'x'?", else the labels there are, else that there are none.
    static func fix(for label: String, among labels: [String], kind: String) -> String {
        if let suggestion = Suggestion.didYouMean(label, among: labels) { return suggestion }
        if labels.isEmpty { return "no directive in this notebook has a labelled \(kind)" }
        return "the labelled \(kind)s are: " + labels.joined(separator: ", ")
    }

    private func value(_ role: MarkdownRole) -> String {
        var reference = Substring(role.content)
        var digits = 4
        if let colon = reference.lastIndex(of: ":"), let n = Int(reference[reference.index(after: colon)...]), (1...17).contains(n) {
            digits = n
            reference = reference[..<colon]
        }
        let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
        let missing = "<span class=\"value-missing\">??</span>"
        guard parts.count == 2 else {
            diagnostics.append(Diagnostic(.error, file: file, at: role.contentLocation, "'\(role.content)' is not of the form label.key",
                                          fix: "write e.g. {value}`kde.bandwidth`"))
            return missing
        }
        guard let result = outcome.results[parts[0]] else {
            if !isCheckOnly {
                diagnostics.append(Diagnostic(.error, file: file, at: role.contentLocation, "no result labelled '\(parts[0])'",
                                              fix: Self.fix(for: parts[0], among: outcome.results.keys.sorted(), kind: "result")))
            }
            return missing
        }
        guard let value = result.values[parts[1]] else {
            diagnostics.append(Diagnostic(.error, file: file, at: role.contentLocation, "'\(parts[0])' has no value '\(parts[1])'",
                                          fix: Suggestion.fix(for: parts[1], among: result.values.keys)))
            return missing
        }
        let text: String
        switch value {
        case .number(let x): text = NumberFormat.prose(x, digits: digits)
        case .integer(let n): text = NumberFormat.prose(Double(n))
        case .text(let s): text = s
        case .boolean(let b): text = b ? "yes" : "no"
        case .numbers(let xs): text = "(" + xs.map { NumberFormat.prose($0, digits: digits) }.joined(separator: ", ") + ")"
        }
        return "<span class=\"value\">" + Escaping.text(text) + "</span>"
    }
}
