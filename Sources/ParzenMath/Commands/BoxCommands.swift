/// Boxes: frames and backgrounds (`\boxed`, `\fbox`, `\colorbox`, `\fcolorbox`), strike-outs
/// (`\cancel`, `\bcancel`, `\xcancel`, `\cancelto`), changed boxes (`\smash`, `\mathrlap` and
/// friends, `\raisebox`, `\hphantom`, `\vphantom`, `\mathstrut`, `\makebox`) and `\rule`.
///
/// MathML Core has no `<menclose>`: frames are CSS borders with TeX's `\fboxsep` (3 pt) and
/// `\fboxrule` (0.4 pt); strike-outs are a linear gradient along the box's diagonal.
enum BoxCommands {
    private static let frame = "border:0.04em solid;padding:0.3em"

    /// A line of `\fboxrule` along one diagonal: "to bottom right" draws ╱, "to top right" ╲.
    private static func diagonal(_ direction: String) -> String {
        "linear-gradient(to \(direction),transparent calc(50% - 0.04em),currentcolor calc(50% - 0.04em),"
            + "currentcolor calc(50% + 0.04em),transparent calc(50% + 0.04em))"
    }

    static func register(in registry: inout CommandRegistry) {
        registry.register("\\boxed") { parser, token in
            MathNode(
                .styled(try parser.withDisplayStyle(true) { try parser.parseArgument(of: token) }, css: frame),
                at: token.offset)
        }
        for name in ["\\fbox", "\\framebox"] {
            registry.register(name) { parser, token in
                try skipBoxOptions(parser, token)
                return MathNode(
                    .styled(try TextCommands.parseText(parser, token, style: nil), css: frame), at: token.offset)
            }
        }
        registry.register("\\colorbox") { parser, token in
            let color = try StyleCommands.readColor(parser, token)
            let content = try TextCommands.parseText(parser, token, style: nil)
            return MathNode(
                .styled(content, css: "padding:0.3em" + (color.map { ";background:" + $0 } ?? "")), at: token.offset)
        }
        registry.register("\\fcolorbox") { parser, token in
            let border = try StyleCommands.readColor(parser, token)
            let background = try StyleCommands.readColor(parser, token)
            let content = try TextCommands.parseText(parser, token, style: nil)
            let css =
                "border:0.04em solid" + (border.map { " " + $0 } ?? "") + ";padding:0.3em"
                + (background.map { ";background:" + $0 } ?? "")
            return MathNode(.styled(content, css: css), at: token.offset)
        }
        for (name, image) in [
            ("\\cancel", diagonal("bottom right")), ("\\bcancel", diagonal("top right")),
            ("\\xcancel", diagonal("bottom right") + "," + diagonal("top right")),
        ] {
            registry.register(name) { parser, token in
                MathNode(.styled(try parser.parseArgument(of: token), css: "background:" + image), at: token.offset)
            }
        }
        registry.register("\\cancelto") { parser, token in
            // cancel.sty draws an arrow to the value; here the struck-out term carries the value
            // as a superscript, where the arrow ends.
            let value = try parser.withDisplayStyle(false) { try parser.parseArgument(of: token) }.inScriptStyle()
            let struck = MathNode(
                .styled(try parser.parseArgument(of: token), css: "background:" + diagonal("bottom right")),
                at: token.offset)
            return MathNode(.scripts(base: struck, sub: nil, sup: value, limits: false), at: token.offset)
        }
        registerChangedBoxes(in: &registry)
        registry.register("\\rule") { parser, token in
            let raise = try parser.readOptionalString().map { try lengthArgument(parser, token, text: $0) }
            let width = try lengthArgument(parser, token)
            let height = try lengthArgument(parser, token)
            let rule = MathNode(.rule(width: width, height: height, depth: "0em"), at: token.offset)
            guard let raise else { return rule }
            return MathNode(.padded(rule, MathNode.PaddedBox(voffset: raise)), at: token.offset)
        }
    }

