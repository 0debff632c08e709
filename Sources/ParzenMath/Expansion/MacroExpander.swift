/// Expands user macros and handles the commands that define them, between the lexer and the
/// parser. The parser only ever sees tokens that are not user macros.
///
/// Hostile input is capped: at most `maxExpansions` macro calls and `maxExpandedTokens` tokens
/// produced per formula (a recursive `\newcommand{\x}{\x\x}` stops with an error, not a hang).
final class MacroExpander {
    static let maxExpansions = 2_000
    static let maxExpandedTokens = 50_000
    /// The commands this stage handles itself; listed so did-you-mean knows them.
    static let definitionCommands: Set<String> = [
        "\\newcommand", "\\renewcommand", "\\providecommand", "\\def", "\\gdef", "\\edef", "\\xdef", "\\let",
        "\\global", "\\DeclareMathOperator", "\\newenvironment", "\\renewenvironment", "\\begingroup",
        "\\endgroup", "\\bgroup", "\\egroup", "\\DeclarePairedDelimiter",
    ]

    // The per-token state is read and written on every token; its accesses never overlap
    // (one parse runs on one thread, and no access spans a call back into the expander), so
    // the run-time exclusivity checks, 10% of the seed's math time, are left out.
    @exclusivity(unchecked) private var lexer: Lexer
    /// Tokens waiting to be read again, last one first.
    @exclusivity(unchecked) private var pending: [Token] = []
    private let macros: MacroTable
    private let log: DiagnosticLog
    private var expansions = 0
    /// Invalid characters before this offset have been reported.
    private var invalidCharactersReported = 0
    private var expandedTokens = 0

    /// Whether `\newenvironment` defined anything, kept here so that the common case costs no
    /// access to the shared table per token.
    private var hasUserEnvironments: Bool

    init(_ source: String, macros: MacroTable, log: DiagnosticLog) {
        lexer = Lexer(source)
        self.macros = macros
        hasUserEnvironments = !macros.environments.isEmpty
        self.log = log
    }

    /// The next token, without expanding it.
    func nextUnexpanded() -> Token {
        if let token = pending.popLast() { return token }
        while true {
            let token = lexer.next()
            guard token.kind == .character, let scalar = token.text.unicodeScalars.first,
                  Lexer.isInvalid(scalar) else { return token }
            // LaTeX gives the control characters category 15 and stops at them ("Text line
            // contains an invalid character"); XML cannot carry them. Reported once (the lexer
            // may be rewound over it), then left out of the formula.
            if token.offset >= invalidCharactersReported {
                invalidCharactersReported = token.offset + 1
                let code = String(scalar.value, radix: 16, uppercase: true)
                log.error("invalid character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) "
                          + "(a control character)", fix: "remove it", at: token.offset)
            }
        }
    }

    /// The raw text of `\verb|…|` right after `\verb` (and its `*`): read from the source, not
    /// from tokens, since TeX reads it verbatim. Tokens already peeked are given back to the lexer.
    func readVerbatim(skippingStar: Bool) -> String? {
        if skippingStar { _ = nextUnexpanded() }
        // Tokens read ahead (a peek) come from the source right after \verb: start there.
        if let earliest = pending.map(\.offset).min() {
            pending.removeAll()
            lexer.rewind(to: earliest)
        }
        return lexer.readVerbatim()
    }

    /// Puts a token back so that the next read returns it.
    func pushBack(_ token: Token) {
        pending.append(token)
    }

    /// The next token after expanding macros and performing definitions.
    func next() throws -> Token {
        while true {
            let token = nextUnexpanded()
            guard token.kind == .command, !token.isFrozen else { return token }
            if let definition = macros.definitions[token.text] {
                if definition.isAlias, var meaning = definition.body.first {
                    meaning.offset = token.offset
                    meaning.isFrozen = true
                    return meaning
                }
                try expand(definition, calledBy: token)
            } else if hasUserEnvironments && (token.text == "\\begin" || token.text == "\\end"),
                      let replacement = try userEnvironment(token) {
                pending.append(contentsOf: replacement.reversed())
            } else if MacroExpander.definitionCommands.contains(token.text) {
                try define(with: token)
            } else {
                return token
            }
        }
    }

