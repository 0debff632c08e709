/// Fractions, binomials and radicals: `\frac`, `\dfrac`, `\tfrac`, `\cfrac`, `\binom`,
/// `\dbinom`, `\tbinom`, `\sqrt[n]{…}`.
enum FractionCommands {
    static func register(in registry: inout CommandRegistry) {
        // nil: the surrounding style; true: display (\dfrac); false: text (\tfrac).
        for (name, style) in [("\\frac", nil), ("\\dfrac", true), ("\\cfrac", true), ("\\tfrac", false)]
            as [(String, Bool?)]
        {
            registry.register(name) { parser, token in
                try fraction(parser, token, style: style, binomial: false)
            }
        }
        for (name, style) in [("\\binom", nil), ("\\dbinom", true), ("\\tbinom", false)] as [(String, Bool?)] {
            registry.register(name) { parser, token in
                try fraction(parser, token, style: style, binomial: true)
            }
        }
        for name in infixCommands {
            registry.register(name) { parser, token in
                parser.log.error(
                    "'\(token.text)' cannot be an argument",
                    fix: "put it in braces with its operands: {a \(token.text) b}",
                                 at: token.offset)
                return MathNode(.error(token.text), at: token.offset)
            }
        }
        for name in ["\\limits", "\\nolimits", "\\displaylimits"] {
            registry.register(name) { parser, token in
                parser.log.error(
                    "'\(token.text)' must follow a large operator", fix: "write \\sum\(token.text)_{…}",
                    at: token.offset)
                return MathNode(.error(token.text), at: token.offset)
            }
        }
        registry.register("\\genfrac", genfrac)
        for (name, display) in [("\\splitfrac", false), ("\\splitdfrac", true)] {
            // mathtools: a numerator broken over two lines, the first flush left, the second right.
            registry.register(name) { parser, token in
                let (first, second) = try parser.withDisplayStyle(display) {
                    (try parser.parseArgument(of: token), try parser.parseArgument(of: token))
                }
                let table = MathTable(
                    rows: [[first], [second]], numbers: [nil, nil], layout: .multline, displayStyle: display,
                    numbered: false)
                return MathNode(.table(table), at: token.offset)
            }
        }
        registry.register("\\root") { parser, token in
            // Plain TeX: \root n \of x.
            let index = try parser.withDisplayStyle(false) { try parser.parseExpression(until: ["\\of"]) }
            guard try parser.expander.next().text == "\\of" else {
                throw TeXError("'\\root' needs '\\of'", fix: "write \\root 3 \\of x", at: token.offset)
            }
            let radicand = try parser.parseArgument(of: token)
            return MathNode(
                .root(radicand, index: MathNode(.row(index), at: token.offset).inScriptStyle()), at: token.offset)
        }
        registry.register("\\of") { _, token in
            throw TeXError("'\\of' without '\\root'", fix: "write \\root 3 \\of x", at: token.offset)
        }
        for (name, axis) in [("\\leftroot", "lspace"), ("\\uproot", "voffset")] {
            // amsmath's nudges of a root's index, in math units (1/18 em) to the left or up.
            registry.register(name) { parser, token in
                let amount = try parser.readStringArgument(of: token)
                guard let units = Double(amount.trimmingSpaces()) else {
                    throw TeXError(
                        "'\(token.text){\(amount)}' needs a whole number", fix: "write \(token.text){2}",
                        at: token.offset)
                }
                let ems = String((units / 18 * 10_000).rounded() / 10_000) + "em"
                let box = axis == "lspace" ? MathNode.PaddedBox(lspace: "-" + ems) : MathNode.PaddedBox(voffset: ems)
                return MathNode(
                    .padded(MathNode(.row(try parser.parseRestOfList()), at: token.offset), box), at: token.offset)
            }
        }
        registry.register("\\sqrt") { parser, token in
            let index = try parser.withDisplayStyle(false) { try parser.parseOptionalArgument() }
            let radicand = try parser.parseArgument(of: token)
            return MathNode(.root(radicand, index: index), at: token.offset)
        }
    }

