/// A user macro from `\newcommand`, `\renewcommand`, `\def`, `\DeclareMathOperator` or the
/// notebook's front matter (`math.macros`).
///
/// The body keeps `#1`…`#9` as two tokens (`#`, digit); expansion substitutes the arguments.
struct MacroDefinition {
    /// Number of arguments, 0…9.
    var parameterCount: Int
    /// The default of an optional first argument (`\newcommand{\x}[2][0]{…}`), if any.
    var optionalDefault: [Token]?
    var body: [Token]
    /// `\def`'s parameter text when it has delimiters (`\def\pair(#1,#2){…}`): the tokens between
    /// the name and the body, `#n` included. Nil for undelimited parameters.
    var parameterText: [Token]?
    /// A `\let` copy of a built-in command or a character: the body's one token is what the name
    /// means, read as is (not looked up again), so later redefinitions do not change it.
    var isAlias = false
    /// mathtools' `\DeclarePairedDelimiter`: the opening and closing delimiter tokens.
    var pairedDelimiter: (open: [Token], close: [Token])?

    /// A definition from front matter: arguments are inferred from the highest `#n` in the body.
    init(source body: String) {
        var lexer = Lexer(body)
        var tokens: [Token] = []
        while case let token = lexer.next(), !token.isEnd { tokens.append(token) }
        self.body = tokens
        self.optionalDefault = nil
        self.parameterCount = MacroDefinition.highestParameter(in: tokens)
    }

    init(parameterCount: Int, optionalDefault: [Token]?, body: [Token]) {
        self.parameterCount = parameterCount
        self.optionalDefault = optionalDefault
        self.body = body
    }

    private static func highestParameter(in tokens: [Token]) -> Int {
        var highest = 0
        for index in tokens.indices.dropLast() where tokens[index].isCharacter("#") {
            if let digit = Int(tokens[index + 1].text), tokens[index + 1].kind == .character, (1...9).contains(digit) {
                highest = max(highest, digit)
            }
        }
        return highest
    }
}