    /// The next expanded token, left in place.
    func peek() throws -> Token {
        let token = try next()
        pending.append(token)
        return token
    }

    /// Skips space tokens, then returns the next expanded token, left in place.
    func peekSkippingSpaces() throws -> Token {
        while true {
            let token = try next()
            if token.kind != .space {
                pending.append(token)
                return token
            }
        }
    }

    // MARK: Expansion

    private func expand(_ definition: MacroDefinition, calledBy call: Token) throws {
        expansions += 1
        if expansions > MacroExpander.maxExpansions {
            throw TeXError(
                "more than \(MacroExpander.maxExpansions) macro expansions", fix: "check '\(call.text)' for recursion",
                at: call.offset)
        }
        var arguments: [[Token]] = []
        var remaining = definition.parameterCount
        if let pair = definition.pairedDelimiter {
            try expandPairedDelimiter(pair, call: call)
            return
        }
        if let parameterText = definition.parameterText {
            arguments = try readDelimitedArguments(parameterText, call: call)
            remaining = 0
        } else if let optionalDefault = definition.optionalDefault {
            arguments.append(try readOptionalRaw(call: call) ?? optionalDefault)
            remaining -= 1
        }
        for _ in 0..<max(remaining, 0) {
            arguments.append(try readArgumentRaw(call: call))
        }
        var output: [Token] = []
        output.reserveCapacity(definition.body.count)
        var index = 0
        let body = definition.body
        while index < body.count {
            var token = body[index]
            if token.isCharacter("#"), index + 1 < body.count {
                let following = body[index + 1]
                if following.isCharacter("#") {
                    token.offset = call.offset
                    output.append(token)
                    index += 2
                    continue
                }
                if following.kind == .character, let number = Int(following.text), number >= 1,
                    number <= arguments.count
                {
                    output.append(contentsOf: arguments[number - 1])
                    index += 2
                    continue
                }
            }
            token.offset = call.offset
            output.append(token)
            index += 1
        }
        expandedTokens += output.count
        if expandedTokens > MacroExpander.maxExpandedTokens {
            throw TeXError(
                "macro expansion produced more than \(MacroExpander.maxExpandedTokens) tokens",
                fix: "check '\(call.text)' for runaway growth", at: call.offset)
        }
        pending.append(contentsOf: output.reversed())
    }

    /// One undelimited argument: a braced group without its braces, or a single token.
    private func readArgumentRaw(call: Token) throws -> [Token] {
        var token = nextUnexpanded()
        while token.kind == .space { token = nextUnexpanded() }
        if token.isEnd {
            throw TeXError("'\(call.text)' is missing an argument", at: call.offset)
        }
        if token.isCharacter("{") {
            return try readBalancedRaw(openedAt: token)
        }
        return [token]
    }

    /// `[…]` if present, else nil (the token read ahead is put back).
    private func readOptionalRaw(call: Token) throws -> [Token]? {
        var token = nextUnexpanded()
        while token.kind == .space { token = nextUnexpanded() }
        guard token.isCharacter("[") else {
            pushBack(token)
            return nil
        }
        var tokens: [Token] = []
        var depth = 0
        while true {
            let next = nextUnexpanded()
            if next.isEnd {
                throw TeXError("'[' after '\(call.text)' is never closed", fix: "add ']'", at: token.offset)
            }
            if next.isCharacter("{") { depth += 1 }
            if next.isCharacter("}") { depth -= 1 }
            if next.isCharacter("]") && depth == 0 { return tokens }
            tokens.append(next)
        }
    }

    /// Tokens up to the `}` matching the already-read `{`, without the braces.
    func readBalancedRaw(openedAt open: Token) throws -> [Token] {
        var tokens: [Token] = []
        var depth = 1
        while true {
            let token = nextUnexpanded()
            if token.isEnd { throw TeXError("'{' is never closed", fix: "add '}'", at: open.offset) }
            if token.isCharacter("{") { depth += 1 }
            if token.isCharacter("}") {
                depth -= 1
                if depth == 0 { return tokens }
            }
            tokens.append(token)
        }
    }

    // MARK: Definitions

