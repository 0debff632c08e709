/// Scripts beyond `^` and `_`: `\sideset{_a^b}{_c^d}\sum` (amsmath), `\prescript{sup}{sub}{base}`
/// (mathtools), `\substack{…\\…}` and `\overunderset`/`\buildrel`.
enum ScriptCommands {
    static func register(in registry: inout CommandRegistry) {
        registry.register("\\sideset") { parser, token in
            let first = try parser.withDisplayStyle(false) { try parser.parseArgument(of: token) }
            let second = try parser.withDisplayStyle(false) { try parser.parseArgument(of: token) }
            let base = try parser.parseArgument(of: token)
            guard let before = scriptPairs(in: first), let after = scriptPairs(in: second) else {
                // Material other than scripts is set beside the operator, as amsmath does.
                return MathNode(.row([first, base, second]), at: token.offset, limits: base.limits)
            }
            return MathNode(.multiscripts(base: base, post: after, pre: before), at: token.offset, limits: base.limits)
        }
        registry.register("\\prescript") { parser, token in
            let (sup, sub) = try parser.withDisplayStyle(false) {
                (
                    try parser.parseArgument(of: token).inScriptStyle(),
                    try parser.parseArgument(of: token).inScriptStyle()
                )
            }
            let base = try parser.parseArgument(of: token)
            let pair = MathNode.ScriptPair(sub: sub.isEmptyRow ? nil : sub, sup: sup.isEmptyRow ? nil : sup)
            return MathNode(.multiscripts(base: base, post: [], pre: [pair]), at: token.offset)
        }
        registry.register("\\substack") { parser, token in
            let open = try parser.nextSkippingSpaces()
            guard open.isCharacter("{") else {
                throw TeXError(
                    "'\(token.text)' needs its lines in braces", fix: "write \(token.text){a\\\\b}", at: token.offset)
            }
            let (rows, numbers, _) = try parser.parseRows(
                of: token.text, begin: open, numbered: nil, closedByBrace: true)
            var table = MathTable(
                rows: rows, numbers: numbers, layout: .array(["center"]), displayStyle: false, numbered: false)
            table.compact = true
            return MathNode(.table(table), at: token.offset)
        }
        registry.register("\\overunderset") { parser, token in
            let over = try parser.withDisplayStyle(false) { try parser.parseArgument(of: token) }
                .withoutOperatorSpacing().inScriptStyle()
            let under = try parser.withDisplayStyle(false) { try parser.parseArgument(of: token) }
                .withoutOperatorSpacing().inScriptStyle()
            let base = try parser.parseArgument(of: token).withInfixForm()
            return MathNode(.stack(base: base, over: over, under: under, accent: false), at: token.offset)
        }
        registry.register("\\buildrel") { parser, token in
            // Plain TeX: \buildrel over \over base.
            let over = try parser.withDisplayStyle(false) { try parser.parseExpression(until: ["\\over"]) }
            guard try parser.expander.next().text == "\\over" else {
                throw TeXError("'\\buildrel' needs '\\over'", fix: "write \\buildrel a \\over =", at: token.offset)
            }
            let base = try parser.parseArgument(of: token).withInfixForm()
            let script = MathNode(.row(over), at: token.offset).withoutOperatorSpacing().inScriptStyle()
            return MathNode(.stack(base: base, over: script, under: nil, accent: false), at: token.offset)
        }
    }

    /// The scripts of a `\sideset` argument (`_a^b`, `'`, empty) as pairs; nil if it holds more.
    private static func scriptPairs(in node: MathNode) -> [MathNode.ScriptPair]? {
        let children: [MathNode]
        if case .row(let items) = node.kind { children = items } else { children = [node] }
        var pairs: [MathNode.ScriptPair] = []
        for child in children {
            switch child.kind {
            case .scripts(let base, let sub, let sup, _) where base.isEmptyRow:
                pairs.append(MathNode.ScriptPair(sub: sub, sup: sup))
            case .row(let parts) where parts.count == 2 && parts[0].isEmptyRow:
                pairs.append(MathNode.ScriptPair(sub: nil, sup: parts[1]))
            case .row(let parts) where parts.isEmpty:
                continue
            default:
                return nil
            }
        }
        return pairs
    }
}
