import ParzenMarkup

/// `\begin{…} … \end{…}`: amsmath's display environments (`equation`, `align`, `gather`,
/// `multline`, their starred forms, `split`, `aligned`, `gathered`), `cases`, the matrices and
/// `array`. Each environment is one entry in `environments`, which also feeds did-you-mean.
enum EnvironmentCommands {
    /// Parses an environment's body after `\begin{name}`.
    typealias Handler = @Sendable (Parser, Token, String) throws -> MathNode

    static let environments: [String: Handler] = {
        var table: [String: Handler] = [:]
        for (name, layout) in [("gather", MathTable.Layout.gather), ("align", .align), ("flalign", .flalign)] {
            table[name] = { parser, begin, name in try display(parser, begin, name, layout: layout, numbered: true) }
            table[name + "*"] = { parser, begin, name in
                try display(parser, begin, name, layout: layout, numbered: false)
            }
        }
        for name in ["alignat", "alignat*"] {
            table[name] = { parser, begin, name in
                _ = try parser.readStringArgument(of: begin)
                return try display(parser, begin, name, layout: .alignat, numbered: !name.hasSuffix("*"))
            }
        }
        for (name, layout) in [("equation", MathTable.Layout.gather), ("multline", .multline)] {
            table[name] = { parser, begin, name in
                try oneEquation(parser, begin, name, layout: layout, numbered: true)
            }
            table[name + "*"] = { parser, begin, name in
                try oneEquation(parser, begin, name, layout: layout, numbered: false)
            }
        }
        for (name, layout) in [("split", MathTable.Layout.align), ("aligned", .align), ("gathered", .gather),
                               ("lgathered", .array(["left"])), ("rgathered", .array(["right"]))] {
            table[name] = { parser, begin, name in try inner(parser, begin, name, layout: layout, display: true) }
        }
        table["alignedat"] = { parser, begin, name in
            _ = try parser.readStringArgument(of: begin)
            return try inner(parser, begin, name, layout: .alignat, display: true)
        }
        for (name, display, open, close) in [
            ("cases", false, "{", ""), ("dcases", true, "{", ""), ("rcases", false, "", "}"),
            ("drcases", true, "", "}"), ("dcases*", true, "{", ""), ("rcases*", false, "", "}"),
                                             ("cases*", false, "{", ""), ("drcases*", true, "", "}")] {
            table[name] = { parser, begin, name in
                var format = TableFormat()
                if name.hasSuffix("*") { format.textFrom = 1 }
                return try fenced(
                    open, close, try inner(parser, begin, name, layout: .cases, display: display, format: format),
                    at: begin.offset)
            }
        }
        for (name, open, close) in [
            ("matrix", "", ""), ("pmatrix", "(", ")"), ("bmatrix", "[", "]"), ("Bmatrix", "{", "}"),
                                    ("vmatrix", "|", "|"), ("Vmatrix", "‖", "‖")] {
            table[name] = { parser, begin, name in
                try fenced(
                    open, close, try inner(parser, begin, name, layout: .matrix, display: false), at: begin.offset)
            }
        }
        for (prefix, open, close) in [
            ("", "", ""), ("p", "(", ")"), ("b", "[", "]"), ("B", "{", "}"), ("v", "|", "|"), ("V", "‖", "‖"),
        ] {
            // mathtools' starred matrices take the column alignment: \begin{pmatrix*}[r].
            table[prefix + "matrix*"] = { parser, begin, name in
                let alignment = try parser.readOptionalString() ?? "c"
                guard let column = ["l": "left", "c": "center", "r": "right"][alignment] else {
                    throw TeXError(
                        "'\(alignment)' is not a column alignment of '\(name)'", fix: "write [l], [c] or [r]",
                        at: begin.offset)
                }
                return try fenced(
                    open, close, allColumns(try inner(parser, begin, name, layout: .matrix, display: false), column),
                    at: begin.offset)
            }
            for suffix in ["", "*"] {
                table[prefix + "smallmatrix" + suffix] = { parser, begin, name in
                    let alignment = suffix.isEmpty ? "c" : try parser.readOptionalString() ?? "c"
                    let column = ["l": "left", "r": "right"][alignment] ?? "center"
                    var node = try inner(parser, begin, name, layout: .matrix, display: false)
                    if !suffix.isEmpty { node = allColumns(node, column) }
                    if case .table(var content) = node.kind {
                        content.scriptLevel = 1
                        node.kind = .table(content)
                    }
                    return try fenced(open, close, node, at: begin.offset)
                }
            }
        }
        table["subarray"] = { parser, begin, name in
            let preamble = try parser.readStringArgument(of: begin)
            let column = ["l": "left", "r": "right"][preamble] ?? "center"
            var node = try inner(parser, begin, name, layout: .array([column]), display: false)
            if case .table(var content) = node.kind {
                content.compact = true
                node.kind = .table(content)
            }
            return node
        }
        for name in ["multlined"] {
            // mathtools: an inner multline, first line left, last right, no number.
            table[name] = { parser, begin, name in
                var options: [String] = []
                while let option = try parser.readOptionalString() { options.append("[\(option)]") }
                if !options.isEmpty {
                    parser.log.warning(
                        "the options \(options.joined()) of 'multlined' are not reproduced", at: begin.offset)
                }
                return try inner(parser, begin, name, layout: .multline, display: true)
            }
        }
        for name in ["eqnarray", "eqnarray*"] {
            // LaTeX's eqnarray: three columns, right, centred, left; each row numbered.
            table[name] = { parser, begin, name in
                try display(
                    parser, begin, name, layout: .array(["right", "center", "left"]), numbered: !name.hasSuffix("*"))
            }
        }
        for name in ["xalignat", "xalignat*", "xxalignat"] {
            table[name] = { parser, begin, name in
                _ = try parser.readStringArgument(of: begin)
                return try display(parser, begin, name, layout: .align, numbered: name == "xalignat")
            }
        }
        table["subequations"] = { parser, begin, _ in try subequations(parser, begin) }
        table["CD"] = { parser, begin, _ in try CommutativeDiagram.parse(parser, begin) }
        for name in ["array", "darray"] {
            table[name] = { parser, begin, name in
                _ = try parser.readOptionalString()
                let open = try parser.nextSkippingSpaces()
                guard open.isCharacter("{") else {
                    throw TeXError(
                        "'\\begin{\(name)}' needs its column specification", fix: "write \\begin{\(name)}{lcr}",
                        at: begin.offset)
                }
                let format = try TableFormat(
                    preamble: try parser.expander.readBalancedRaw(openedAt: open), command: begin)
                return try inner(
                    parser, begin, name, layout: .array(format.alignments), display: name == "darray", format: format)
            }
        }
        return table
    }()