    private func define(with command: Token) throws {
        switch command.text {
        case "\\def", "\\gdef", "\\edef", "\\xdef":
            try defineTeXStyle(command)
        case "\\global":
            // Every definition is global here: formulas share one macro table in document order.
            break
        case "\\let":
            try defineAlias(command)
        case "\\begingroup", "\\bgroup":
            pushBack(Token(kind: .character, text: "{", offset: command.offset))
        case "\\endgroup", "\\egroup":
            pushBack(Token(kind: .character, text: "}", offset: command.offset))
        case "\\newenvironment", "\\renewenvironment":
            try defineEnvironment(command)
        case "\\DeclarePairedDelimiter":
            try declarePairedDelimiter(command)
        case "\\DeclareMathOperator":
            try declareOperator(command)
        default:
            try defineLaTeXStyle(command)
        }
    }

    /// `\newcommand{\name}[n][default]{body}`, also `\renewcommand`, `\providecommand`, starred.
    private func defineLaTeXStyle(_ command: Token) throws {
        skipStar()
        let name = try readMacroName(after: command)
        var count = 0
        var optionalDefault: [Token]?
        if let countTokens = try readOptionalRaw(call: command) {
            let text = countTokens.map(\.text).joined().trimmingSpaces()
            guard let number = Int(text), (0...9).contains(number) else {
                throw TeXError("argument count '\(text)' of '\(name)' is not 0…9", at: command.offset)
            }
            count = number
            optionalDefault = try readOptionalRaw(call: command)
        }
        let body = try readArgumentRaw(call: command)
        let exists = macros.definitions[name] != nil || CommandRegistry.standard.knows(name)
        switch command.text {
        case "\\newcommand" where exists:
            log.warning("'\(name)' is already defined; redefining it", fix: "use \\renewcommand", at: command.offset)
        case "\\renewcommand" where !exists:
            log.warning("'\(name)' was not defined before", fix: "use \\newcommand", at: command.offset)
        case "\\providecommand" where exists:
            return
        default:
            break
        }
        macros.define(name, as: MacroDefinition(parameterCount: count, optionalDefault: optionalDefault, body: body))
    }

    /// `\def\name#1#2{body}`, also with delimited parameters (`\def\pair(#1,#2){…}`).
    private func defineTeXStyle(_ command: Token) throws {
        let name = nextUnexpanded()
        guard name.kind == .command else {
            throw TeXError("'\(command.text)' must be followed by a command name", at: command.offset)
        }
        var count = 0
        var parameterText: [Token] = []
        var delimited = false
        while true {
            let token = nextUnexpanded()
            if token.isCharacter("{") { break }
            if token.isEnd {
                throw TeXError("'\(command.text)\(name.text)' has no body", fix: "add {…}", at: command.offset)
            }
            if token.isCharacter("#") {
                let digit = nextUnexpanded()
                guard Int(digit.text) == count + 1 else {
                    throw TeXError("parameters of '\(name.text)' must be #1, #2, … in order", at: digit.offset)
                }
                count += 1
                parameterText += [token, digit]
                continue
            }
            delimited = true
            parameterText.append(token)
        }
        let openBrace = Token(kind: .character, text: "{", offset: command.offset)
        let body = try readBalancedRaw(openedAt: openBrace)
        var definition = MacroDefinition(parameterCount: count, optionalDefault: nil, body: body)
        if delimited { definition.parameterText = parameterText }
        macros.define(name.text, as: definition)
    }

    /// The arguments of a call to a macro with delimited parameters, matching its parameter
    /// text as TeX does: leading delimiters must follow the call; a parameter followed by
    /// delimiters takes everything up to them (braces balanced, one outer pair removed); a
    /// parameter followed by another parameter or the end takes one token or group.
    private func readDelimitedArguments(_ parameterText: [Token], call: Token) throws -> [[Token]] {
        var arguments: [[Token]] = []
        var index = 0
        while index < parameterText.count {
            let item = parameterText[index]
            if !item.isCharacter("#") {
                let token = nextUnexpanded()
                guard token.kind == item.kind && token.text == item.text else {
                    throw TeXError("use of '\(call.text)' does not match its definition",
                                   fix: "write '\(item.text)' where its definition has it", at: token.offset)
                }
                index += 1
                continue
            }
            index += 2
            var delimiter: [Token] = []
            while index < parameterText.count, !parameterText[index].isCharacter("#") {
                delimiter.append(parameterText[index])
                index += 1
            }
            if delimiter.isEmpty {
                arguments.append(try readArgumentRaw(call: call))
            } else {
                arguments.append(try readUntil(delimiter, call: call))
            }
        }
        return arguments
    }

