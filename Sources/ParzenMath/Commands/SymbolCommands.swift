/// Commands that stand for one symbol: Greek letters, ordinary symbols (`\infty`, `\partial`),
/// binary operators, relations, arrows, punctuation and dots.
///
/// Lowercase Greek is italic (MathML makes a single-letter `<mi>` italic); capitals are
/// upright, as in TeX. Operators are `<mo>` and take their spacing from the MathML Core
/// operator dictionary.
enum SymbolCommands {
    static let lowercaseGreek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
        "varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
        "varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
        "upsilon": "υ", "phi": "ϕ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
    ]

    static let uppercaseGreek: [String: String] = [
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
        "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    ]

    /// Ordinary symbols as `<mi>`; `true` marks those TeX sets upright although MathML would
    /// italicise a single letter.
    static let ordinaries: [String: (text: String, upright: Bool)] = [
        "infty": ("∞", false), "partial": ("∂", false), "nabla": ("∇", true), "ell": ("ℓ", false),
        "hbar": ("ℏ", false), "imath": ("ı", false), "jmath": ("ȷ", false), "aleph": ("ℵ", false),
        "emptyset": ("∅", false), "varnothing": ("∅", false), "forall": ("∀", false), "exists": ("∃", false),
        "nexists": ("∄", false), "top": ("⊤", false), "intercal": ("⊺", false), "bot": ("⊥", false),
        "angle": ("∠", false),
        "triangle": ("△", false), "Box": ("□", false), "square": ("□", false), "checkmark": ("✓", false),
        "Re": ("ℜ", false), "Im": ("ℑ", false), "wp": ("℘", false), "prime": ("′", false),
        "degree": ("°", false), "S": ("§", false), "P": ("¶", false), "dagger": ("†", false),
        "ddagger": ("‡", false), "%": ("%", false), "$": ("$", false), "#": ("#", false),
        "&": ("&", false), "_": ("_", false), "flat": ("♭", false), "sharp": ("♯", false),
        "clubsuit": ("♣", false), "diamondsuit": ("♢", false), "heartsuit": ("♡", false), "spadesuit": ("♠", false),
    ]

    /// Operators by command name (without backslash): binary operators, relations, arrows,
    /// punctuation, dots. Also read by `CharacterSymbols` for Unicode typed directly.
    static let operatorTable: [String: CharacterSymbols.Symbol] = {
        var table: [String: CharacterSymbols.Symbol] = [:]
        func add(_ atomClass: AtomClass, _ pairs: [(String, String)]) {
            for (name, text) in pairs {
                table[name] = CharacterSymbols.Symbol(text: text, attributes: OperatorAttributes(atomClass))
            }
        }
        add(.binary, [
            ("pm", "±"), ("mp", "∓"), ("times", "×"), ("div", "÷"), ("cdot", "⋅"), ("circ", "∘"),
            ("bullet", "∙"), ("odot", "⊙"), ("otimes", "⊗"), ("oplus", "⊕"), ("ominus", "⊖"),
            ("oslash", "⊘"), ("star", "⋆"), ("ast", "∗"), ("cup", "∪"), ("cap", "∩"), ("setminus", "∖"),
            ("smallsetminus", "∖"), ("wedge", "∧"), ("land", "∧"), ("vee", "∨"), ("lor", "∨"),
            ("sqcup", "⊔"), ("sqcap", "⊓"), ("uplus", "⊎"), ("diamond", "⋄"), ("bigtriangleup", "△"),
            ("bigtriangledown", "▽"), ("triangleleft", "◃"), ("triangleright", "▹"), ("wr", "≀"),
            ("amalg", "⨿"), ("boxplus", "⊞"), ("boxtimes", "⊠"), ("circledast", "⊛"),
        ])
        add(.relation, [
            ("le", "≤"), ("leq", "≤"), ("ge", "≥"), ("geq", "≥"), ("ne", "≠"), ("neq", "≠"),
            ("leqslant", "⩽"), ("geqslant", "⩾"), ("approx", "≈"), ("equiv", "≡"), ("sim", "∼"),
            ("simeq", "≃"), ("cong", "≅"), ("propto", "∝"), ("ll", "≪"), ("gg", "≫"), ("subset", "⊂"),
            ("subseteq", "⊆"), ("supset", "⊃"), ("supseteq", "⊇"), ("subsetneq", "⊊"), ("in", "∈"),
            ("notin", "∉"), ("ni", "∋"), ("mid", "∣"), ("nmid", "∤"), ("parallel", "∥"), ("perp", "⊥"),
            ("to", "→"), ("rightarrow", "→"), ("leftarrow", "←"), ("gets", "←"), ("Rightarrow", "⇒"),
            ("Leftarrow", "⇐"), ("iff", "⟺"), ("Leftrightarrow", "⇔"), ("leftrightarrow", "↔"),
            ("mapsto", "↦"), ("longmapsto", "⟼"), ("implies", "⟹"), ("impliedby", "⟸"),
            ("longrightarrow", "⟶"), ("longleftarrow", "⟵"), ("Longrightarrow", "⟹"),
            ("Longleftarrow", "⟸"), ("longleftrightarrow", "⟷"), ("Longleftrightarrow", "⟺"),
            ("uparrow", "↑"), ("downarrow", "↓"), ("Uparrow", "⇑"), ("Downarrow", "⇓"),
            ("updownarrow", "↕"), ("nearrow", "↗"), ("searrow", "↘"), ("hookrightarrow", "↪"),
            ("hookleftarrow", "↩"), ("rightleftharpoons", "⇌"), ("leadsto", "⇝"),
            ("coloneqq", "≔"), ("eqqcolon", "≕"), ("triangleq", "≜"), ("doteq", "≐"), ("prec", "≺"),
            ("succ", "≻"), ("preceq", "⪯"), ("succeq", "⪰"), ("models", "⊨"), ("vdash", "⊢"),
            ("dashv", "⊣"), ("asymp", "≍"), ("lesssim", "≲"), ("gtrsim", "≳"), ("nsim", "≁"),
            ("ncong", "≇"), ("neg", "¬"), ("lnot", "¬"), ("nleq", "≰"), ("ngeq", "≱"),
            ("sqsubseteq", "⊑"), ("sqsupseteq", "⊒"), ("bowtie", "⋈"), ("smile", "⌣"), ("frown", "⌢"),
            ("approxeq", "≊"), ("thicksim", "∼"), ("thickapprox", "≈"), ("backsim", "∽"),
        ])
        add(.punctuation, [("colon", ":"), ("ldotp", "."), ("cdotp", "⋅")])
        add(.inner, [("ldots", "…"), ("dots", "…"), ("dotsc", "…"), ("dotsb", "⋯"), ("cdots", "⋯"),
                     ("vdots", "⋮"), ("ddots", "⋱"), ("dotsm", "⋯"), ("dotsi", "⋯")])
        // ¬ is a prefix operator in TeX (mathord), not a relation.
        table["neg"]?.attributes.atomClass = .ordinary
        table["lnot"]?.attributes.atomClass = .ordinary
        return table
    }()

    static func register(in registry: inout CommandRegistry) {
        for (name, letter) in lowercaseGreek {
            registry.register("\\" + name) { parser, token in parser.identifier(letter, at: token.offset) }
        }
        for (name, letter) in uppercaseGreek {
            registry.register("\\" + name) { parser, token in parser.identifier(letter, at: token.offset, upright: true)
            }
            // \varGamma …: italic capitals, as in amsmath.
            registry.register("\\var" + name) { parser, token in parser.identifier(letter, at: token.offset) }
        }
        for (name, symbol) in ordinaries {
            registry.register("\\" + name) { _, token in
                MathNode(.identifier(symbol.text, upright: symbol.upright), at: token.offset)
            }
        }
        for (name, symbol) in operatorTable {
            registry.register("\\" + name) { _, token in
                MathNode(.op(symbol.text, symbol.attributes), at: token.offset)
            }
        }
        registry.register("\\not", negate)
        registerPackageSymbols(in: &registry)
    }

    /// The rest of LaTeX's, amssymb's and mathtools' symbols, from the generated table: ordinary
    /// symbols as `<mi>`, large operators with limits in display style, delimiters that do not
    /// stretch, the others as `<mo>` of their class.
    private static func registerPackageSymbols(in registry: inout CommandRegistry) {
        for symbol in PackageSymbols.table {
            let text = symbol.text
            switch symbol.atomClass {
            case .ordinary:
                registry.registerIfNew("\\" + symbol.name) { _, token in
                    MathNode(.identifier(text, upright: false), at: token.offset)
                }
            case .largeOperator:
                registry.registerIfNew("\\" + symbol.name) { _, token in
                    MathNode(.op(text, OperatorAttributes(.largeOperator)), at: token.offset, limits: .display)
                }
            case .opening, .closing:
                let attributes = OperatorAttributes.fixedDelimiter(symbol.atomClass)
                registry.registerIfNew("\\" + symbol.name) { _, token in
                    MathNode(.op(text, attributes), at: token.offset)
                }
            default:
                let attributes = OperatorAttributes(symbol.atomClass)
                registry.registerIfNew("\\" + symbol.name) { _, token in
                    MathNode(.op(text, attributes), at: token.offset)
                }
            }
        }
        // amsmath's own: multiple integrals and the logic arrows with their spaces.
        // upgreek: upright Greek letters (\upalpha, \Upgamma).
        for (name, letter) in lowercaseGreek where name != "omicron" {
            registry.register("\\up" + name) { _, token in
                MathNode(.identifier(letter, upright: true), at: token.offset)
            }
        }
        for (name, letter) in uppercaseGreek {
            registry.register("\\Up" + name.lowercased()) { _, token in
                MathNode(.identifier(letter, upright: true), at: token.offset)
            }
        }
        // gensymb: units usable in text and math.
        for (name, text) in [("ohm", "Ω"), ("celsius", "℃"), ("micro", "µ"), ("perthousand", "‰")] {
            registry.register("\\" + name) { _, token in MathNode(.identifier(text, upright: true), at: token.offset) }
        }
        registry.register("\\dotso") { _, token in MathNode(.op("…", OperatorAttributes(.inner)), at: token.offset) }
        registry.register("\\AA") { _, token in MathNode(.identifier("Å", upright: true), at: token.offset) }
        registry.register("\\char", character)
        registry.register("\\iiiint") { _, token in
            MathNode(.op("⨌", OperatorAttributes(.largeOperator)), at: token.offset)
        }
        registry.register("\\idotsint") { _, token in
            MathNode(.op("∫⋯∫", OperatorAttributes(.largeOperator)), at: token.offset)
        }
        registry.register("\\And") { _, token in
            var attributes = OperatorAttributes(.binary)
            attributes.lspace = "0.2778em"
            attributes.rspace = "0.2778em"
            return MathNode(.op("&", attributes), at: token.offset)
        }
    }

    /// `\char` followed by a character code: decimal, `"`hex, `'`octal or `` `c ``.
    private static func character(_ parser: Parser, _ token: Token) throws -> MathNode {
        let first = try parser.nextSkippingSpaces()
        var radix = 10
        var digits = ""
        switch first.text {
        case "`":
            let next = try parser.expander.nextUnexpanded()
            let text = next.kind == .command ? String(next.text.dropFirst()) : next.text
            return MathNode(.identifier(text, upright: true), at: token.offset)
        case "\"": radix = 16
        case "'": radix = 8
        default: digits = first.text
        }
        while true {
            let next = try parser.expander.peek()
            guard next.kind == .character, next.text.count == 1, let character = next.text.first,
                  character.isHexDigit, Int(String(character), radix: radix) != nil else { break }
            digits += try parser.expander.next().text
        }
        guard let code = Int(digits, radix: radix), let scalar = Unicode.Scalar(code), code > 0x20 else {
            throw TeXError("'\\char' needs a character code", fix: "write \\char65 or \\char\"41", at: token.offset)
        }
        return MathNode(.identifier(String(scalar), upright: true), at: token.offset)
    }

    /// Delimiters a `\left`, `\big`… accepts beyond the brackets: the package symbols of class
    /// opening or closing (`\ulcorner`, `\lmoustache`) by name without backslash.
    static let packageDelimiters: [String: String] = {
        var table: [String: String] = [:]
        for symbol in PackageSymbols.table where symbol.atomClass == .opening || symbol.atomClass == .closing {
            table[symbol.name] = symbol.text
        }
        return table
    }()

    /// `\not` followed by a relation: the negated symbol if Unicode has one, else the symbol
    /// with U+0338 COMBINING LONG SOLIDUS OVERLAY.
    private static func negate(_ parser: Parser, _ token: Token) throws -> MathNode {
        let next = try parser.parseArgument(of: token)
        let negated: [String: String] = ["=": "≠", "∈": "∉", "⊂": "⊄", "⊆": "⊈", "≡": "≢", "∼": "≁",
                                         "≤": "≰", "≥": "≱", "<": "≮", ">": "≯", "∣": "∤", "∥": "∦", "≅": "≇"]
        guard case .op(let text, let attributes) = next.kind else {
            return MathNode(
                .row([MathNode(.op("\u{338}", OperatorAttributes(.relation)), at: token.offset), next]),
                at: token.offset)
        }
        return MathNode(.op(negated[text] ?? text + "\u{338}", attributes), at: token.offset)
    }
}