    static func register(in registry: inout CommandRegistry) {
        registry.register("\\begin") { parser, token in
            let name = try parser.readStringArgument(of: token)
            guard let handler = environments[name] else {
                let fix = Suggestion.didYouMean(name, among: environments.keys.sorted())
                throw TeXError("unknown environment '\(name)'", fix: fix, at: token.offset)
            }
            return try handler(parser, token, name)
        }
        registry.register("\\end") { parser, token in
            let name = try parser.readStringArgument(of: token)
            throw TeXError("'\\end{\(name)}' has no matching '\\begin{\(name)}'", at: token.offset)
        }
        for name in [
            "\\hline", "\\hdashline", "\\cline", "\\cdashline", "\\multicolumn", "\\intertext", "\\shortintertext",
                     "\\firsthline", "\\lasthline"] {
            registry.register(name) { _, token in
                throw TeXError("'\(token.text)' is only allowed at the start of a row of an environment",
                               fix: "put it right after \\\\ or \\begin{…}", at: token.offset)
            }
        }
        for (name, alignment) in [("\\shoveleft", "left"), ("\\shoveright", "right")] {
            registry.register(name) { parser, token in
                parser.cellAlignment = alignment
                return try parser.parseArgument(of: token)
            }
        }
        registry.register("\\displaylines") { parser, token in
            // Plain TeX: centred lines separated by \cr (or \\).
            let open = try parser.nextSkippingSpaces()
            guard open.isCharacter("{") else {
                throw TeXError(
                    "'\\displaylines' needs its lines in braces", fix: "write \\displaylines{a\\cr b}", at: token.offset
                )
            }
            let (rows, numbers, format) = try parser.withDisplayStyle(true) {
                try parser.parseRows(of: token.text, begin: open, numbered: nil, closedByBrace: true)
            }
            var table = MathTable(rows: rows, numbers: numbers, layout: .gather, displayStyle: true, numbered: false)
            table.format = format
            return MathNode(.table(table), at: token.offset)
        }
        registry.register("\\newline") { parser, token in
            parser.log.warning(
                "'\\newline' outside an environment is ignored",
                fix: "use \\begin{gathered} … \\end{gathered} for several lines", at: token.offset)
            return MathNode(.empty, at: token.offset)
        }
        registry.register("\\\\") { parser, token in
            parser.log.warning(
                "'\\\\' outside an environment is ignored",
                fix: "use \\begin{gathered} … \\end{gathered} for several lines", at: token.offset)
            return MathNode(.empty, at: token.offset)
        }
    }