    /// Tokens up to `delimiter` at brace depth 0, without it; a single braced group loses its braces.
    private func readUntil(_ delimiter: [Token], call: Token) throws -> [Token] {
        var tokens: [Token] = []
        var depth = 0
        while true {
            let token = nextUnexpanded()
            if token.isEnd {
                throw TeXError(
                    "the argument of '\(call.text)' never ends", fix: "add '\(delimiter.map(\.text).joined())'",
                    at: call.offset)
            }
            if token.isCharacter("{") { depth += 1 }
            if token.isCharacter("}") { depth -= 1 }
            tokens.append(token)
            if depth == 0, tokens.count >= delimiter.count,
               zip(tokens.suffix(delimiter.count), delimiter).allSatisfy({ $0.kind == $1.kind && $0.text == $1.text }) {
                tokens.removeLast(delimiter.count)
                if tokens.first?.isCharacter("{") == true, tokens.last?.isCharacter("}") == true, isOneGroup(tokens) {
                    tokens = Array(tokens.dropFirst().dropLast())
                }
                return tokens
            }
            if tokens.count > MacroExpander.maxExpandedTokens {
                throw TeXError(
                    "the argument of '\(call.text)' is longer than \(MacroExpander.maxExpandedTokens) tokens",
                    at: call.offset)
            }
        }
    }

    /// Whether the braces of `tokens` (which starts with `{` and ends with `}`) enclose it all.
    private func isOneGroup(_ tokens: [Token]) -> Bool {
        var depth = 0
        for (index, token) in tokens.enumerated() {
            if token.isCharacter("{") { depth += 1 }
            if token.isCharacter("}") { depth -= 1 }
            if depth == 0 && index < tokens.count - 1 { return false }
        }
        return true
    }

    /// `\let\name=token` or `\let\name token`: a macro's definition is copied; a built-in
    /// command or character becomes an alias of it.
    private func defineAlias(_ command: Token) throws {
        let name = nextUnexpanded()
        guard name.kind == .command else {
            throw TeXError("'\\let' must be followed by a command name", at: command.offset)
        }
        var target = nextUnexpanded()
        while target.kind == .space { target = nextUnexpanded() }
        if target.isCharacter("=") {
            target = nextUnexpanded()
            if target.kind == .space { target = nextUnexpanded() }
        }
        if target.isEnd { throw TeXError("'\\let\(name.text)' has nothing to copy", at: command.offset) }
        if let definition = macros.definitions[target.text], target.kind == .command {
            macros.define(name.text, as: definition)
            return
        }
        var alias = MacroDefinition(parameterCount: 0, optionalDefault: nil, body: [target])
        alias.isAlias = true
        macros.define(name.text, as: alias)
    }

    /// `\newenvironment{name}[n]{begin}{end}`: `\begin{name}` then reads its arguments and
    /// becomes the begin code, `\end{name}` the end code.
    private func defineEnvironment(_ command: Token) throws {
        skipStar()
        let open = nextSkippingSpacesUnexpanded()
        guard open.isCharacter("{") else {
            throw TeXError("'\(command.text)' needs the environment name in braces", at: command.offset)
        }
        let name = try readBalancedRaw(openedAt: open).map(\.text).joined()
        var count = 0
        if let countTokens = try readOptionalRaw(call: command) {
            let text = countTokens.map(\.text).joined().trimmingSpaces()
            guard let number = Int(text), (0...9).contains(number) else {
                throw TeXError("argument count '\(text)' of environment '\(name)' is not 0…9", at: command.offset)
            }
            count = number
        }
        let begin = try readArgumentRaw(call: command)
        let end = try readArgumentRaw(call: command)
        macros.environments[name] = (count, begin, end)
        hasUserEnvironments = true
    }

