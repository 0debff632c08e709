/// What an `array` preamble (`{|l|c@{}p{2cm}|}`) and the rules between rows say beyond the
/// cells: column alignments, widths, vertical and horizontal rules, spans, and material that
/// `>{…}`, `<{…}`, `@{…}` and `!{…}` put into every cell of a column.
struct TableFormat {
    /// Tokens inserted before and after each cell of one column.
    struct Template {
        var prefix: [Token] = []
        var suffix: [Token] = []
    }

    /// A rule between rows (`\hline`, `\hdashline`, `\cline{2-3}`).
    struct HorizontalRule {
        var dashed: Bool
        /// 0-based columns it covers; nil for the full width.
        var columns: ClosedRange<Int>?
    }

    /// "left", "center", "right" per column (empty: the environment decides).
    var alignments: [String] = []
    var templates: [Template] = []
    /// CSS widths of `p{…}`, `m{…}`, `b{…}` columns.
    var widths: [Int: String] = [:]
    /// Column boundary (0 = left edge, n = right edge of column n-1) → dashed.
    var verticalRules: [Int: Bool] = [:]
    /// Boundaries where `@{…}` removes the space between columns.
    var tightBoundaries: Set<Int> = []
    /// Row index → rules above it (`rows.count`: below the last row).
    var horizontalRules: [Int: [HorizontalRule]] = [:]
    /// The first column set as text (the second of mathtools' `cases*`), if any.
    var textFrom: Int?
    /// Row → the extra space in em that `\\[4pt]` asks for below it.
    var rowSpacing: [Int: Double] = [:]
    /// Row → cell index → (columns spanned, alignment) of `\multicolumn` cells.
    var spans: [Int: [Int: (count: Int, alignment: String, rules: (left: Bool, right: Bool))]] = [:]

    /// Columns spanned by the cell `cell` of `row`.
    func span(row: Int, cell: Int) -> Int {
        spans[row]?[cell]?.count ?? 1
    }

    /// `span(row:cell:)` limited to the columns the table has (`\intertext` spans them all).
    func span(row: Int, cell: Int, columns: Int, column: Int) -> Int {
        min(span(row: row, cell: cell), max(columns - column, 1))
    }

    /// CSS for one cell: its rules, width and a `\multicolumn`'s own alignment, appended to
    /// the layout's style (later declarations win).
    func style(row: Int, cell: Int, column: Int, rowCount: Int) -> String {
        let span = self.span(row: row, cell: cell)
        var css = ""
        func covers(_ rules: [HorizontalRule]?) -> String? {
            guard
                let rule = rules?.first(where: { $0.columns.map { $0.overlaps(column...(column + span - 1)) } ?? true })
            else { return nil }
            return rule.dashed ? "dashed" : "solid"
        }
        if let line = covers(horizontalRules[row]) { css += ";border-top:0.04em \(line)" }
        if row == rowCount - 1, let line = covers(horizontalRules[rowCount]) { css += ";border-bottom:0.04em \(line)" }
        // A \multicolumn's own specification replaces the rules at its edges.
        let own = spans[row]?[cell]
        let left = own.map { $0.rules.left ? false : nil } ?? (column == 0 ? verticalRules[0] : nil)
        let right = own.map { $0.rules.right ? false : nil } ?? verticalRules[column + span]
        // A rule keeps \arraycolsep (0.5 em) between itself and the cell, also at the outer edges.
        if let dashed = left { css += ";border-left:0.04em \(dashed ? "dashed" : "solid");padding-left:0.5em" }
        if let dashed = right { css += ";border-right:0.04em \(dashed ? "dashed" : "solid");padding-right:0.5em" }
        if tightBoundaries.contains(column) { css += ";padding-left:0" }
        if tightBoundaries.contains(column + span) { css += ";padding-right:0" }
        if let width = widths[column], span == 1 { css += ";width:\(width);text-align:left;text-align:-webkit-left" }
        if let own { css += ";text-align:\(own.alignment);text-align:-webkit-\(own.alignment)" }
        return css
    }

    /// Reads a preamble from its raw tokens; `*{n}{…}` is repeated, unknown column types throw.
    init(preamble tokens: [Token], command: Token) throws {
        var queue = tokens
        var index = 0
        var pendingPrefix: [Token] = []
        func group(_ what: String) throws -> [Token] {
            while index < queue.count, queue[index].kind == .space { index += 1 }
            guard index < queue.count else {
                throw TeXError(
                    "'\(what)' in the column specification needs {…}", fix: "write \(what){…}", at: command.offset)
            }
            if !queue[index].isCharacter("{") {
                index += 1
                return [queue[index - 1]]
            }
            var depth = 0
            var content: [Token] = []
            while index < queue.count {
                let token = queue[index]
                index += 1
                if token.isCharacter("{") {
                    depth += 1
                    if depth == 1 { continue }
                }
                if token.isCharacter("}") {
                    depth -= 1
                    if depth == 0 { return content }
                }
                content.append(token)
            }
            throw TeXError("'{' in the column specification is never closed", fix: "add '}'", at: command.offset)
        }
        while index < queue.count {
            let token = queue[index]
            index += 1
            switch token.kind == .character ? token.text : token.kind == .space ? " " : "\\" {
            case " ":
                continue
            case "l", "c", "r":
                alignments.append(["l": "left", "c": "center", "r": "right"][token.text]!)
                templates.append(Template(prefix: pendingPrefix))
                pendingPrefix = []
            case "p", "m", "b":
                let width = try group(token.text).map(\.text).joined()
                guard let em = SpacingCommands.em(from: width) else {
                    throw TeXError(
                        "cannot read the column width '\(width)'", fix: "write a length such as 3cm", at: command.offset
                    )
                }
                widths[alignments.count] = em
                alignments.append("left")
                templates.append(Template(prefix: pendingPrefix))
                pendingPrefix = []
            case "|", ":":
                verticalRules[alignments.count] = token.text == ":"
            case ">":
                pendingPrefix += try group(">")
            case "<":
                let suffix = try group("<")
                if !templates.isEmpty { templates[templates.count - 1].suffix += suffix }
            case "@", "!":
                let material = try group(token.text)
                if token.text == "@" { tightBoundaries.insert(alignments.count) }
                if templates.isEmpty {
                    pendingPrefix += material
                } else {
                    templates[templates.count - 1].suffix += material
                }
            case "*":
                let count = Int(try group("*").map(\.text).joined().trimmingSpaces()) ?? -1
                guard (0...100).contains(count) else {
                    throw TeXError(
                        "the repeat count of '*' in the column specification is not 0…100", at: command.offset)
                }
                let body = try group("*{n}")
                queue.insert(contentsOf: Array([[Token]](repeating: body, count: count).joined()), at: index)
            default:
                throw TeXError(
                    "unknown column type '\(token.text)' in the column specification",
                    fix: "use l, c, r, p{…}, |, :, @{…}, >{…}, <{…} or *{n}{…}", at: token.offset)
            }
        }
    }

    init() {}
}
