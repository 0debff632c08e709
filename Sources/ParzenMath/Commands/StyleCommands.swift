/// Style switches that act up to the end of the group: `\displaystyle`, `\textstyle`,
/// `\scriptstyle`, `\scriptscriptstyle`, `\color{…}`; and `\textcolor{…}{…}`.
///
/// Colours are CSS names or `#rrggbb`; xcolor expressions such as `red!50` are not
/// supported and are ignored with a warning, so the formula still renders.
enum StyleCommands {
    /// The xcolor base names, which are also CSS colour names.
    private static let colorNames: Set<String> = [
        "black", "white", "red", "green", "blue", "cyan", "magenta", "yellow", "gray", "grey", "darkgray",
        "lightgray", "brown", "lime", "olive", "orange", "pink", "purple", "teal", "violet",
    ]

    static func register(in registry: inout CommandRegistry) {
        for (name, display, level) in [("\\displaystyle", true, 0), ("\\textstyle", false, 0),
                                       ("\\scriptstyle", false, 1), ("\\scriptscriptstyle", false, 2)] {
            registry.register(name) { parser, token in
                let rest = try parser.withDisplayStyle(display) { try parser.parseRestOfList() }
                return MathNode(
                    .style(
                        MathNode(.row(rest), at: token.offset), displayStyle: display, scriptLevel: level, color: nil),
                    at: token.offset)
            }
        }
        // LaTeX's size switches (in em of the 10 pt base size), up to the end of the group.
        for (name, size) in [
            ("\\tiny", "0.5em"), ("\\scriptsize", "0.7em"), ("\\footnotesize", "0.8em"), ("\\small", "0.9em"),
            ("\\normalsize", "1em"), ("\\large", "1.2em"), ("\\Large", "1.44em"), ("\\LARGE", "1.728em"),
                             ("\\huge", "2.074em"), ("\\Huge", "2.488em")] {
            registry.register(name) { parser, token in
                MathNode(
                    .styled(MathNode(.row(try parser.parseRestOfList()), at: token.offset), css: "font-size:" + size),
                    at: token.offset)
            }
        }
        registry.register("\\mathchoice") { parser, token in
            let choices = try (0..<4).map { _ in try parser.parseArgument(of: token) }
            return parser.displayStyle ? choices[0] : parser.scriptStyle ? choices[2] : choices[1]
        }
        registry.register("\\ensuremath") { parser, token in try parser.parseArgument(of: token) }
        registry.register("\\cramped") { parser, token in
            // TeX's cramped style, which sets superscripts lower: CSS math-shift in MathML Core.
            _ = try parser.readOptionalString()
            return MathNode(.styled(try parser.parseArgument(of: token), css: "math-shift:compact"), at: token.offset)
        }
        registry.register("\\vcenter") { parser, token in
            parser.log.warning("'\\vcenter' is set on the baseline, not centred on the math axis", at: token.offset)
            return try parser.parseArgument(of: token)
        }
        registry.register("\\definecolor") { parser, token in
            let name = try parser.readStringArgument(of: token)
            let model = try parser.readStringArgument(of: token)
            let value = try parser.readStringArgument(of: token)
            guard model == "HTML" || model == "rgb" else {
                parser.log.warning(
                    "colour model '\(model)' of '\(name)' is not supported", fix: "use HTML or rgb", at: token.offset)
                return MathNode(.empty, at: token.offset)
            }
            parser.definedColors[name] = model == "HTML" ? "#" + value : "rgb(" + value.split(separator: ",").map {
                String(Int(((Double(String($0).trimmingSpaces()) ?? 0) * 255).rounded()))
            }.joined(separator: ",") + ")"
            return MathNode(.empty, at: token.offset)
        }
        registry.register("\\color") { parser, token in
            let color = try readColor(parser, token)
            let rest = try parser.parseRestOfList()
            return colored(MathNode(.row(rest), at: token.offset), color)
        }
        registry.register("\\textcolor") { parser, token in
            let color = try readColor(parser, token)
            return colored(try parser.parseArgument(of: token), color)
        }
    }

    private static func colored(_ node: MathNode, _ color: String?) -> MathNode {
        guard let color else { return node }
        return MathNode(.style(node, displayStyle: nil, scriptLevel: nil, color: color), at: node.offset)
    }

    /// `{name}`, `{#rrggbb}` or `[HTML]{rrggbb}`; nil (with a warning) for anything else.
    static func readColor(_ parser: Parser, _ command: Token) throws -> String? {
        var model: String?
        if try parser.expander.peekSkippingSpaces().isCharacter("[") {
            _ = try parser.expander.next()
            var text = ""
            while true {
                let token = try parser.expander.next()
                if token.isEnd { throw TeXError("'[' after '\(command.text)' is never closed", at: command.offset) }
                if token.isCharacter("]") { break }
                text += token.text
            }
            model = text
        }
        let value = try parser.readStringArgument(of: command)
        let isHex = (value.count == 6 || value.count == 3) && value.allSatisfy(\.isHexDigit)
        if model == "HTML", isHex { return "#" + value }
        if model == nil, colorNames.contains(value) { return value }
        if model == nil, let defined = parser.definedColors[value] { return defined }
        if model == nil, value.hasPrefix("#"), isHexColor(value.dropFirst()) { return value }
        parser.log.warning("colour '\(model.map { "[\($0)]" } ?? "")\(value)' is not supported; the colour is ignored",
                           fix: "use a name such as red or blue, #rrggbb, or [HTML]{rrggbb}", at: command.offset)
        return nil
    }

    private static func isHexColor(_ digits: Substring) -> Bool {
        (digits.count == 6 || digits.count == 3) && digits.allSatisfy(\.isHexDigit)
    }
}
