/// Brackets and bars: as plain symbols (never stretching), between `\left … \middle … \right`
/// (stretching to the enclosed material), and at fixed sizes with `\big`, `\Big`, `\bigg`,
/// `\Bigg` and their `l`/`r`/`m` forms.
enum DelimiterCommands {
    /// Delimiter commands → character and TeX class when used on their own.
    static let commands: [String: (text: String, atomClass: AtomClass)] = [
        "\\{": ("{", .opening), "\\}": ("}", .closing), "\\lbrace": ("{", .opening), "\\rbrace": ("}", .closing),
        "\\langle": ("⟨", .opening), "\\rangle": ("⟩", .closing), "\\lvert": ("|", .opening),
        "\\rvert": ("|", .closing),
        "\\lVert": ("‖", .opening), "\\rVert": ("‖", .closing), "\\vert": ("|", .ordinary), "\\Vert": ("‖", .ordinary),
        "\\|": ("‖", .ordinary), "\\lfloor": ("⌊", .opening), "\\rfloor": ("⌋", .closing),
        "\\lceil": ("⌈", .opening), "\\rceil": ("⌉", .closing), "\\backslash": ("\\", .ordinary),
        "\\lgroup": ("⟮", .opening), "\\rgroup": ("⟯", .closing), "\\lbrack": ("[", .opening),
        "\\rbrack": ("]", .closing),
        "\\lmoustache": ("⎰", .opening), "\\rmoustache": ("⎱", .closing), "\\arrowvert": ("⏐", .ordinary),
        "\\Arrowvert": ("‖", .ordinary), "\\bracevert": ("⎪", .ordinary), "\\lparen": ("(", .opening),
        "\\rparen": (")", .closing), "\\llbracket": ("⟦", .opening), "\\rrbracket": ("⟧", .closing),
    ]

    /// Relations that also serve as delimiters after `\\left` and `\\big`.
    private static let extraDelimiters: [String: String] = [
        "mid": "∣", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑", "Downarrow": "⇓",
        "Updownarrow": "⇕",
    ]

    /// The heights of the delimiters TeX shows for `\big` … `\Bigg` at 10 pt: cmex10's variants
    /// of 12, 18, 24 and 30 pt, the first at least as tall as 8.5, 11.5, 14.5 and 17.5 pt.
    private static let sizes: [String: String] = ["big": "1.2em", "Big": "1.8em", "bigg": "2.4em", "Bigg": "3em"]

    static func register(in registry: inout CommandRegistry) {
        for (name, delimiter) in commands {
            registry.register(name) { _, token in
                MathNode(.op(delimiter.text, .fixedDelimiter(delimiter.atomClass)), at: token.offset)
            }
        }
        registry.register("\\left", parseLeftRight)
        registry.register("\\right") { _, token in
            throw TeXError(
                "'\\right' has no matching '\\left'", fix: "add \\left before it, or use \\big", at: token.offset)
        }
        registry.register("\\middle") { _, token in
            throw TeXError("'\\middle' is only allowed between \\left and \\right", at: token.offset)
        }
        for (size, height) in sizes {
            for (suffix, form, atomClass) in [
                ("", nil, AtomClass.ordinary), ("l", "prefix", .opening), ("r", "postfix", .closing),
                ("m", "infix", .relation),
            ] {
                registry.register("\\" + size + suffix) { parser, token in
                    guard let text = try readDelimiter(parser, after: token), !text.isEmpty else {
                        return MathNode(.row([]), at: token.offset)
                    }
                    var attributes = OperatorAttributes(atomClass)
                    attributes.form = form
                    attributes.fence = form == "prefix" || form == "postfix"
                    attributes.stretchy = true
                    attributes.symmetric = true
                    attributes.minsize = height
                    attributes.maxsize = height
                    return MathNode(.op(text, attributes), at: token.offset)
                }
            }
        }
    }