    private static func registerChangedBoxes(in registry: inout CommandRegistry) {
        registry.register("\\smash") { parser, token in
            let option = try parser.readOptionalString() ?? ""
            let which = option.isEmpty ? "tb" : option
            guard which == "t" || which == "b" || which == "tb" || which == "bt" else {
                throw TeXError(
                    "'\\smash[\(which)]' is not t or b", fix: "write \\smash[t]{…}, \\smash[b]{…} or \\smash{…}",
                    at: token.offset)
            }
            let content = try parser.parseArgument(of: token)
            let box = MathNode.PaddedBox(
                height: which.contains("t") ? "0" : nil, depth: which.contains("b") ? "0" : nil)
            return MathNode(.padded(content, box), at: token.offset)
        }
        // Zero width, the content sticking out to the right, to the left or both (mathtools;
        // \llap, \rlap, \clap set their argument as text, as in LaTeX).
        for (name, shift, text) in [
            ("\\mathrlap", nil, false), ("\\mathllap", "-100%", false), ("\\mathclap", "-50%", false),
            ("\\rlap", nil, true), ("\\llap", "-100%", true), ("\\clap", "-50%", true),
            ("\\lefteqn", nil, false), ("\\crampedrlap", nil, false), ("\\crampedllap", "-100%", false),
            ("\\crampedclap", "-50%", false),
        ] as [(String, String?, Bool)] {
            registry.register(name) { parser, token in
                var content =
                    text ? try TextCommands.parseText(parser, token, style: nil) : try parser.parseArgument(of: token)
                if let shift {
                    content = MathNode(
                        .styled(content, css: "display:inline-block;transform:translateX(\(shift))"), at: token.offset)
                }
                return MathNode(.padded(content, MathNode.PaddedBox(width: "0")), at: token.offset)
            }
        }
        registry.register("\\hphantom") { parser, token in
            let content = MathNode(.phantom(try parser.parseArgument(of: token)), at: token.offset)
            return MathNode(.padded(content, MathNode.PaddedBox(height: "0", depth: "0")), at: token.offset)
        }
        registry.register("\\vphantom") { parser, token in
            let content = MathNode(.phantom(try parser.parseArgument(of: token)), at: token.offset)
            return MathNode(.padded(content, MathNode.PaddedBox(width: "0")), at: token.offset)
        }
        registry.register("\\mathstrut") { _, token in
            let parenthesis = MathNode(.op("(", .fixedDelimiter(.opening)), at: token.offset)
            return MathNode(
                .padded(MathNode(.phantom(parenthesis), at: token.offset), MathNode.PaddedBox(width: "0")),
                at: token.offset)
        }
        registry.register("\\xmathstrut") { parser, token in
            // mathtools: a \mathstrut grown by the given fraction of its height and depth.
            _ = try parser.readOptionalString()
            _ = try parser.readStringArgument(of: token)
            let parenthesis = MathNode(.op("(", .fixedDelimiter(.opening)), at: token.offset)
            return MathNode(
                .padded(MathNode(.phantom(parenthesis), at: token.offset), MathNode.PaddedBox(width: "0")),
                at: token.offset)
        }
        registry.register("\\raisebox") { parser, token in
            let raise = try lengthArgument(parser, token)
            try skipBoxOptions(parser, token)
            let content = try TextCommands.parseText(parser, token, style: nil)
            return MathNode(.padded(content, MathNode.PaddedBox(voffset: raise)), at: token.offset)
        }
        for (name, text) in [("\\makebox", true), ("\\mathmakebox", false)] {
            registry.register(name) { parser, token in
                let width = try parser.readOptionalString().map { try lengthArgument(parser, token, text: $0) }
                try skipBoxOptions(parser, token)
                let content =
                    text ? try TextCommands.parseText(parser, token, style: nil) : try parser.parseArgument(of: token)
                guard let width else { return content }
                return MathNode(.padded(content, MathNode.PaddedBox(width: width)), at: token.offset)
            }
        }
    }

    /// A length argument in em; `text` when it was already read as an optional argument.
    static func lengthArgument(_ parser: Parser, _ command: Token, text: String? = nil) throws -> String {
        let length = try text ?? parser.readStringArgument(of: command)
        guard let width = SpacingCommands.em(from: length) else {
            throw TeXError(
                "cannot read the length '\(length)' of '\(command.text)'",
                fix: "write a number and a unit, such as 1em or 2pt", at: command.offset)
        }
        return width
    }

    /// `[…]` options of `\framebox` and `\raisebox` (width, position, height, depth): the box keeps
    /// its natural size, said in a warning at the command.
    private static func skipBoxOptions(_ parser: Parser, _ command: Token) throws {
        var options: [String] = []
        while let option = try parser.readOptionalString() { options.append("[\(option)]") }
        if !options.isEmpty {
            parser.log.warning(
                "the options \(options.joined()) of '\(command.text)' are not reproduced; the box keeps its natural " +
                    "size",
                at: command.offset)
        }
    }
}
