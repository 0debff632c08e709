/// Text inside math: `\text{…}`, `\textrm`, `\mbox`, `\textbf`, `\textit`, `\emph`, … as
/// `<mtext>`, with `$…$` inside switching back to math (`\text{if $x>0$}`).
enum TextCommands {
    /// CSS for the text styles MathML Core has no attribute for.
    static let styles: [String: String?] = [
        "\\text": nil, "\\textrm": nil, "\\textup": nil, "\\textnormal": nil, "\\mbox": nil, "\\hbox": nil,
        "\\textbf": "font-weight:bold", "\\textit": "font-style:italic", "\\emph": "font-style:italic",
        "\\textsf": "font-family:sans-serif", "\\texttt": "font-family:monospace",
    ]

    /// Characters that control symbols and a few commands stand for in text.
    private static let textSymbols: [String: String] = {
        var table: [String: String] = [
            "\\%": "%", "\\$": "$", "\\&": "&", "\\#": "#", "\\_": "_", "\\{": "{", "\\}": "}", "\\ ": " ",
            "\\,": "\u{2009}", "\\;": "\u{2005}", "\\:": "\u{2005}", "\\!": "", "\\-": "", "\\/": "",
            "\\textbackslash": "\\", "\\ldots": "…", "\\dots": "…", "\\quad": "\u{2003}", "\\qquad": "\u{2003}\u{2003}",
            "\\textendash": "–", "\\textemdash": "—", "\\textasciitilde": "~", "\\textasciicircum": "^", "\\slash": "/",
            "\\O": "Ø", "\\o": "ø", "\\rq": "’", "\\lq": "‘", "\\ss": "ß", "\\ae": "æ", "\\AE": "Æ",
        ]
        for symbol in PackageSymbols.textSymbols where table["\\" + symbol.name] == nil {
            table["\\" + symbol.name] = symbol.text
        }
        return table
    }()

    /// The character a control symbol such as `\_` stands for in text, if any.
    static func character(forControlSymbol name: String) -> String? {
        textSymbols[name]
    }

    static func register(in registry: inout CommandRegistry) {
        for (name, style) in styles {
            registry.register(name) { parser, token in try parseText(parser, token, style: style) }
        }
        // Text symbols in math, as LaTeX allows them with a warning (\textyen, \textdegree …).
        for name in PackageSymbols.textSymbols.map({ "\\" + $0.name }) + [
            "\\O", "\\o", "\\rq", "\\lq", "\\ss", "\\ae", "\\AE",
        ] {
            let text = textSymbols[name] ?? ""
            registry.registerIfNew(name) { _, token in MathNode(.text(text, style: nil), at: token.offset) }
        }
        registry.register("\\verb") { parser, token in
            let starred = try parser.expander.peek().isCharacter("*")
            guard let verbatim = parser.expander.readVerbatim(skippingStar: starred) else {
                throw TeXError(
                    "'\\verb' needs its text between two equal characters", fix: "write \\verb|…|", at: token.offset)
            }
            let shown = starred ? String(verbatim.map { $0 == " " ? "␣" : $0 }) : verbatim
            return MathNode(.text(keepingEdgeSpaces(shown), style: "font-family:monospace"), at: token.offset)
        }
    }

    /// The argument of a text-mode command as `<mtext>` (and math pieces for `$…$`); an
    /// unbraced argument is one character, as in TeX (`\text x`).
    static func parseText(_ parser: Parser, _ command: Token, style: String?) throws -> MathNode {
        let open = try parser.nextSkippingSpaces()
        guard open.isCharacter("{") else {
            if open.kind == .character, !open.isCharacter("}") {
                return MathNode(.text(open.text == "~" ? "\u{00A0}" : open.text, style: style), at: open.offset)
            }
            if open.kind == .command, let symbol = textSymbols[open.text] {
                return MathNode(.text(symbol, style: style), at: open.offset)
            }
            throw TeXError(
                "'\(command.text)' needs a braced argument", fix: "write \(command.text){…}", at: command.offset)
        }
        return try readText(parser, command, style: style, from: open.offset + 1, until: [])
    }

    /// Text up to the `}` that closes an already-read `{`, or, with `terminators`, up to one of
    /// them outside braces (left unread): a text column such as the second of `cases*`.
    static func readText(
        _ parser: Parser, _ command: Token, style: String?, from start: Int, until terminators: Set<String>
    ) throws -> MathNode {
        var pieces: [MathNode] = []
        var text = ""
        var textOffset = start
        func flush() {
            if !text.isEmpty { pieces.append(MathNode(.text(keepingEdgeSpaces(text), style: style), at: textOffset)) }
            text = ""
        }
        var depth = 1
        while true {
            let token = try parser.expander.next()
            if depth == 1, terminators.contains(token.text) || (token.isEnd && !terminators.isEmpty) {
                parser.expander.pushBack(token)
                flush()
                return pieces.count == 1 ? pieces[0] : MathNode(.row(pieces), at: start)
            }
            switch token.kind {
            case .end:
                throw TeXError("'{' after '\(command.text)' is never closed", fix: "add '}'", at: start - 1)
            case .space:
                text += " "
            case .character where token.text == "$":
                flush()
                let math = try parser.withDisplayStyle(false) { try parser.parseExpression(until: ["$"]) }
                guard try parser.expander.next().isCharacter("$") else {
                    throw TeXError("'$' inside '\(command.text)' is never closed", fix: "add '$'", at: token.offset)
                }
                pieces.append(MathNode(.row(math), at: token.offset))
                textOffset = token.offset + 1
            case .character:
                if token.text == "{" { depth += 1; continue }
                if token.text == "}" {
                    depth -= 1
                    if depth == 0 {
                        flush()
                        return pieces.count == 1 ? pieces[0] : MathNode(.row(pieces), at: command.offset)
                    }
                    continue
                }
                if text.isEmpty { textOffset = token.offset }
                text += token.text == "~" ? "\u{00A0}" : token.text
            case .command:
                if let symbol = textSymbols[token.text] {
                    text += symbol
                } else if let parenthesized = ReferenceCommands.references[token.text] {
                    flush()
                    let label = try parser.readStringArgument(of: token)
                    let form = parenthesized ? parser.numbering.tagForm : nil
                    pieces.append(MathNode(.reference(label: label, form: form), at: token.offset))
                    textOffset = token.offset
                } else if styles[token.text] != nil {
                    // Nested text commands (\text{\textbf{…}}): their braces are read as groups here.
                    continue
                } else {
                    parser.log.warning(
                        "'\(token.text)' is not supported inside '\(command.text)'; it is shown as written",
                                       fix: "leave text mode with $…$ for math", at: token.offset)
                    text += token.text
                }
            }
        }
    }

    /// Leading and trailing spaces as no-break spaces, which `<mtext>` does not collapse.
    private static func keepingEdgeSpaces(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count && scalars[index] == " " { scalars[index] = "\u{00A0}"; index += 1 }
        index = scalars.count - 1
        while index >= 0 && scalars[index] == " " { scalars[index] = "\u{00A0}"; index -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