    /// `\over`, `\atop`, `\above`, `\choose` …: plain TeX's generalized fractions, which take
    /// everything before them in the group as numerator and everything after as denominator.
    static let infixCommands: Set<String> = [
        "\\over", "\\atop", "\\above", "\\choose", "\\brace", "\\brack",
        "\\overwithdelims", "\\atopwithdelims", "\\abovewithdelims",
    ]

    /// What an infix fraction command said: its delimiters and rule thickness.
    struct Infix {
        var open: String
        var close: String
        var lineThickness: String?

        /// `display`: the style around, which sizes the delimiters as for `\binom`.
        func node(numerator: MathNode, denominator: MathNode, display: Bool, at offset: Int) -> MathNode {
            let fraction = MathNode(
                .fraction(numerator: numerator, denominator: denominator, lineThickness: lineThickness), at: offset)
            return delimited(fraction, open: open, close: close, size: delimiterSize(display: display), at: offset)
        }
    }

    /// Reads the delimiters and thickness that follow an infix command.
    static func readInfix(_ parser: Parser, _ command: Token) throws -> Infix {
        switch command.text {
        case "\\over": return Infix(open: "", close: "", lineThickness: nil)
        case "\\atop": return Infix(open: "", close: "", lineThickness: "0")
        case "\\choose": return Infix(open: "(", close: ")", lineThickness: "0")
        case "\\brace": return Infix(open: "{", close: "}", lineThickness: "0")
        case "\\brack": return Infix(open: "[", close: "]", lineThickness: "0")
        case "\\above": return Infix(open: "", close: "", lineThickness: try readThickness(parser, command))
        default:
            let open = try DelimiterCommands.readDelimiter(parser, after: command) ?? ""
            let close = try DelimiterCommands.readDelimiter(parser, after: command) ?? ""
            let thickness =
                command.text == "\\abovewithdelims"
                ? try readThickness(parser, command) : command.text == "\\atopwithdelims" ? "0" : nil
            return Infix(open: open, close: close, lineThickness: thickness)
        }
    }

    /// A TeX dimension such as `2pt` or `0.5em`, read token by token up to its unit.
    private static func readThickness(_ parser: Parser, _ command: Token) throws -> String {
        var text = ""
        while true {
            let token = try parser.expander.peekSkippingSpaces()
            guard token.kind == .character, token.text.count == 1, let character = token.text.first,
                  character.isNumber || character == "." || character.isLetter || character == "-" else { break }
            text += try parser.expander.next().text
            if let width = SpacingCommands.em(from: text) { return width }
        }
        throw TeXError(
            "cannot read the rule thickness '\(text)' after '\(command.text)'", fix: "write a length such as 1pt",
            at: command.offset)
    }

    /// amsmath's `\genfrac{left}{right}{thickness}{style}{numerator}{denominator}`; style 0–3 is
    /// display, text, script, scriptscript, empty keeps the surrounding style.
    private static func genfrac(_ parser: Parser, _ token: Token) throws -> MathNode {
        let open = try delimiterArgument(parser, token)
        let close = try delimiterArgument(parser, token)
        let thicknessText = try parser.readStringArgument(of: token)
        let styleText = try parser.readStringArgument(of: token)
        var thickness: String?
        if !thicknessText.isEmpty {
            guard let width = SpacingCommands.em(from: thicknessText) else {
                throw TeXError(
                    "cannot read the rule thickness '\(thicknessText)' of '\\genfrac'",
                    fix: "write a length such as 0pt or leave it empty", at: token.offset)
            }
            thickness = Double(width.dropLast(2)) == 0 ? "0" : width
        }
        let level = Int(styleText)
        if !styleText.isEmpty && (level == nil || !(0...3).contains(level!)) {
            throw TeXError(
                "the style '\(styleText)' of '\\genfrac' is not 0, 1, 2 or 3",
                fix: "0 display, 1 text, 2 script, 3 scriptscript", at: token.offset)
        }
        let display = level.map { $0 == 0 } ?? parser.displayStyle
        let (numerator, denominator) = try parser.withDisplayStyle(false) {
            (try parser.parseArgument(of: token), try parser.parseArgument(of: token))
        }
        var node = delimited(
            MathNode(
                .fraction(numerator: numerator, denominator: denominator, lineThickness: thickness), at: token.offset),
                             open: open, close: close, size: delimiterSize(display: display), at: token.offset)
        if let level {
            node = MathNode(
                .style(node, displayStyle: display, scriptLevel: max(level - 1, 0), color: nil), at: token.offset)
        }
        return node
    }

