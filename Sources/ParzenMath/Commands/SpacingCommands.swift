/// Explicit spaces: `\,` `\:` `\;` `\!` `\ ` `\quad` `\qquad`, `\hspace{…}`, `\mkern`,
/// and `\phantom`. Widths follow TeX's math spacing (thin = 3/18 em, medium = 4/18, thick = 5/18).
enum SpacingCommands {
    static let widths: [String: String] = [
        "\\,": "0.1667em", "\\thinspace": "0.1667em", "\\:": "0.2222em", "\\>": "0.2222em", "\\medspace": "0.2222em",
        "\\;": "0.2778em", "\\thickspace": "0.2778em", "\\!": "-0.1667em", "\\negthinspace": "-0.1667em",
        "\\negmedspace": "-0.2222em", "\\negthickspace": "-0.2778em", "\\ ": "0.3333em", "\\enspace": "0.5em",
        "\\quad": "1em", "\\qquad": "2em", "\\nobreakspace": "0.3333em",
    ]

    /// em per unit, at TeX's 10 pt (1 em = 10 pt; 1 mu = 1/18 em).
    private static let units: [String: Double] = [
        "em": 1, "ex": 0.431, "pt": 0.1, "mu": 1.0 / 18, "mm": 0.2845, "cm": 2.845, "in": 7.227, "bp": 0.1004,
        "pc": 1.2
    ]

    static func register(in registry: inout CommandRegistry) {
        for (name, width) in widths {
            registry.register(name) { _, token in MathNode(.space(width: width), at: token.offset) }
        }
        for name in ["\\hspace", "\\mspace", "\\hskip", "\\mkern", "\\kern", "\\mskip"] {
            registry.register(name) { parser, token in
                _ = try parser.readStar()
                let text = try readLength(parser, after: token)
                guard let width = em(from: text) else {
                    parser.log.warning("cannot read the length '\(text)' of '\(token.text)'; no space inserted",
                                       fix: "write a number and a unit, such as 1em or 3mu", at: token.offset)
                    return MathNode(.empty, at: token.offset)
                }
                return MathNode(.space(width: width), at: token.offset)
            }
        }
        registry.register("\\phantom") { parser, token in
            MathNode(.phantom(try parser.parseArgument(of: token)), at: token.offset)
        }
        registry.register("\\nonscript") { parser, token in
            // Cancels the space that follows in script styles (TeXbook p. 179).
            let next = try parser.expander.peekSkippingSpaces().text
            if parser.scriptStyle, widths[next] != nil || ["\\mskip", "\\mkern", "\\hskip", "\\kern"].contains(next) {
                _ = try parser.parseAtom()
            }
            return MathNode(.empty, at: token.offset)
        }
        // A space character, which math mode ignores; \empty expands to nothing.
        for name in ["\\space", "\\empty"] {
            registry.register(name) { _, token in MathNode(.empty, at: token.offset) }
        }
        for name in ["\\hfill", "\\hfil", "\\relax", "\\nobreak", "\\allowbreak", "\\strut", "\\displaybreak"] {
            // Glue and hints that have no effect on a single MathML formula.
            registry.register(name) { _, token in MathNode(.empty, at: token.offset) }
        }
    }

    /// `\hspace{1em}` takes a braced length; `\kern1em`, `\mkern3mu` take it undelimited.
    private static func readLength(_ parser: Parser, after command: Token) throws -> String {
        if try parser.expander.peekSkippingSpaces().isCharacter("{") {
            return try parser.readStringArgument(of: command)
        }
        var text = ""
        while true {
            let token = try parser.expander.peek()
            guard token.kind == .character,
                token.text.unicodeScalars.allSatisfy({
                    $0.isASCII && ($0.properties.isAlphabetic || "0123456789.-".unicodeScalars.contains($0))
                })
            else { break }
            text += try parser.expander.next().text
            if let unit = units.keys.first(where: { text.hasSuffix($0) }), text.count > unit.count { break }
        }
        return text
    }

    /// The length in em as an attribute value, or nil if it cannot be read.
    static func em(from length: String) -> String? {
        ems(from: length).map { "\($0)em" }
    }

    /// The length in em, rounded to 1/10,000 em, or nil if it cannot be read.
    static func ems(from length: String) -> Double? {
        let trimmed = String(length.filter { $0 != " " })
        guard let unit = units.keys.first(where: { trimmed.hasSuffix($0) }),
              let value = Double(trimmed.dropLast(unit.count)), let factor = units[unit] else { return nil }
        return (value * factor * 10_000).rounded() / 10_000
    }
}