    /// For `\begin`/`\end` of a user environment: the tokens that replace it (arguments
    /// substituted); nil, with the name put back, for any other environment.
    private func userEnvironment(_ command: Token) throws -> [Token]? {
        let open = nextSkippingSpacesUnexpanded()
        guard open.isCharacter("{") else {
            pushBack(open)
            return nil
        }
        let nameTokens = try readBalancedRaw(openedAt: open)
        let name = nameTokens.map(\.text).joined()
        guard let environment = macros.environments[name] else {
            pushBack(Token(kind: .character, text: "}", offset: open.offset))
            for token in nameTokens.reversed() { pushBack(token) }
            pushBack(open)
            return nil
        }
        guard command.text == "\\begin" else { return environment.end }
        let definition = MacroDefinition(
            parameterCount: environment.parameterCount, optionalDefault: nil, body: environment.begin)
        try expand(definition, calledBy: command)
        return []
    }

    /// mathtools' `\DeclarePairedDelimiter\abs{\lvert}{\rvert}`: `\abs{x}` is the pair at
    /// normal size, `\abs*{x}` stretches with `\left…\right`, `\abs[\big]{x}` takes that size.
    private func declarePairedDelimiter(_ command: Token) throws {
        let name = try readMacroName(after: command)
        let open = try readArgumentRaw(call: command)
        let close = try readArgumentRaw(call: command)
        var definition = MacroDefinition(parameterCount: 1, optionalDefault: nil, body: [])
        definition.pairedDelimiter = (open, close)
        macros.define(name, as: definition)
    }

    private func expandPairedDelimiter(_ pair: (open: [Token], close: [Token]), call: Token) throws {
        let starred = skipStar()
        let size = try readOptionalRaw(call: call)
        let argument = try readArgumentRaw(call: call)
        func command(_ name: String) -> Token { Token(kind: .command, text: name, offset: call.offset) }
        func group(_ tokens: [Token]) -> [Token] {
            [Token(kind: .character, text: "{", offset: call.offset)] + tokens + [
                Token(kind: .character, text: "}", offset: call.offset)
            ]
        }
        var output: [Token]
        if starred {
            output = [command("\\left")] + pair.open + argument + [command("\\right")] + pair.close
        } else if let size, let sizeName = size.first(where: { $0.kind == .command })?.text {
            output = [command(sizeName + "l")] + pair.open + argument + [command(sizeName + "r")] + pair.close
        } else {
            output =
                [command("\\mathopen")] + group(pair.open) + argument + [command("\\mathclose")] + group(pair.close)
        }
        for index in output.indices { output[index].offset = call.offset }
        pending.append(contentsOf: output.reversed())
    }

    private func nextSkippingSpacesUnexpanded() -> Token {
        var token = nextUnexpanded()
        while token.kind == .space { token = nextUnexpanded() }
        return token
    }

    /// `\DeclareMathOperator{\name}{text}` → `\operatorname{text}`; the starred form takes limits.
    private func declareOperator(_ command: Token) throws {
        let starred = skipStar()
        let name = try readMacroName(after: command)
        let text = try readArgumentRaw(call: command)
        let at = command.offset
        var body = [Token(kind: .command, text: "\\operatorname", offset: at)]
        if starred { body.append(Token(kind: .character, text: "*", offset: at)) }
        body.append(Token(kind: .character, text: "{", offset: at))
        body.append(contentsOf: text)
        body.append(Token(kind: .character, text: "}", offset: at))
        macros.define(name, as: MacroDefinition(parameterCount: 0, optionalDefault: nil, body: body))
    }

    @discardableResult
    private func skipStar() -> Bool {
        let token = nextUnexpanded()
        if token.isCharacter("*") { return true }
        pushBack(token)
        return false
    }

    /// `\name` or `{\name}`.
    private func readMacroName(after command: Token) throws -> String {
        var tokens = try readArgumentRaw(call: command)
        tokens.removeAll { $0.kind == .space }
        guard tokens.count == 1, tokens[0].kind == .command else {
            throw TeXError("'\(command.text)' must be followed by a command name such as \\foo", at: command.offset)
        }
        return tokens[0].text
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}
