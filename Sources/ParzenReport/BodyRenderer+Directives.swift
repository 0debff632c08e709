import ParzenFormat
import ParzenMarkup
import ParzenRunner

extension BodyRenderer {
    /// The HTML that replaces a directive fence: its output, its error box, or (for
    /// `expect: error`) the intended failure.
    func directive(_ fence: DirectiveFence) -> String {
        guard let index = directiveIndexOf(fence) else { return "" }
        let anchor = fence.label.map { " id=\"\(Escaping.attribute($0))\"" } ?? ""
        let name = Escaping.attribute(fence.name)
        switch outcome.cells[index] {
        case .checked:
            return ""
        case .failure(let problems):
            let items = problems.map { problem in
                "<span class=\"where\">\(Escaping.text("\(problem.file):\(problem.location.line):\(problem.location.column)"))</span>"
                    + "<pre>\(Escaping.text(problem.severity.rawValue + ": " + problem.text))</pre>"
            }.joined(separator: "\n")
            return "<div class=\"directive directive-error\" role=\"alert\"\(anchor)><strong>{\(name)}\(fence.label.map { " " + Escaping.text($0) } ?? "") failed</strong>\n\(items)</div>\n"
        case .expectedFailure(let message):
            return "<div class=\"directive directive-expected-error\"\(anchor)><span class=\"tag\">Refused, as intended:</span> \(Escaping.text(message))</div>\n"
        case .success(let result):
            var html = "<div class=\"directive directive-\(name) directive-result\"\(anchor)>\n"
            for block in result.output {
                html += output(block, label: fence.label, at: fence.location)
            }
            return html + "</div>\n"
        }
    }

    private func directiveIndexOf(_ fence: DirectiveFence) -> Int? {
        fences.firstIndex { $0.location == fence.location }
    }

    private func output(_ block: OutputBlock, label: String?, at location: SourceLocation) -> String {
        switch block {
        case .markdown(let text):
            return renderMarkdown(text, at: location)
        case .math(let tex, let display):
            let html = typeset(tex, display: display, origin: .generated(location))
            return display ? displayMath(html) : "<p>\(html)</p>\n"
        case .preformatted(let text):
            return "<pre>\(Escaping.text(text))</pre>\n"
        case .table(let table):
            return self.table(table, at: location)
        case .figure(let figure):
            return self.figure(figure, label: label, at: location)
        }
    }

    private func table(_ table: ResultTable, at location: SourceLocation) -> String {
        func cell(_ cell: ResultTable.Cell, tag: String) -> String {
            switch cell {
            case .number(let x): "<\(tag) class=\"number\">\(Escaping.text(NumberFormat.prose(x)))</\(tag)>"
            case .markdown(let text): "<\(tag)>\(renderInlineMarkdown(text, at: location))</\(tag)>"
            }
        }
        // The caption sits above a scrolling wrapper: a wide table scrolls sideways on a
        // phone without clipping its caption.
        var html = ""
        if let caption = table.caption { html += "<p class=\"table-caption\">\(renderInlineMarkdown(caption, at: location))</p>\n" }
        html += "<div class=\"table-scroll\"><table class=\"results\">\n"
        html += "<thead><tr>" + table.header.map { cell($0, tag: "th") }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.map { cell($0, tag: "td") }.joined() + "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n"
    }

    private func figure(_ figure: Figure, label: String?, at location: SourceLocation) -> String {
        let number = nextFigureNumber()
        let anchor = label.map { " id=\"figure-\(Escaping.attribute($0))\"" } ?? ""
        var html = "<figure class=\"plot\"\(anchor)>\n\(figure.svg)\n"
        html += "<figcaption><span class=\"figure-number\">Figure \(number).</span>"
        if let caption = figure.caption { html += " " + renderInlineMarkdown(caption, at: location) }
        return html + "</figcaption>\n</figure>\n"
    }
}
