/// amscd's `CD` environment: rows of objects joined by `@>a>b>`, `@<a<b<`, `@=`, `@.` and,
/// in the rows between them, vertical arrows `@VaVbV`, `@AaAbA`, `@|`, whose labels sit
/// beside the arrow. Laid out as a table whose even columns hold the objects.
enum CommutativeDiagram {
    private enum Piece {
        case math([MathNode])
        case horizontal(MathNode)
        case vertical(MathNode)
    }

    static func parse(_ parser: Parser, _ begin: Token) throws -> MathNode {
        var rows: [[MathNode]] = []
        var pieces: [Piece] = []
        while true {
            let start = try parser.expander.peekSkippingSpaces().offset
            pieces.append(.math(try parser.parseExpression(until: ["@", "\\\\", "\\end"])))
            let token = try parser.expander.next()
            switch token.text {
            case "@" where token.kind == .character:
                pieces.append(try arrow(parser, after: token))
            case "\\\\":
                rows.append(cells(of: pieces, at: start))
                pieces = []
            case "\\end":
                let name = try parser.readStringArgument(of: token)
                guard name == "CD" else {
                    throw TeXError(
                        "'\\begin{CD}' is ended by '\\end{\(name)}'", fix: "write \\end{CD}", at: token.offset)
                }
                let last = cells(of: pieces, at: start)
                if !(last.count == 1 && last[0].isEmptyRow) { rows.append(last) }
                let columns = rows.map(\.count).max() ?? 0
                let table = MathTable(
                    rows: rows, numbers: rows.map { _ in nil },
                    layout: .array(Array(repeating: "center", count: columns)),
                    displayStyle: parser.displayStyle, numbered: false)
                return MathNode(.table(table), at: begin.offset)
            default:
                if token.isEnd {
                    throw TeXError("'\\begin{CD}' is never ended", fix: "add \\end{CD}", at: begin.offset)
                }
                throw TeXError("'}' inside '\\begin{CD}' has no matching '{'", at: token.offset)
            }
        }
    }

    /// A row's cells: objects and horizontal arrows alternate; a row of vertical arrows puts
    /// each under an object, with empty cells between.
    private static func cells(of pieces: [Piece], at offset: Int) -> [MathNode] {
        let hasVertical = pieces.contains { if case .vertical = $0 { return true } else { return false } }
        var cells: [MathNode] = []
        for piece in pieces {
            switch piece {
            case .math(let nodes):
                if !hasVertical { cells.append(MathNode(.row(nodes), at: offset)) }
            case .horizontal(let node):
                cells.append(node)
            case .vertical(let node):
                if !cells.isEmpty { cells.append(MathNode(.row([]), at: offset)) }
                cells.append(node)
            }
        }
        return cells
    }

    /// The arrow after `@`, with its labels.
    private static func arrow(_ parser: Parser, after at: Token) throws -> Piece {
        let kind = try parser.expander.next()
        func labels(closedBy mark: String) throws -> (MathNode, MathNode) {
            let first = try label(parser, until: mark, at: kind)
            let second = try label(parser, until: mark, at: kind)
            return (first, second)
        }
        var attributes = OperatorAttributes(.relation)
        attributes.stretchy = true
        switch kind.text {
        case ">", "<":
            let (over, under) = try labels(closedBy: kind.text)
            attributes.form = "infix"
            let shaft = MathNode(.op(kind.text == ">" ? "⟶" : "⟵", attributes), at: at.offset)
            return .horizontal(MathNode(.stack(base: shaft, over: over, under: under, accent: false), at: at.offset))
        case "=":
            return .horizontal(MathNode(.op("=", attributes), at: at.offset))
        case "V", "A":
            let (left, right) = try labels(closedBy: kind.text)
            let shaft = MathNode(.op(kind.text == "V" ? "↓" : "↑", attributes), at: at.offset)
            return .vertical(MathNode(.row([left, shaft, right]), at: at.offset))
        case "|":
            return .vertical(MathNode(.op("‖", attributes), at: at.offset))
        case ".":
            return .vertical(MathNode(.row([]), at: at.offset))
        default:
            throw TeXError(
                "'@\(kind.text)' is not an arrow of CD", fix: "use @>>>, @<<<, @VVV, @AAA, @=, @| or @.", at: at.offset)
        }
    }

    /// One arrow label, up to the closing mark, in script style.
    private static func label(_ parser: Parser, until mark: String, at kind: Token) throws -> MathNode {
        let nodes = try parser.withDisplayStyle(false) { try parser.parseExpression(until: [mark]) }
        guard try parser.expander.next().isCharacter(mark) else {
            throw TeXError(
                "the arrow '@\(kind.text)' is not closed", fix: "write @\(kind.text)label\(kind.text)label\(kind.text)",
                at: kind.offset)
        }
        return MathNode(.row(nodes), at: kind.offset).withoutOperatorSpacing().inScriptStyle()
    }
}
