/// Dirac's notation and sets from the braket package: `\bra{x}` ⟨x|, `\ket{x}` |x⟩,
/// `\braket{x|y}` ⟨x|y⟩, `\set{x}` {x}, at normal size; `\Bra`, `\Ket`, `\Braket` and `\Set`
/// stretch with their content, and so do the bars inside `\Braket` (all) and `\Set` (the first).
enum BraketCommands {
    static func register(in registry: inout CommandRegistry) {
        for (name, open, close) in [
            ("\\bra", "⟨", "|"), ("\\ket", "|", "⟩"), ("\\braket", "⟨", "⟩"), ("\\set", "{", "}"),
        ] {
            registry.register(name) { parser, token in
                let content = try parser.parseArgument(of: token)
                return MathNode(
                    .row([
                        MathNode(.op(open, .fixedDelimiter(.opening)), at: token.offset), content,
                        MathNode(.op(close, .fixedDelimiter(.closing)), at: token.offset),
                    ]), at: token.offset)
            }
        }
        for (name, open, close, bars) in [
            ("\\Bra", "⟨", "|", Int.max), ("\\Ket", "|", "⟩", Int.max),
            ("\\Braket", "⟨", "⟩", Int.max), ("\\Set", "{", "}", 1),
        ] {
            registry.register(name) { parser, token in
                let content = try parser.parseArgument(of: token)
                var children = [DelimiterCommands.fence(open, form: "prefix", at: token.offset)!]
                children += stretchingBars(in: content, count: bars)
                children.append(DelimiterCommands.fence(close, form: "postfix", at: token.offset)!)
                return MathNode(
                    .fenced(DelimiterCommands.fittingFences(children, display: parser.displayStyle)), at: token.offset)
            }
        }
    }

    /// The children of `content` with its first `count` top-level bars (`|`, `\|`) made
    /// stretching middle fences, thinly spaced as braket.sty spaces them.
    private static func stretchingBars(in content: MathNode, count: Int) -> [MathNode] {
        let children: [MathNode]
        if case .row(let items) = content.kind { children = items } else { children = [content] }
        var remaining = count
        return children.map { child in
            guard remaining > 0, case .op(let text, _) = child.kind, text == "|" || text == "‖",
                var bar = DelimiterCommands.fence(text, form: "infix", at: child.offset),
                case .op(_, var attributes) = bar.kind
            else { return child }
            remaining -= 1
            attributes.lspace = "0.1667em"
            attributes.rspace = "0.1667em"
            bar.kind = .op(text, attributes)
            return bar
        }
    }
}
