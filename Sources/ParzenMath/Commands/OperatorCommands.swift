/// Large operators (`\sum`, `\int`, …) and operator names (`\log`, `\arg`, `\min`,
/// `\operatorname{…}`, `\DeclareMathOperator`).
///
/// Operator names are upright `<mi>`s followed by U+2061 FUNCTION APPLICATION (added by the
/// writer). Those that take limits in TeX (`\min`, `\lim`, `\det`) put them under themselves in
/// display style and beside in text style; the parser decides from `MathNode.limits`.
enum OperatorCommands {
    /// Large operators; `true` when they take limits in display style (sums, not integrals).
    static let largeOperators: [String: (text: String, limits: Bool)] = [
        "sum": ("∑", true), "prod": ("∏", true), "coprod": ("∐", true), "bigcup": ("⋃", true),
        "bigcap": ("⋂", true), "bigoplus": ("⨁", true), "bigotimes": ("⨂", true), "bigodot": ("⨀", true),
        "bigvee": ("⋁", true), "bigwedge": ("⋀", true), "bigsqcup": ("⨆", true), "biguplus": ("⨄", true),
        "int": ("∫", false), "iint": ("∬", false), "iiint": ("∭", false), "oint": ("∮", false),
        "oiint": ("∯", false), "intop": ("∫", true), "smallint": ("∫", false),
    ]

    /// Operator names; `true` when they take limits (amsmath's `\DeclareMathOperator*` ones).
    /// Beyond LaTeX's own, the names machine-learning texts use without defining them.
    static let names: [String: (text: String, limits: Bool)] = [
        "log": ("log", false), "ln": ("ln", false), "lg": ("lg", false), "exp": ("exp", false),
        "sin": ("sin", false), "cos": ("cos", false), "tan": ("tan", false), "sec": ("sec", false),
        "csc": ("csc", false), "cot": ("cot", false), "arcsin": ("arcsin", false), "arccos": ("arccos", false),
        "arctan": ("arctan", false), "sinh": ("sinh", false), "cosh": ("cosh", false), "tanh": ("tanh", false),
        "coth": ("coth", false), "arg": ("arg", false), "deg": ("deg", false), "dim": ("dim", false),
        "hom": ("hom", false), "ker": ("ker", false), "det": ("det", true), "gcd": ("gcd", true),
        "Pr": ("Pr", true), "min": ("min", true), "max": ("max", true), "sup": ("sup", true),
        "inf": ("inf", true), "lim": ("lim", true), "liminf": ("lim inf", true), "limsup": ("lim sup", true),
        "injlim": ("inj lim", true), "projlim": ("proj lim", true),
        "argmin": ("arg min", true), "argmax": ("arg max", true), "tr": ("tr", false), "Tr": ("Tr", false),
        "rank": ("rank", false), "diag": ("diag", false), "sgn": ("sgn", false), "sign": ("sign", false),
        "Var": ("Var", false), "Cov": ("Cov", false), "erf": ("erf", false), "softmax": ("softmax", false),
    ]

