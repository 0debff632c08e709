import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// The HTML of what directives return: their typed blocks, error boxes and intended failures.
/// Every piece of text is escaped here or by the writers it calls; numbers are printed here.
extension HTMLBodyWriter {
    /// The HTML that replaces a directive fence: its output, its error box, or (for
    /// `expect: error`) the intended failure.
    func directive(_ fence: DirectiveFence) -> String {
        guard let index = fences.firstIndex(where: { $0.location == fence.location }) else { return "" }
        let anchor = fence.label.map { " id=\"\(Escaping.attribute($0))\"" } ?? ""
        let name = Escaping.attribute(fence.name)
        switch run.cells[index] {
        case .checked:
            return ""
        case .failure(let problems):
            let items = problems.map { problem in
                "<span class=\"where\">\(Escaping.text("\(problem.file):\(problem.location.line):\(problem.location.column)"))</span>"
                    + "<pre>\(Escaping.text(problem.severity.rawValue + ": " + problem.text))</pre>"
            }.joined(separator: "\n")
            let title = "{\(fence.name)}" + (fence.label.map { " " + $0 } ?? "") + " failed"
            return "<div class=\"directive directive-error\" role=\"alert\"\(anchor)><strong>\(Escaping.text(title))</strong>\n"
                + "\(items)</div>\n"
        case .expectedFailure(let message):
            return "<div class=\"directive directive-expected-error\"\(anchor)><span class=\"tag\">Refused, as intended:</span> "
                + "\(Escaping.text(message))</div>\n"
        case .success(let result):
            var html = "<div class=\"directive directive-\(name) directive-result\"\(anchor)>\n"
            for block in result.output {
                html += output(block, fence: fence)
            }
            return html + "</div>\n"
        }
    }

    private func output(_ block: OutputBlock, fence: DirectiveFence) -> String {
        switch block {
        case .paragraph(let inlines):
            return "<p>" + inline(inlines, at: fence.location) + "</p>\n"
        case .equation(let expression):
            return displayMath(formula(TeXWriter.tex(expression), display: true, origin: .generated(fence.location)))
        case .derivation(let derivation):
            derivationCount += 1
            let tex = TeXWriter.tex(derivation, number: "D\(derivationCount)")
            return displayMath(formula(tex, display: true, origin: .generated(fence.location)))
        case .table(let table):
            return self.table(table, at: fence.location)
        case .figure(let figure):
            return self.figure(figure, fence: fence)
        }
    }

    /// Inline content as HTML.
    func inline(_ inlines: [Inline], at location: SourceLocation) -> String {
        var html = ""
        for piece in inlines {
            switch piece {
            case .text(let text): html += Escaping.text(text)
            case .code(let text): html += "<code>" + Escaping.text(text) + "</code>"
            case .math(let expression):
                html += formula(TeXWriter.tex(expression), display: false, origin: .generated(location))
            case .quantity(let quantity, let showsError):
                html += Escaping.text(Self.prose(quantity, showsError: showsError))
            case .emphasis(let inner): html += "<em>" + inline(inner, at: location) + "</em>"
            case .reference(let label):
                html += role(MarkdownRole(name: "ref", content: label, location: location, contentLocation: location))
            case .authored(let text): html += authoredInline(text)
            }
        }
        return html
    }

    /// "1.234", or "1.234 ± 0.05" (the error to two significant digits).
    static func prose(_ quantity: Quantity, showsError: Bool) -> String {
        let value = NumberFormat.prose(quantity.value, digits: quantity.digits)
        guard showsError, let error = quantity.standardError else { return value }
        return value + " ± " + NumberFormat.prose(error, digits: 2)
    }

    private func table(_ table: ResultTable, at location: SourceLocation) -> String {
        func cell(_ cell: ResultTable.Cell, tag: String) -> String {
            if cell.count == 1, case .quantity = cell[0] {
                return "<\(tag) class=\"number\">\(inline(cell, at: location))</\(tag)>"
            }
            return "<\(tag)>\(inline(cell, at: location))</\(tag)>"
        }
        // The caption sits above a scrolling wrapper: a wide table scrolls sideways on a
        // phone without clipping its caption.
        var html = ""
        if let caption = table.caption { html += "<p class=\"table-caption\">\(inline(caption, at: location))</p>\n" }
        html += "<div class=\"table-scroll\"><table class=\"results\">\n"
        html += "<thead><tr>" + table.header.map { cell($0, tag: "th") }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.map { cell($0, tag: "td") }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private func figure(_ figure: FigureOutput, fence: DirectiveFence) -> String {
        // Figures are numbered by declaration, so a failed {plot} keeps its number.
        let figureNumber = declarations.filter { $0.kind == .figure && $0.location <= fence.location }.count
        let anchor = fence.label.map { " id=\"\(Escaping.attribute(Self.figureAnchor($0)))\"" } ?? ""
        var html = "<figure class=\"plot\"\(anchor)>\n\(drawnFigure(figure))\n"
        html += "<figcaption><span class=\"figure-number\">Figure \(figureNumber).</span>"
        if let caption = figure.caption { html += " " + authoredInline(caption) }
        return html + "</figcaption>\n</figure>\n"
    }
}
