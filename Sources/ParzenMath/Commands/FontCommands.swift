/// Math alphabets: `\mathbf`, `\mathrm`, `\mathcal`, `\mathbb`, `\boldsymbol`, … Letters and
/// digits of the argument are mapped into the alphabet (see `MathAlphabet`); a run of letters
/// becomes one `<mi>` (`\mathrm{KL}` is one identifier, set upright).
enum FontCommands {
    static let alphabets: [String: MathAlphabet] = [
        "\\mathbf": .bold, "\\mathrm": .roman, "\\mathit": .italic, "\\mathcal": .script, "\\mathscr": .script,
        "\\mathbb": .doubleStruck, "\\mathfrak": .fraktur, "\\mathsf": .sansSerif, "\\mathtt": .monospace,
        "\\boldsymbol": .boldItalic, "\\bm": .boldItalic, "\\pmb": .boldItalic, "\\mathbfit": .boldItalic,
        "\\mathsfbf": .sansSerifBold, "\\mathnormal": .italic, "\\mathup": .roman, "\\symbf": .bold,
    ]

    /// Plain TeX's and LaTeX 2.09's switches, acting to the end of the group (`{\bf x}`).
    static let switches: [String: MathAlphabet] = [
        "\\rm": .roman, "\\bf": .bold, "\\it": .italic, "\\sf": .sansSerif, "\\tt": .monospace, "\\cal": .script,
        "\\mit": .italic, "\\frak": .fraktur, "\\Bbb": .doubleStruck, "\\bold": .bold, "\\boldmath": .boldItalic,
    ]

    static func register(in registry: inout CommandRegistry) {
        for (name, alphabet) in switches {
            registry.register(name) { parser, token in
                let saved = parser.alphabet
                parser.alphabet = alphabet
                defer { parser.alphabet = saved }
                // amsfonts' \Bbb and \frak, amstex's \bold take an argument when one follows.
                if ["\\Bbb", "\\frak", "\\bold"].contains(token.text),
                    try parser.expander.peekSkippingSpaces().isCharacter("{")
                {
                    return mergingLetters(try parser.parseArgument(of: token), upright: alphabet == .roman)
                }
                return mergingLetters(
                    MathNode(.row(try parser.parseRestOfList()), at: token.offset), upright: alphabet == .roman)
            }
        }
        for (name, alphabet) in alphabets {
            registry.register(name) { parser, token in
                let saved = parser.alphabet
                parser.alphabet = alphabet
                defer { parser.alphabet = saved }
                let argument = try parser.parseArgument(of: token)
                return mergingLetters(argument, upright: alphabet == .roman)
            }
        }
    }

    /// Joins adjacent single-letter identifiers of a group into one `<mi>`.
    private static func mergingLetters(_ node: MathNode, upright: Bool) -> MathNode {
        guard case .row(let children) = node.kind else { return node }
        var merged: [MathNode] = []
        for child in children {
            if case .identifier(let text, _) = child.kind, let last = merged.last,
               case .identifier(let previous, _) = last.kind {
                let joined = previous + text
                merged[merged.count - 1] = MathNode(.identifier(joined, upright: upright), at: last.offset)
            } else {
                merged.append(child)
            }
        }
        return MathNode(.row(merged), at: node.offset)
    }
}
