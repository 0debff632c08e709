/// Recursive-descent parser for `Expression` (grammar there), emitting postfix instructions
/// as it recognises each rule, so no tree is built.
///
/// Hostile input is capped: nesting deeper than `maximumDepth` (parentheses, unary minus,
/// powers) is refused with an error rather than overflowing the stack.
struct ExpressionParser {
    /// The deepest nesting accepted; kernel formulas need a handful of levels.
    static let maximumDepth = 100

    private let source: String
    private let variable: String
    private let characters: [Character]
    private var position = 0
    private var depth = 0
    private var program: [Expression.Instruction] = []

    init(_ source: String, variable: String) {
        self.source = source
        self.variable = variable
        self.characters = Array(source)
    }

    /// The whole formula as a postfix program.
    mutating func parse() throws -> [Expression.Instruction] {
        skipSpaces()
        guard position < characters.count else { throw error("expected a formula in \(variable), got nothing") }
        try parseSum()
        skipSpaces()
        if position < characters.count {
            let c = characters[position]
            throw error(c == ")" ? "unmatched ')'" : "unexpected '\(c)'; expected an operator (+ − * / ^) or the end")
        }
        return program
    }

    private mutating func parseSum() throws {
        try parseProduct()
        while let op = peekOperator(["+", "-"]) {
            position += 1
            try parseProduct()
            program.append(.binary(op))
        }
    }

    private mutating func parseProduct() throws {
        try parseUnary()
        while let op = peekOperator(["*", "/"]) {
            position += 1
            try parseUnary()
            program.append(.binary(op))
        }
    }

    private mutating func parseUnary() throws {
        skipSpaces()
        if position < characters.count, characters[position] == "-" || characters[position] == "−" {
            position += 1
            try nested { try $0.parseUnary() }
            program.append(.negate)
        } else {
            try parsePower()
        }
    }

    private mutating func parsePower() throws {
        try parsePrimary()
        if peekOperator(["^"]) != nil {
            position += 1
            try nested { try $0.parseUnary() }
            program.append(.binary(.power))
        }
    }

    private mutating func parsePrimary() throws {
        skipSpaces()
        guard position < characters.count else {
            throw error("expected a number, \(variable), a function or '(' but the formula ended")
        }
        let start = position
        let c = characters[position]
        if c.isNumber || c == "." {
            try parseNumber()
        } else if c == "(" {
            position += 1
            try nested { try $0.parseSum() }
            try expectClosing(openedAt: start)
        } else if c.isLetter {
            while position < characters.count, characters[position].isLetter || characters[position].isNumber {
                position += 1
            }
            let name = String(characters[start..<position])
            switch name {
            case variable: program.append(.variable)
            case "pi": program.append(.constant(Double.pi))
            case "e": program.append(.constant(2.718281828459045))
            default:
                guard let function = Expression.Function(rawValue: name) else {
                    let functions = Expression.Function.allCases.map(\.rawValue).joined(separator: ", ")
                    let message = "unknown name '\(name)'; the variable is \(variable), constants pi and e, "
                        + "functions \(functions)"
                    throw ExpressionError(source: source, offset: start, message: message)
                }
                skipSpaces()
                guard position < characters.count, characters[position] == "(" else {
                    throw error("expected '(' after '\(name)'")
                }
                let open = position
                position += 1
                try nested { try $0.parseSum() }
                try expectClosing(openedAt: open)
                program.append(.function(function))
            }
        } else {
            throw error("unexpected '\(c)'; expected a number, \(variable), a function or '('")
        }
    }

    /// A decimal number: digits, an optional fraction and an optional exponent (`1.5e-3`).
    private mutating func parseNumber() throws {
        let start = position
        while position < characters.count, characters[position].isNumber || characters[position] == "." {
            position += 1
        }
        func isDigit(_ i: Int) -> Bool { i < characters.count && characters[i].isNumber }
        func isSign(_ i: Int) -> Bool { i < characters.count && (characters[i] == "-" || characters[i] == "+") }
        if position < characters.count, characters[position] == "e" || characters[position] == "E",
           isDigit(position + 1) || (isSign(position + 1) && isDigit(position + 2)) {
            position += 2
            while position < characters.count, characters[position].isNumber { position += 1 }
        }
        let text = String(characters[start..<position])
        guard let value = Double(text), value.isFinite else {
            throw ExpressionError(source: source, offset: start, message: "'\(text)' is not a number")
        }
        program.append(.constant(value))
    }

    private mutating func expectClosing(openedAt open: Int) throws {
        skipSpaces()
        guard position < characters.count, characters[position] == ")" else {
            throw error("expected ')' to close '(' at offset \(open)")
        }
        position += 1
    }

    /// Runs `body` one nesting level deeper, refusing formulas nested beyond the cap.
    private mutating func nested(_ body: (inout ExpressionParser) throws -> Void) throws {
        depth += 1
        guard depth <= ExpressionParser.maximumDepth else {
            throw error("the formula is nested more than \(ExpressionParser.maximumDepth) levels deep")
        }
        try body(&self)
        depth -= 1
    }

    /// The operator at the cursor if it is one of `accepted` ("−" counts as "-").
    private mutating func peekOperator(_ accepted: [Character]) -> Expression.Operator? {
        skipSpaces()
        guard position < characters.count else { return nil }
        let c: Character = characters[position] == "−" ? "-" : characters[position]
        guard accepted.contains(c) else { return nil }
        return Expression.Operator(rawValue: c)
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    private func error(_ message: String) -> ExpressionError {
        ExpressionError(source: source, offset: position, message: message)
    }
}
