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
        "\\newcommand", "\\renewcommand", "\\providecommand", "\\def", "\\DeclareMathOperator",
    ]

    private var lexer: Lexer
    /// Tokens waiting to be read again, last one first.
    private var pending: [Token] = []
    private let macros: MacroTable
    private let log: DiagnosticLog
    private var expansions = 0
    private var expandedTokens = 0

    init(_ source: String, macros: MacroTable, log: DiagnosticLog) {
        lexer = Lexer(source)
        self.macros = macros
        self.log = log
    }

    /// The next token, without expanding it.
    func nextUnexpanded() -> Token {
        pending.popLast() ?? lexer.next()
    }

    /// Puts a token back so that the next read returns it.
    func pushBack(_ token: Token) {
        pending.append(token)
    }

    /// The next token after expanding macros and performing definitions.
    func next() throws -> Token {
        while true {
            let token = nextUnexpanded()
            guard token.kind == .command else { return token }
            if let definition = macros.definitions[token.text] {
                try expand(definition, calledBy: token)
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
            throw TeXError("more than \(MacroExpander.maxExpansions) macro expansions", fix: "check '\(call.text)' for recursion", at: call.offset)
        }
        var arguments: [[Token]] = []
        var remaining = definition.parameterCount
        if let optionalDefault = definition.optionalDefault {
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
                if following.kind == .character, let number = Int(following.text), number >= 1, number <= arguments.count {
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
            throw TeXError("macro expansion produced more than \(MacroExpander.maxExpandedTokens) tokens", fix: "check '\(call.text)' for runaway growth", at: call.offset)
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
            if next.isEnd { throw TeXError("'[' after '\(call.text)' is never closed", fix: "add ']'", at: token.offset) }
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
        case "\\def":
            try defineTeXStyle(command)
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

    /// `\def\name#1#2{body}` with undelimited parameters only.
    private func defineTeXStyle(_ command: Token) throws {
        let name = nextUnexpanded()
        guard name.kind == .command else {
            throw TeXError("'\\def' must be followed by a command name", at: command.offset)
        }
        var count = 0
        while true {
            let token = nextUnexpanded()
            if token.isCharacter("{") { break }
            if token.isCharacter("#") {
                let digit = nextUnexpanded()
                guard Int(digit.text) == count + 1 else {
                    throw TeXError("parameters of '\(name.text)' must be #1, #2, … in order", at: digit.offset)
                }
                count += 1
                continue
            }
            throw TeXError("delimited parameters are not supported in '\\def\(name.text)'", fix: "use \\newcommand", at: token.offset)
        }
        let openBrace = Token(kind: .character, text: "{", offset: command.offset)
        let body = try readBalancedRaw(openedAt: openBrace)
        macros.define(name.text, as: MacroDefinition(parameterCount: count, optionalDefault: nil, body: body))
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