    /// A `{…}` argument holding one delimiter or nothing.
    private static func delimiterArgument(_ parser: Parser, _ command: Token) throws -> String {
        let open = try parser.nextSkippingSpaces()
        guard open.isCharacter("{") else {
            // An unbraced delimiter is one token, as for any argument: \genfrac(]{0pt}{}{a}{b}.
            parser.expander.pushBack(open)
            return try DelimiterCommands.readDelimiter(parser, after: command) ?? ""
        }
        if try parser.expander.peekSkippingSpaces().isCharacter("}") {
            _ = try parser.expander.next()
            return ""
        }
        let delimiter = try DelimiterCommands.readDelimiter(parser, after: command) ?? ""
        guard try parser.nextSkippingSpaces().isCharacter("}") else {
            throw TeXError("one delimiter per argument of '\(command.text)'", at: open.offset)
        }
        return delimiter
    }

    /// The height of the delimiters of a generalized fraction (`\binom`, `\choose`, `\genfrac`):
    /// TeX sizes them by the style, not by the parts (The TeXbook, rule 15e): delim1 (23.9 pt,
    /// so cmex10's 24 pt variant) in display style, delim2 (10.1 pt, the 12 pt one) otherwise.
    static func delimiterSize(display: Bool) -> String {
        display ? "2.4em" : "1.2em"
    }

    /// `node` between fences (empty strings: none); `stretchy` nil leaves it to the operator
    /// dictionary, which stretches fences; `size` fixes their height.
    static func delimited(_ node: MathNode, open: String, close: String, stretchy: Bool? = nil, size: String? = nil,
                          at offset: Int) -> MathNode {
        guard !open.isEmpty || !close.isEmpty else { return node }
        func fence(_ atomClass: AtomClass, _ form: String) -> OperatorAttributes {
            var attributes = OperatorAttributes(atomClass)
            attributes.form = form
            attributes.fence = true
            attributes.stretchy = stretchy
            if let size {
                attributes.stretchy = true
                attributes.symmetric = true
                attributes.minsize = size
                attributes.maxsize = size
            }
            return attributes
        }
        var children: [MathNode] = []
        if !open.isEmpty { children.append(MathNode(.op(open, fence(.opening, "prefix")), at: offset)) }
        children.append(node)
        if !close.isEmpty { children.append(MathNode(.op(close, fence(.closing, "postfix")), at: offset)) }
        return MathNode(.fenced(children), at: offset)
    }

    private static func fraction(_ parser: Parser, _ token: Token, style: Bool?, binomial: Bool) throws -> MathNode {
        // In display style the parts are in text style; in text style, in script style.
        let partsInScriptStyle = !(style ?? parser.displayStyle)
        let savedScriptStyle = parser.scriptStyle
        parser.scriptStyle = savedScriptStyle || partsInScriptStyle
        defer { parser.scriptStyle = savedScriptStyle }
        var (numerator, denominator) = try parser.withDisplayStyle(false) {
            (try parser.parseArgument(of: token), try parser.parseArgument(of: token))
        }
        if partsInScriptStyle {
            numerator = numerator.inScriptStyle()
            denominator = denominator.inScriptStyle()
        }
        var node = MathNode(
            .fraction(numerator: numerator, denominator: denominator, lineThickness: binomial ? "0" : nil),
            at: token.offset)
        if binomial {
            node = delimited(
                node, open: "(", close: ")", size: delimiterSize(display: style ?? parser.displayStyle),
                at: token.offset)
        }
        if let style {
            node = MathNode(.style(node, displayStyle: style, scriptLevel: 0, color: nil), at: token.offset)
        }
        return node
    }
}
