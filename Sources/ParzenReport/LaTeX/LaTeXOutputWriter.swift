import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// A directive's typed output as LaTeX: paragraphs, displayed formulas, derivations as
/// `align` tagged D1, D2, … (as on the HTML page), unnumbered `booktabs` tables, figures as `figure`
/// environments drawn by `PGFPlotsWriter`, with the author's caption and the directive's
/// label as `\label`.
final class LaTeXOutputWriter {
    private let prose: LaTeXProseWriter

    init(prose: LaTeXProseWriter) {
        self.prose = prose
    }

    /// The outputs of one directive's cell.
    func outputs(_ outcome: CellOutcome, fence: DirectiveFence) -> String {
        switch outcome {
        case .checked:
            return ""
        case .failure(let problems):
            let text = problems.map { "\($0.file):\($0.location.line):\($0.location.column): \($0.text)" }
            return "\\begin{quote}\\textbf{This directive failed:} "
                + text.map(LaTeXText.escaped).joined(separator: "\\\\\n") + "\\end{quote}\n"
        case .expectedFailure(let message):
            return "\\begin{quote}\\textbf{Refused, as intended:} " + LaTeXText.escaped(message) + "\\end{quote}\n"
        case .success(let result):
            return result.output.map { output($0, fence: fence) }.joined(separator: "\n")
        }
    }

    private func output(_ block: OutputBlock, fence: DirectiveFence) -> String {
        switch block {
        case .paragraph(let inlines):
            return inline(inlines, at: fence.location) + "\n"
        case .equation(let expression):
            return "\\begin{equation*}\n" + TeXWriter.tex(expression) + "\n\\end{equation*}\n"
        case .derivation(let derivation):
            return TeXWriter.tex(derivation, number: prose.table.derivationNumbers[fence.location] ?? "D?") + "\n"
        case .table(let table):
            return self.table(table, at: fence.location)
        case .figure(let figure):
            return self.figure(figure, fence: fence)
        }
    }

    private func table(_ table: ResultTable, at location: SourceLocation) -> String {
        let numbers = NumericColumns(table)
        let columns = table.header.indices.map { column in
            column < numbers.isNumeric.count && numbers.isNumeric[column] ? "r" : "l"
        }.joined()
        func row(_ cells: [ResultTable.Cell], body: Bool = true) -> String {
            cells.enumerated().map { column, cell in
                (body ? numbers.text(cell, column: column).map(LaTeXText.escaped) : nil) ?? inline(cell, at: location)
            }.joined(separator: " & ") + " \\\\\n"
        }
        // Not a `table` float with `\caption`: the page numbers only the author's `{table}`s, and
        // a counted result table would shift LaTeX's numbers from the page's. Kept in place, too,
        // beside the verdict that reads it, with its caption above it as on the page.
        var out = "\\begin{center}\n"
        if let caption = table.caption { out += "{\\small " + inline(caption, at: location) + "}\\par\\medskip\n" }
        out += "\\begin{tabular}{\(columns)}\n\\toprule\n" + row(table.header, body: false) + "\\midrule\n"
        out += table.rows.map { row($0) }.joined() + "\\bottomrule\n\\end{tabular}\n\\end{center}\n"
        return out
    }

    private func figure(_ figure: FigureOutput, fence: DirectiveFence) -> String {
        var plots = PGFPlotsWriter()
        let picture: String
        switch figure.content {
        case .chart(let chart): picture = plots.chart(chart, width: "0.9\\linewidth")
        case .smallMultiples(let panels): picture = plots.smallMultiples(panels)
        }
        for skipped in plots.placeholders {
            prose.warn("the LaTeX writer does not draw \(skipped) yet; the figure shows a note in its place",
                       at: fence.location, fix: "see the HTML page for this figure")
        }
        var out = "\\begin{figure}[htbp]\n\\centering\n" + picture + "\n"
        let caption = figure.caption.map(authored) ?? ""
        out += "\\caption{" + caption + "}"
        if let label = fence.label { out += "\\label{" + LaTeXText.key(label) + "}" }
        return out + "\n\\end{figure}\n"
    }

    /// A caption the author wrote: inline Markdown only; blocks are shown as written.
    private func authored(_ text: AuthoredText) -> String {
        let document = MarkdownParser.parse(text.markdown,
                                            options: .init(file: prose.file, lineOffset: text.location.line - 1))
        if document.blocks.count == 1, case .paragraph(let inlines) = document.blocks[0].kind,
           document.footnotes.isEmpty {
            return prose.inline(inlines)
        }
        return LaTeXText.escaped(text.markdown)
    }

    /// Inline content a directive wrote: text escaped, names as code, math as `$…$`.
    func inline(_ inlines: [Inline], at location: SourceLocation) -> String {
        inlines.map { piece in
            switch piece {
            case .text(let text): LaTeXText.escaped(text)
            case .code(let text): LaTeXText.code(text)
            case .math(let expression): "$" + TeXWriter.tex(expression) + "$"
            case .quantity(let quantity, let showsError):
                LaTeXText.escaped(HTMLBodyWriter.prose(quantity, showsError: showsError))
            case .emphasis(let inner): "\\emph{" + inline(inner, at: location) + "}"
            case .reference(let label): prose.reference(label, at: location)
            case .authored(let text): authored(text)
            case .oncePerPage(_, let inner): inline(inner, at: location)
            }
        }.joined()
    }
}