    /// A full-width display environment with a number column.
    private static func display(
        _ parser: Parser, _ begin: Token, _ name: String, layout: MathTable.Layout, numbered: Bool
    ) throws -> MathNode {
        let (rows, numbers, format) = try parser.withDisplayStyle(true) {
            try parser.parseRows(of: name, begin: begin, numbered: numbered)
        }
        var table = MathTable(
            rows: rows.map { alignRelations($0, layout: layout) }, numbers: numbers, layout: layout, displayStyle: true,
            numbered: true)
        table.format = format
        return MathNode(.table(table), at: begin.offset)
    }

    /// `equation` and `multline`: one equation, so one number, on the last row. LaTeX ignores
    /// a `\\` inside `equation` (one line, one number); it is warned about and kept as a line.
    private static func oneEquation(
        _ parser: Parser, _ begin: Token, _ name: String, layout: MathTable.Layout, numbered: Bool
    ) throws -> MathNode {
        parser.equationRows.append(EquationNumbering.Row(numbered: numbered))
        let (rows, _, _) = try parser.withDisplayStyle(true) {
            try parser.parseRows(of: name, begin: begin, numbered: nil)
        }
        if case .gather = layout, rows.count > 1 {
            parser.log.warning(
                "LaTeX does not break lines inside '\(name)' (it sets one line)",
                fix: "use \\begin{multline}, or \\begin{split} inside the equation", at: begin.offset)
        }
        let number = parser.numbering.finish(parser.equationRows.removeLast(), log: parser.log).number
        var numbers = [EquationNumber?](repeating: nil, count: rows.count)
        numbers[numbers.count - 1] = number
        return MathNode(
            .table(MathTable(rows: rows, numbers: numbers, layout: layout, displayStyle: true, numbered: true)),
            at: begin.offset)
    }

