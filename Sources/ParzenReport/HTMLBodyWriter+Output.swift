import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// The HTML of what directives return: their typed blocks, error boxes and intended
/// failures, built as `Markup` values (text escapes itself; MathML, SVG and the author's
/// inline Markdown come in as `.raw` from their writers). Numbers are printed here.
extension HTMLBodyWriter {
    private static let newline = Markup.text("\n")

    /// The HTML that replaces a directive fence: its output, its error box, or (for
    /// `expect: error`) the intended failure.
    func directive(_ fence: DirectiveFence) -> String {
        guard let index = fences.firstIndex(where: { $0.location == fence.location }) else { return "" }
        let anchor: [(String, String)] = fence.label.map { [("id", $0)] } ?? []
        let source: [Markup] = run.presentations.indices.contains(index) && run.presentations[index].echo
            ? [Self.newline, Self.echo(fence)] : []
        let box: Markup
        switch run.cells[index] {
        case .checked:
            return ""
        case .failure(let problems):
            var children: [Markup] = source + [
                .element("strong", [], [
                    .text("{\(fence.name)}" + (fence.label.map { " " + $0 } ?? "") + " " + words[.failed]),
                ])
            ]
            for problem in problems {
                children += [Self.newline,
                             .element("span", ["class": "where"],
                                      [.text("\(problem.file):\(problem.location.line):\(problem.location.column)")]),
                             .element("pre", [], [.text(words[problem.severity] + ": " + problem.text)])]
            }
            box = .element("div", [("class", "directive directive-error"), ("role", "alert")] + anchor, children)
        case .expectedFailure(let message):
            box = .element("div", [("class", "directive directive-expected-error")] + anchor,
                           source + [.element("span", ["class": "tag"], [.text(words[.refused])]),
                                     .text(" " + message)])
        case .success(let result):
            box = .element("div", [("class", "directive directive-\(fence.name) directive-result")] + anchor,
                           source + [Self.newline] + result.output.map { output($0, fence: fence) })
        }
        return box.html + "\n"
    }

    /// `echo: true`: the fence as written, folded (`<details>` needs no script).
    static func echo(_ fence: DirectiveFence) -> Markup {
        .element("details", ["class": "directive-source"], [
            .element("summary", [], [.text("Source")]),
            .element("pre", [], [.element("code", ["class": "language-markdown"], [.text(fence.sourceText)])]),
        ])
    }

    private func output(_ block: OutputBlock, fence: DirectiveFence) -> Markup {
        switch block {
        case .paragraph(let inlines):
            return .sequence([.element("p", [], inline(inlines, at: fence.location)), Self.newline])
        case .equation(let expression):
            return .raw(
                displayMath(formula(TeXWriter.tex(expression), display: true, origin: .generated(fence.location))))
        case .derivation(let derivation):
            let tex = TeXWriter.tex(derivation, number: table.derivationNumbers[fence.location] ?? "D?")
            return .raw(displayMath(formula(tex, display: true, origin: .generated(fence.location))))
        case .table(let table):
            return self.table(table, at: fence.location)
        case .figure(let figure):
            return self.figure(figure, fence: fence)
        }
    }

    /// Inline content as markup.
    func inline(_ inlines: [Inline], at location: SourceLocation) -> [Markup] {
        inlines.map { piece -> Markup in
            switch piece {
            case .text(let text): .text(text)
            case .code(let text): .element("code", [], [.text(text)])
            case .math(let expression):
                .raw(formula(TeXWriter.tex(expression), display: false, origin: .generated(location)))
            case .quantity(let quantity, let showsError): .text(Self.prose(quantity, showsError: showsError))
            case .emphasis(let inner): .element("em", [], inline(inner, at: location))
            case .reference(let label):
                .raw(role(MarkdownRole(name: "ref", content: label, location: location, contentLocation: location)))
            case .authored(let text): .raw(authoredInline(text))
            case .oncePerPage(_, let inner): .sequence(inline(inner, at: location))
            }
        }
    }

    /// "1.234", or "1.234 ± 0.05" (the error to two significant digits).
    static func prose(_ quantity: Quantity, showsError: Bool) -> String {
        let value = NumberFormat.prose(quantity.value, digits: quantity.digits)
        guard showsError, let error = quantity.standardError else { return value }
        return value + " ± " + NumberFormat.prose(error, digits: 2)
    }

    private func table(_ table: ResultTable, at location: SourceLocation) -> Markup {
        let numbers = NumericColumns(table)
        func cell(_ cell: ResultTable.Cell, tag: String, column: Int) -> Markup {
            let isNumber = column < numbers.isNumeric.count && numbers.isNumeric[column]
            let content: [Markup] = tag == "td" ? numbers.text(cell, column: column).map { [.text($0)] }
                ?? inline(cell, at: location) : inline(cell, at: location)
            return .element(tag, isNumber ? [("class", "number")] : [], content)
        }
        func row(_ cells: [ResultTable.Cell], tag: String) -> Markup {
            .element("tr", [], cells.enumerated().map { cell($1, tag: tag, column: $0) })
        }
        // The caption sits above a scrolling wrapper: a wide table scrolls sideways on a
        // phone without clipping its caption.
        let caption: [Markup] =
            table.caption.map { [.element("p", ["class": "table-caption"], inline($0, at: location)), Self.newline] }
            ?? []
        let body = table.rows.flatMap { [row($0, tag: "td"), Self.newline] }
        let results = Markup.element("table", ["class": "results"], [
            Self.newline, .element("thead", [], [row(table.header, tag: "th")]), Self.newline,
            .element("tbody", [], [Self.newline] + body), Self.newline,
        ])
        return .sequence(caption + [.element("div", ["class": "table-scroll"], [results]), Self.newline])
    }

    private func figure(_ figure: FigureOutput, fence: DirectiveFence) -> Markup {
        // Figures are numbered by declaration, so a failed {plot} keeps its number.
        let number = table.figureNumbers[fence.location] ?? 0
        let anchor: [(String, String)] = fence.label
            .flatMap { table.owns($0, kind: .figure, number: String(number)) ? [("id", Self.figureAnchor($0))] : nil }
            ?? []
        var caption: [Markup] = [.element("span", ["class": "figure-number"], [.text("\(words[.figure]) \(number).")])]
        if let text = figure.caption { caption += [.text(" "), .raw(authoredInline(text))] }
        return .sequence([
            .element("figure", [("class", "plot")] + anchor, [
                    Self.newline, .raw(drawnFigure(figure)), Self.newline, .element("figcaption", [], caption),
                    Self.newline,
            ]),
            Self.newline,
        ])
    }
}
