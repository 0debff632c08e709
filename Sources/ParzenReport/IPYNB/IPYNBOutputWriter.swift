import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// A directive's typed output as nbformat `display_data` outputs. Each carries the richest
/// form a front end shows and plain text under it: figures as `image/svg+xml`, tables as
/// `text/html` (nbconvert and JupyterLab prefer it) and `text/markdown` (for front ends that
/// show no HTML), paragraphs as `text/markdown`, formulas as `text/markdown` and
/// `text/latex`; math inside them is `$…$` for the front end's MathJax.
final class IPYNBOutputWriter {
    private let file: String
    private let table: ReferenceTable
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, table: ReferenceTable) {
        self.file = file
        self.table = table
    }

    /// The outputs of one directive's cell.
    func outputs(_ outcome: CellOutcome, fence: DirectiveFence) -> [JSONValue] {
        switch outcome {
        case .checked:
            return []
        case .failure(let problems):
            let text = problems.map {
                "\($0.file):\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.text)\n"
            }.joined()
            return [.object([("name", .string("stderr")), ("output_type", .string("stream")),
                             ("text", IPYNBCell.lines(text))])]
        case .expectedFailure(let message):
            return [display(["text/markdown": "**Refused, as intended:** " + Escaping.markdown(message),
                             "text/plain": "Refused, as intended: " + message])]
        case .success(let result):
            return result.output.flatMap { output($0, fence: fence) }
        }
    }

    private func output(_ block: OutputBlock, fence: DirectiveFence) -> [JSONValue] {
        switch block {
        case .paragraph(let inlines):
            return [display(["text/markdown": markdown(inlines, at: fence.location), "text/plain": plain(inlines)])]
        case .equation(let expression):
            return [formula(TeXWriter.tex(expression), at: fence.location)]
        case .derivation(let derivation):
            let number = table.derivationNumbers[fence.location] ?? "D?"
            return [formula(TeXWriter.tex(derivation, number: number), at: fence.location)]
        case .table(let table):
            return [self.table(table, at: fence.location)]
        case .figure(let figure):
            // Numbered by declaration, so a failed {plot} keeps its number (as on the page).
            let number = table.figureNumbers[fence.location] ?? 0
            let caption = figure.caption.map { " " + $0.markdown } ?? ""
            let figureWord = self.table.words[.figure]
            let plainCaption = "\(figureWord) \(number)." + caption
            return [display(["image/svg+xml": figure.svg, "text/plain": plainCaption]),
                    display(["text/markdown": "**\(figureWord) \(number).**" + caption, "text/plain": plainCaption])]
        }
    }

    private func formula(_ tex: String, at location: SourceLocation) -> JSONValue {
        let tex = resolved(tex, at: location)
        return display(["text/latex": "$$" + tex + "$$", "text/markdown": "$$\n" + tex + "\n$$", "text/plain": tex])
    }

    private func table(_ table: ResultTable, at location: SourceLocation) -> JSONValue {
        let numbers = NumericColumns(table)
        // Numeric columns: one precision (as on the page), right-aligned.
        func cell(_ cell: ResultTable.Cell, column: Int, render: (ResultTable.Cell) -> String) -> String {
            numbers.text(cell, column: column) ?? render(cell)
        }
        let align = numbers.isNumeric.map { $0 ? " style=\"text-align: right\"" : "" }
        var html = "<table>\n"
        if let caption = table.caption { html += "<caption>" + self.html(caption, at: location) + "</caption>\n" }
        let styles = { (column: Int) in column < align.count ? align[column] : "" }
        html += "<thead><tr>" + table.header.enumerated().map {
            "<th\(styles($0))>" + self.html($1, at: location) + "</th>"
        }.joined() + "</tr></thead>\n"
        html += "<tbody>\n" + table.rows.map { row in
            "<tr>" + row.enumerated().map { column, value in
                "<td\(styles(column))>" + cell(value, column: column) { self.html($0, at: location) } + "</td>"
            }.joined() + "</tr>\n"
        }.joined() + "</tbody>\n</table>\n"

        // A GFM table: pipes in cells are escaped by `Escaping.markdown`.
        func row(_ cells: [ResultTable.Cell], body: Bool) -> String {
            "| " + cells.enumerated().map { column, value in
                body ? cell(value, column: column) { self.markdown($0, at: location) }
                    : self.markdown(value, at: location)
            }.joined(separator: " | ") + " |\n"
        }
        var gfm = table.caption.map { self.markdown($0, at: location) + "\n\n" } ?? ""
        gfm += row(table.header, body: false) + "|" + table.header.indices.map {
            $0 < numbers.isNumeric.count && numbers.isNumeric[$0] ? " ---: |" : " --- |"
        }.joined() + "\n"
        gfm += table.rows.map { row($0, body: true) }.joined()

        var plain = table.caption.map { self.plain($0) + "\n" } ?? ""
        plain += table.header.map(self.plain).joined(separator: "\t") + "\n"
        plain += table.rows.map { row in
            row.enumerated().map { cell($1, column: $0, render: self.plain) }.joined(separator: "\t") + "\n"
        }.joined()
        return display(["text/html": html, "text/markdown": gfm, "text/plain": plain])
    }

    /// A `display_data` output; the bundle's keys are written in sorted order.
    private func display(_ bundle: [String: String]) -> JSONValue {
        let data = bundle.sorted { $0.key < $1.key }.map { ($0.key, IPYNBCell.lines($0.value)) }
        return .object([("data", .object(data)), ("metadata", .object([])), ("output_type", .string("display_data"))])
    }

    // MARK: Inline content

    /// Inline content as Markdown: text escaped, names as code, math as `$…$`.
    func markdown(_ inlines: [Inline], at location: SourceLocation) -> String {
        inlines.map { piece in
            switch piece {
            case .text(let text): Escaping.markdown(text)
            case .code(let text): Self.codeSpan(text)
            case .math(let expression): "$" + resolved(TeXWriter.tex(expression), at: location) + "$"
            case .quantity(let quantity, let showsError): HTMLBodyWriter.prose(quantity, showsError: showsError)
            case .emphasis(let inner): "*" + markdown(inner, at: location) + "*"
            case .reference(let label): Escaping.markdown(citation(label, at: location))
            case .authored(let text): text.markdown
            case .oncePerPage(_, let inner): markdown(inner, at: location)
            }
        }.joined()
    }

    /// Inline content as HTML, math as `$…$` for MathJax.
    private func html(_ inlines: [Inline], at location: SourceLocation) -> String {
        inlines.map { piece in
            switch piece {
            case .text(let text): Escaping.text(text)
            case .code(let text): "<code>" + Escaping.text(text) + "</code>"
            case .math(let expression): Escaping.text("$" + resolved(TeXWriter.tex(expression), at: location) + "$")
            case .quantity(let quantity, let showsError):
                Escaping.text(HTMLBodyWriter.prose(quantity, showsError: showsError))
            case .emphasis(let inner): "<em>" + html(inner, at: location) + "</em>"
            case .reference(let label): Escaping.text(citation(label, at: location))
            case .authored(let text): Escaping.text(text.markdown)
            case .oncePerPage(_, let inner): html(inner, at: location)
            }
        }.joined()
    }

    /// Inline content for `text/plain`.
    private func plain(_ inlines: [Inline]) -> String {
        inlines.map { piece in
            switch piece {
            case .reference(let label): table[label]?.citation ?? "??"
            case .emphasis(let inner), .oncePerPage(_, let inner): plain(inner)
            default: PlainTextWriter.text([piece])
            }
        }.joined()
    }

    /// A code span whose backtick fence is longer than any run of backticks inside.
    static func codeSpan(_ text: String) -> String {
        let fence = String(repeating: "`", count: longestRun(of: "`", in: text) + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    static func longestRun(of character: Character, in text: String) -> Int {
        var longest = 0, run = 0
        for c in text {
            run = c == character ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// What `{ref}` prints for `label`, reporting a label the table does not know.
    func citation(_ label: String, at location: SourceLocation) -> String {
        guard let entry = table[label] else {
            diagnostics.append(Diagnostic(.error, file: file, at: location, "reference to undefined label '\(label)'",
                                          fix: table.fix(for: label)))
            return "??"
        }
        return entry.citation
    }

    /// Generated TeX with its references and labels written as numbers.
    private func resolved(_ tex: String, at location: SourceLocation) -> String {
        for edit in IPYNBMath.edits(in: tex, table: table) {
            if let label = edit.unresolvedLabel { _ = citation(label, at: location) }
        }
        return IPYNBMath.rewritten(tex, table: table)
    }
}