    /// Reads the delimiter after `\left`, `\big` …: its character, "" for `.`, nil if the next
    /// token is not a delimiter.
    static func readDelimiter(_ parser: Parser, after command: Token) throws -> String? {
        let token = try parser.nextSkippingSpaces()
        if token.isCharacter("{") {
            // A braced delimiter, as a one-token argument: \Big{\{}.
            let delimiter = try readDelimiter(parser, after: command)
            guard try parser.nextSkippingSpaces().isCharacter("}") else {
                throw TeXError("one delimiter per '\(command.text){…}'", at: token.offset)
            }
            return delimiter
        }
        switch token.kind {
        case .character:
            if token.text == "." { return "" }
            if ["(", ")", "[", "]", "|", "/", "<", ">"].contains(token.text) {
                return ["<": "⟨", ">": "⟩"][token.text] ?? token.text
            }
        case .command:
            if let delimiter = commands[token.text] { return delimiter.text }
            let name = String(token.text.dropFirst())
            if let delimiter = SymbolCommands.packageDelimiters[name] { return delimiter }
            if let extra = extraDelimiters[name] { return extra }
        default:
            break
        }
        throw TeXError(
            "'\(token.text.isEmpty ? "end of formula" : token.text)' after '\(command.text)' is not a delimiter",
                       fix: "use one of ( ) [ ] \\{ \\} | \\| \\langle \\rangle or '.'", at: token.offset)
    }

    static func fence(_ text: String, form: String, at offset: Int) -> MathNode? {
        guard !text.isEmpty else { return nil }
        var attributes = OperatorAttributes(form == "prefix" ? .opening : form == "postfix" ? .closing : .relation)
        attributes.form = form
        attributes.fence = form != "infix"
        attributes.stretchy = true
        return MathNode(.op(text, attributes), at: offset)
    }

    /// TeX gives `\left(x\right)` the ordinary "(": delimiters only grow around material
    /// taller than a line. The fences stay `stretchy="false"` around flat content, because a
    /// stretchy operator in MathML Core reserves the width of its widest variant (0.875 em in
    /// Latin Modern Math), which would leave gaps inside every `\left(x\right)`.
    static func fittingFences(_ children: [MathNode], display: Bool) -> [MathNode] {
        guard !children.contains(where: { !$0.isFence && $0.isTall(display: display) }) else { return children }
        return children.map { child in
            guard child.isFence, case .op(let text, var attributes) = child.kind else { return child }
            attributes.stretchy = false
            return MathNode(.op(text, attributes), at: child.offset)
        }
    }

    /// `\left⟨d⟩ … (\middle⟨d⟩ …)* \right⟨d⟩` as one `<mrow>` whose fences stretch.
    private static func parseLeftRight(_ parser: Parser, _ left: Token) throws -> MathNode {
        let open = try readDelimiter(parser, after: left) ?? ""
        var children: [MathNode] = []
        if let node = fence(open, form: "prefix", at: left.offset) { children.append(node) }
        while true {
            children += try parser.parseExpression(until: ["\\right", "\\middle"])
            let token = try parser.expander.next()
            switch token.text {
            case "\\middle":
                let middle = try readDelimiter(parser, after: token) ?? ""
                if var node = fence(middle, form: "infix", at: token.offset),
                    case .op(let text, var attributes) = node.kind
                {
                    // e-TeX's \middle closes the list before it and opens the one after: no space
                    // on either side (Close and Open atoms), as LaTeX shows `\{x \;\middle|\; x>0\}`
                    // side by side; MathML would give the bar relation spaces.
                    attributes.lspace = "0em"
                    attributes.rspace = "0em"
                    node.kind = .op(text, attributes)
                    children.append(node)
                }
            case "\\right":
                let close = try readDelimiter(parser, after: token) ?? ""
                if let node = fence(close, form: "postfix", at: token.offset) { children.append(node) }
                return MathNode(.fenced(fittingFences(children, display: parser.displayStyle)), at: left.offset)
            default:
                throw TeXError(
                    "'\\left\(open)' has no matching '\\right'", fix: "add \\right) or \\right. to close it",
                    at: left.offset)
            }
        }
    }
}
