/// Fractions, binomials and radicals: `\frac`, `\dfrac`, `\tfrac`, `\cfrac`, `\binom`,
/// `\dbinom`, `\tbinom`, `\sqrt[n]{…}`.
enum FractionCommands {
    static func register(in registry: inout CommandRegistry) {
        // nil: the surrounding style; true: display (\dfrac); false: text (\tfrac).
        for (name, style) in [("\\frac", nil), ("\\dfrac", true), ("\\cfrac", true), ("\\tfrac", false)] as [(String, Bool?)] {
            registry.register(name) { parser, token in
                try fraction(parser, token, style: style, binomial: false)
            }
        }
        for (name, style) in [("\\binom", nil), ("\\dbinom", true), ("\\tbinom", false)] as [(String, Bool?)] {
            registry.register(name) { parser, token in
                try fraction(parser, token, style: style, binomial: true)
            }
        }
        registry.register("\\sqrt") { parser, token in
            let index = try parser.withDisplayStyle(false) { try parser.parseOptionalArgument() }
            let radicand = try parser.parseArgument(of: token)
            return MathNode(.root(radicand, index: index), at: token.offset)
        }
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
        var node = MathNode(.fraction(numerator: numerator, denominator: denominator, lineThickness: binomial ? "0" : nil), at: token.offset)
        if binomial {
            // TeX sizes a binomial's parentheses by the style, not by its parts: delim1 (23.9 pt,
            // so the 24 pt variant) in display style, delim2 (10.1 pt, the 12 pt one) otherwise.
            let size = style ?? parser.displayStyle ? "2.4em" : "1.2em"
            var open = OperatorAttributes(.opening)
            open.form = "prefix"
            open.fence = true
            open.stretchy = true
            open.symmetric = true
            open.minsize = size
            open.maxsize = size
            var close = open
            close.atomClass = .closing
            close.form = "postfix"
            node = MathNode(.fenced([MathNode(.op("(", open), at: token.offset), node, MathNode(.op(")", close), at: token.offset)]), at: token.offset)
        }
        if let style {
            node = MathNode(.style(node, displayStyle: style, scriptLevel: 0, color: nil), at: token.offset)
        }
        return node
    }
}