    /// amsmath's `subequations`: the numbered environments inside share one number and letter
    /// their rows (2a, 2b, …); a `\label` outside them names the group's number, and links to
    /// its first environment.
    private static func subequations(_ parser: Parser, _ begin: Token) throws -> MathNode {
        if parser.numbering.isInGroup {
            throw TeXError(
                "'subequations' inside 'subequations': amsmath numbers the equations after it wrongly",
                fix: "end the first group before the second begins", at: begin.offset)
        }
        guard parser.equationRows.count == 1 else {
            throw TeXError(
                "'\\begin{subequations}' must be at the top of display math, outside other environments",
                fix: "write $$\\begin{subequations}\\begin{align}…\\end{align}\\end{subequations}$$", at: begin.offset)
        }
        _ = parser.numbering.beginGroup(log: parser.log, at: begin.offset)
        parser.equationRows.append(EquationNumbering.Row(numbered: false))
        var body: [MathNode]
        do {
            body = try parser.parseExpression(until: ["\\end"])
            let end = try parser.expander.next()
            guard end.text == "\\end" else {
                throw TeXError(
                    "'\\begin{subequations}' is never ended", fix: "add \\end{subequations}", at: begin.offset)
            }
            let name = try parser.readStringArgument(of: end)
            guard name == "subequations" else {
                throw TeXError(
                    "'\\begin{subequations}' is ended by '\\end{\(name)}'", fix: "write \\end{subequations}",
                    at: end.offset)
            }
        } catch {
            _ = parser.numbering.endGroup(labels: [], log: parser.log)
            throw error
        }
        let group = parser.equationRows.removeLast()
        if group.tag != nil {
            parser.log.error(
                "'\\tag' in 'subequations' outside its equations", fix: "move it into a row of an equation",
                at: begin.offset)
        }
        let labels = parser.numbering.endGroup(labels: group.labels, log: parser.log)
        if let label = labels.first {
            guard let first = body.firstIndex(where: { if case .table = $0.kind { true } else { false } }),
                  case .table(var content) = body[first].kind else {
                parser.log.warning(
                    "'\\label{\(label)}' names a 'subequations' group that holds no equation environment",
                    fix: "put \\begin{equation} or \\begin{align} inside the group", at: begin.offset)
                return MathTable.stacked(body, at: begin.offset)
            }
            content.anchor = EquationNumbering.anchor(for: label)
            body[first].kind = .table(content)
        }
        return MathTable.stacked(body, at: begin.offset)
    }

    /// An environment used inside a formula: no numbers, natural width.
    private static func inner(_ parser: Parser, _ begin: Token, _ name: String, layout: MathTable.Layout, display: Bool,
                              format: TableFormat = TableFormat()) throws -> MathNode {
        let (rows, numbers, format) = try parser.withDisplayStyle(display) {
            try parser.parseRows(of: name, begin: begin, numbered: nil, format: format)
        }
        var table = MathTable(
            rows: rows.map { alignRelations($0, layout: layout) }, numbers: numbers, layout: layout,
            displayStyle: display, numbered: false)
        table.format = format
        return MathNode(.table(table), at: begin.offset)
    }

    /// In `align`, the cells after each `&` start with a relation that keeps its spaces
    /// (amsmath puts an empty group before it).
    private static func alignRelations(_ cells: [MathNode], layout: MathTable.Layout) -> [MathNode] {
        switch layout {
        case .align, .alignat, .flalign: break
        default: return cells
        }
        return cells.enumerated().map { index, cell in
            guard index % 2 == 1, case .row(var children) = cell.kind, !children.isEmpty else { return cell }
            children[0] = children[0].withInfixForm()
            return MathNode(.row(children), at: cell.offset)
        }
    }

    /// A matrix whose every column is aligned `alignment` (the starred matrices).
    private static func allColumns(_ node: MathNode, _ alignment: String) -> MathNode {
        guard case .table(var content) = node.kind else { return node }
        content.layout = .array(Array(repeating: alignment, count: content.rows.map(\.count).max() ?? 0))
        return MathNode(.table(content), at: node.offset)
    }

    /// Wraps a table in stretching fences (matrices, cases).
    private static func fenced(_ open: String, _ close: String, _ table: MathNode, at offset: Int) throws -> MathNode {
        FractionCommands.delimited(table, open: open, close: close, stretchy: true, at: offset)
    }
}
