import ParzenMarkup

/// `\begin{…} … \end{…}`: amsmath's display environments (`equation`, `align`, `gather`,
/// `multline`, their starred forms, `split`, `aligned`, `gathered`), `cases`, the matrices and
/// `array`. Each environment is one entry in `environments`, which also feeds did-you-mean.
enum EnvironmentCommands {
    /// Parses an environment's body after `\begin{name}`.
    typealias Handler = @Sendable (Parser, Token, String) throws -> MathNode

    static let environments: [String: Handler] = {
        var table: [String: Handler] = [:]
        for (name, layout) in [("equation", MathTable.Layout.gather), ("gather", .gather), ("align", .align), ("flalign", .flalign)] {
            table[name] = { parser, begin, name in try display(parser, begin, name, layout: layout, numbered: true) }
            table[name + "*"] = { parser, begin, name in try display(parser, begin, name, layout: layout, numbered: false) }
        }
        for name in ["alignat", "alignat*"] {
            table[name] = { parser, begin, name in
                _ = try parser.readStringArgument(of: begin)
                return try display(parser, begin, name, layout: .alignat, numbered: !name.hasSuffix("*"))
            }
        }
        table["multline"] = { parser, begin, name in try multline(parser, begin, name, numbered: true) }
        table["multline*"] = { parser, begin, name in try multline(parser, begin, name, numbered: false) }
        for (name, layout) in [("split", MathTable.Layout.align), ("aligned", .align), ("gathered", .gather)] {
            table[name] = { parser, begin, name in try inner(parser, begin, name, layout: layout, display: true) }
        }
        table["alignedat"] = { parser, begin, name in
            _ = try parser.readStringArgument(of: begin)
            return try inner(parser, begin, name, layout: .alignat, display: true)
        }
        for (name, display, open, close) in [("cases", false, "{", ""), ("dcases", true, "{", ""), ("rcases", false, "", "}")] {
            table[name] = { parser, begin, name in
                try fenced(open, close, try inner(parser, begin, name, layout: .cases, display: display), at: begin.offset)
            }
        }
        for (name, open, close) in [("matrix", "", ""), ("pmatrix", "(", ")"), ("bmatrix", "[", "]"), ("Bmatrix", "{", "}"),
                                    ("vmatrix", "|", "|"), ("Vmatrix", "‖", "‖")] {
            table[name] = { parser, begin, name in
                try fenced(open, close, try inner(parser, begin, name, layout: .matrix, display: false), at: begin.offset)
            }
        }
        table["smallmatrix"] = { parser, begin, name in
            var node = try inner(parser, begin, name, layout: .matrix, display: false)
            if case .table(var content) = node.kind {
                content.scriptLevel = 1
                node.kind = .table(content)
            }
            return node
        }
        table["array"] = { parser, begin, name in
            let preamble = try parser.readStringArgument(of: begin)
            let columns = preamble.compactMap { ["l": "left", "c": "center", "r": "right"][$0] }
            return try inner(parser, begin, name, layout: .array(columns), display: false)
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
        registry.register("\\\\") { parser, token in
            parser.log.warning("'\\\\' outside an environment is ignored", fix: "use \\begin{gathered} … \\end{gathered} for several lines", at: token.offset)
            return MathNode(.empty, at: token.offset)
        }
    }

    /// A full-width display environment with a number column.
    private static func display(_ parser: Parser, _ begin: Token, _ name: String, layout: MathTable.Layout, numbered: Bool) throws -> MathNode {
        let (rows, numbers) = try parser.withDisplayStyle(true) { try parser.parseRows(of: name, begin: begin, numbered: numbered) }
        let table = MathTable(rows: rows.map { alignRelations($0, layout: layout) }, numbers: numbers, layout: layout, displayStyle: true, numbered: true)
        return MathNode(.table(table), at: begin.offset)
    }

    /// `multline`: one number, on the last row.
    private static func multline(_ parser: Parser, _ begin: Token, _ name: String, numbered: Bool) throws -> MathNode {
        parser.equationRows.append(EquationNumbering.Row(numbered: numbered))
        let (rows, _) = try parser.withDisplayStyle(true) { try parser.parseRows(of: name, begin: begin, numbered: nil) }
        let number = parser.numbering.finish(parser.equationRows.removeLast(), log: parser.log)
        var numbers = [EquationNumber?](repeating: nil, count: rows.count)
        numbers[numbers.count - 1] = number
        return MathNode(.table(MathTable(rows: rows, numbers: numbers, layout: .multline, displayStyle: true, numbered: true)), at: begin.offset)
    }

    /// An environment used inside a formula: no numbers, natural width.
    private static func inner(_ parser: Parser, _ begin: Token, _ name: String, layout: MathTable.Layout, display: Bool) throws -> MathNode {
        let (rows, numbers) = try parser.withDisplayStyle(display) { try parser.parseRows(of: name, begin: begin, numbered: nil) }
        let table = MathTable(rows: rows.map { alignRelations($0, layout: layout) }, numbers: numbers, layout: layout, displayStyle: display, numbered: false)
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

    /// Wraps a table in stretching fences (matrices, cases).
    private static func fenced(_ open: String, _ close: String, _ table: MathNode, at offset: Int) throws -> MathNode {
        guard !open.isEmpty || !close.isEmpty else { return table }
        var children: [MathNode] = []
        if !open.isEmpty {
            var attributes = OperatorAttributes(.opening)
            attributes.form = "prefix"
            attributes.fence = true
            attributes.stretchy = true
            children.append(MathNode(.op(open, attributes), at: offset))
        }
        children.append(table)
        if !close.isEmpty {
            var attributes = OperatorAttributes(.closing)
            attributes.form = "postfix"
            attributes.fence = true
            attributes.stretchy = true
            children.append(MathNode(.op(close, attributes), at: offset))
        }
        return MathNode(.fenced(children), at: offset)
    }
}
