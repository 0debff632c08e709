/// Material over or under a base: accents (`\hat`, `\widehat`, `\bar`, `\overline`, `\vec`,
/// `\dot`, …), braces (`\overbrace`, `\underbrace`, which take their label as a limit),
/// `\overset`, `\underset`, `\stackrel`, and extensible arrows (`\xrightarrow`).
enum AccentCommands {
    /// Accent command → (mark, stretches with the base). Fixed accents are the spacing marks
    /// (ˆ U+02C6, ˜ U+02DC), which sit centred and small as LaTeX's do: ASCII ^ and ~ are wide
    /// glyphs, and the combining marks have no advance, so Chromium draws them left of the
    /// letter; wide accents are the combining marks, whose size variants stretch. `\vec` is
    /// U+20D7, which the writer shows as a small arrow (see docs/math-browser-limits.md).
    static let accents: [String: (mark: String, stretchy: Bool)] = [
        "\\hat": ("\u{2C6}", false), "\\widehat": ("\u{302}", true), "\\tilde": ("\u{2DC}", false),
        "\\widetilde": ("\u{303}", true),
        "\\bar": ("¯", false), "\\overline": ("‾", true), "\\vec": ("\u{20D7}", false), "\\overrightarrow": ("→", true),
        "\\overleftarrow": ("←", true), "\\dot": ("˙", false), "\\ddot": ("¨", false), "\\dddot": ("⃛", false),
        "\\check": ("ˇ", false), "\\breve": ("˘", false), "\\acute": ("´", false), "\\grave": ("`", false),
        "\\mathring": ("˚", false), "\\widecheck": ("ˇ", true), "\\overleftrightarrow": ("↔", true),
        "\\ddddot": ("⃜", false), "\\overbracket": ("⎴", true), "\\overparen": ("⏜", true), "\\widebar": ("‾", true),
    ]

    /// Marks under the base: arrows, bars, brackets.
    static let underAccents: [String: String] = [
        "\\underline": "_", "\\underrightarrow": "→", "\\underleftarrow": "←", "\\underleftrightarrow": "↔",
        "\\underbar": "_", "\\underbracket": "⎵", "\\underparen": "⏝", "\\utilde": "~",
    ]

    /// Extensible arrows of amsmath and mathtools: name → arrow.
    static let extensibleArrows: [String: String] = [
        "\\xrightarrow": "→", "\\xleftarrow": "←", "\\xmapsto": "↦", "\\xRightarrow": "⇒", "\\xLeftarrow": "⇐",
        "\\xleftrightarrow": "↔", "\\xLeftrightarrow": "⇔", "\\xhookleftarrow": "↩", "\\xhookrightarrow": "↪",
        "\\xleftharpoondown": "↽", "\\xleftharpoonup": "↼", "\\xrightharpoondown": "⇁", "\\xrightharpoonup": "⇀",
        "\\xrightleftharpoons": "⇌", "\\xleftrightharpoons": "⇋", "\\xlongequal": "=", "\\xtwoheadrightarrow": "↠",
        "\\xtwoheadleftarrow": "↞", "\\xlongrightarrow": "⟶", "\\xlongleftarrow": "⟵",
    ]

    static func register(in registry: inout CommandRegistry) {
        for (name, accent) in accents {
            registry.register(name) { parser, token in
                let base = try parser.parseArgument(of: token)
                return MathNode(
                    .stack(
                        base: base, over: mark(accent.mark, stretchy: accent.stretchy, at: token.offset), under: nil,
                        accent: true), at: token.offset)
            }
        }
        for (name, glyph) in underAccents {
            registry.register(name) { parser, token in
                let base = try parser.parseArgument(of: token)
                return MathNode(
                    .stack(base: base, over: nil, under: mark(glyph, stretchy: true, at: token.offset), accent: true),
                    at: token.offset)
            }
        }
        registry.register("\\skew") { parser, token in
            // \skew{n}\hat{x}: the accent's shift of n mu is a font correction MathML does itself.
            _ = try parser.readStringArgument(of: token)
            return try parser.parseArgument(of: token)
        }
        for (name, brace, over) in [("\\overbrace", "⏞", true), ("\\underbrace", "⏟", false)] {
            registry.register(name) { parser, token in
                let base = try parser.parseArgument(of: token)
                let glyph = mark(brace, stretchy: true, at: token.offset)
                return MathNode(.stack(base: base, over: over ? glyph : nil, under: over ? nil : glyph, accent: false),
                                at: token.offset, limits: .always)
            }
        }
        registry.register("\\overset") { parser, token in
            let over = try parser.withDisplayStyle(false) { try parser.parseArgument(of: token) }
                .withoutOperatorSpacing().inScriptStyle()
            let base = try parser.parseArgument(of: token).withInfixForm()
            return MathNode(.stack(base: base, over: over, under: nil, accent: false), at: token.offset)
        }
        registry.register("\\stackrel") { parser, token in
            let over = try parser.withDisplayStyle(false) { try parser.parseArgument(of: token) }
                .withoutOperatorSpacing().inScriptStyle()
            let base = try parser.parseArgument(of: token)
            // \stackrel makes a relation of whatever it stacks on.
            let relation = base.singleLeaf.map { leaf -> MathNode in
                guard case .op(let text, var attributes) = leaf.kind else { return base }
                attributes.atomClass = .relation
                return MathNode(.op(text, attributes), at: leaf.offset)
            } ?? base
            return MathNode(
                .stack(base: relation.withInfixForm(), over: over, under: nil, accent: false), at: token.offset)
        }
        registry.register("\\underset") { parser, token in
            let under = try parser.withDisplayStyle(false) { try parser.parseArgument(of: token) }
                .withoutOperatorSpacing().inScriptStyle()
            let base = try parser.parseArgument(of: token).withInfixForm()
            return MathNode(.stack(base: base, over: nil, under: under, accent: false), at: token.offset)
        }
        for (name, arrow) in extensibleArrows {
            registry.register(name) { parser, token in
                let under = try parser.withDisplayStyle(false) { try parser.parseOptionalArgument() }
                let over = try parser.withDisplayStyle(false) { try parser.parseArgument(of: token) }
                var attributes = OperatorAttributes(.relation)
                attributes.stretchy = true
                attributes.form = "infix"
                let base = MathNode(.op(arrow, attributes), at: token.offset)
                return MathNode(.stack(base: base, over: over, under: under, accent: false), at: token.offset)
            }
        }
    }

    private static func mark(_ text: String, stretchy: Bool, at offset: Int) -> MathNode {
        var attributes = OperatorAttributes(.ordinary)
        attributes.stretchy = stretchy
        return MathNode(.op(text, attributes), at: offset)
    }
}