    static func register(in registry: inout CommandRegistry) {
        for (name, operator_) in largeOperators {
            registry.register("\\" + name) { _, token in
                MathNode(.op(operator_.text, OperatorAttributes(.largeOperator)), at: token.offset,
                         limits: operator_.limits ? .display : .never)
            }
        }
        for (name, operator_) in names {
            registry.register("\\" + name) { _, token in
                MathNode(.operatorName(operator_.text.replacingSpaces()), at: token.offset,
                         limits: operator_.limits ? .display : .never)
            }
        }
        // amsmath's \varlimsup …: "lim" with a bar or an arrow under or over it, taking limits.
        for (name, mark, over) in [("\\varlimsup", "‾", true), ("\\varliminf", "_", false),
                                   ("\\varinjlim", "→", false), ("\\varprojlim", "←", false)] {
            registry.register(name) { _, token in
                var attributes = OperatorAttributes(.ordinary)
                attributes.stretchy = true
                let glyph = MathNode(.op(mark, attributes), at: token.offset)
                let lim = MathNode(.operatorName("lim"), at: token.offset)
                return MathNode(
                    .stack(base: lim, over: over ? glyph : nil, under: over ? nil : glyph, accent: true),
                    at: token.offset, limits: .display)
            }
        }
        registry.register("\\adjustlimits") { _, token in
            // mathtools aligns the limits of two operators' baselines; MathML aligns them already.
            MathNode(.empty, at: token.offset)
        }
        registry.register("\\operatornamewithlimits") { parser, token in
            let name = try parser.readStringArgument(of: token)
            return MathNode(.operatorName(name.replacingSpaces()), at: token.offset, limits: .display)
        }
        registry.register("\\operatorname") { parser, token in
            let limits = try parser.readStar()
            let name = try parser.readStringArgument(of: token)
            return MathNode(.operatorName(name.replacingSpaces()), at: token.offset, limits: limits ? .display : .never)
        }
        registry.register("\\bmod") { _, token in
            var attributes = OperatorAttributes(.binary)
            attributes.lspace = "0.2222em"
            attributes.rspace = "0.2222em"
            return MathNode(.op("mod", attributes), at: token.offset)
        }
        registry.register("\\pmod") { parser, token in
            // amsmath: a quad, then "(mod n)" with a space after "mod".
            let modulus = try parser.parseArgument(of: token)
            return MathNode(
                .row([
                    MathNode(.space(width: "1em"), at: token.offset),
                    MathNode(.op("(", .fixedDelimiter(.opening)), at: token.offset),
                    MathNode(.operatorName("mod"), at: token.offset),
                    MathNode(.space(width: "0.3333em"), at: token.offset),
                    modulus, MathNode(.op(")", .fixedDelimiter(.closing)), at: token.offset),
                ]), at: token.offset)
        }
        registry.register("\\mod") { parser, token in
            // amsmath: 18 mu before in display style, 12 mu otherwise; two thin spaces after "mod".
            let modulus = try parser.parseArgument(of: token)
            return MathNode(.row([MathNode(.space(width: parser.displayStyle ? "1em" : "0.6667em"), at: token.offset),
                    MathNode(.operatorName("mod"), at: token.offset),
                    MathNode(.space(width: "0.1667em"), at: token.offset),
                                  MathNode(.space(width: "0.1667em"), at: token.offset), modulus]), at: token.offset)
        }
        registry.register("\\pod") { parser, token in
            let modulus = try parser.parseArgument(of: token)
            return MathNode(.row([MathNode(.space(width: parser.displayStyle ? "1em" : "0.4444em"), at: token.offset),
                                  MathNode(.op("(", .fixedDelimiter(.opening)), at: token.offset), modulus,
                                  MathNode(.op(")", .fixedDelimiter(.closing)), at: token.offset)]), at: token.offset)
        }
        registry.register("\\mathop") { parser, token in
            let argument = try parser.parseArgument(of: token)
            return MathNode(argument.kind, at: token.offset, limits: .display)
        }
        for (name, atomClass) in [
            ("\\mathrel", AtomClass.relation), ("\\mathbin", .binary), ("\\mathpunct", .punctuation),
            ("\\mathopen", .opening), ("\\mathclose", .closing), ("\\mathord", .ordinary), ("\\mathinner", .inner),
        ] {
            registry.register(name) { parser, token in
                let argument = try parser.parseArgument(of: token)
                // A single symbol changes class; other material keeps its own spacing.
                switch argument.singleLeaf?.kind {
                case .op(let text, var attributes):
                    attributes.atomClass = atomClass
                    if atomClass == .ordinary { attributes.lspace = "0em"; attributes.rspace = "0em" }
                    return MathNode(.op(text, attributes), at: token.offset)
                case .identifier(let text, _) where atomClass != .ordinary:
                    return MathNode(.op(text, OperatorAttributes(atomClass)), at: token.offset)
                default:
                    return argument
                }
            }
        }
    }
}

extension MathNode {
    /// The node itself, or the only child of a one-child group.
    var singleLeaf: MathNode? {
        if case .row(let children) = kind {
            return children.count == 1 ? children[0].singleLeaf : nil
        }
        return self
    }
}

extension String {
    /// Spaces in operator names (`lim sup`) as a thin space, as amsmath typesets them.
    func replacingSpaces() -> String {
        var result = ""
        for character in self {
            result.append(character == " " ? "\u{2009}" : character)
        }
        return result
    }
}
