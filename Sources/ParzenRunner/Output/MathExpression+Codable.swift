/// A formula in the cache as nested arrays, `[case, payload…]`: `["fraction", a, b]`,
/// `["row", e₁, e₂, …]`, `["sum", from]` or `["sum", from, to]`. Swift's synthesised form
/// (two keyed containers a node, their keys read back as strings) was a sixth of decoding
/// the main tutorial's cached results; this one is one array a node.
extension MathExpression: Codable {
    private enum Case: String, Codable {
        case variable, greek, number, symbol, text, styled, row, fraction, squareRoot, subscripted, superscripted
        case hat, bold, fenced, sum, integral, matrix, thinSpace
    }

    public init(from decoder: any Decoder) throws {
        var items = try decoder.unkeyedContainer()
        func next() throws -> MathExpression { try items.decode(MathExpression.self) }
        switch try items.decode(Case.self) {
        case .variable: self = .variable(try items.decode(String.self))
        case .greek: self = .greek(try items.decode(Greek.self))
        case .number: self = .number(try items.decode(Quantity.self))
        case .symbol: self = .symbol(try items.decode(MathSymbol.self))
        case .text: self = .text(try items.decode(String.self))
        case .styled: self = .styled(try items.decode(MathAlphabet.self), try items.decode(String.self))
        case .row:
            var row: [MathExpression] = []
            while !items.isAtEnd { row.append(try next()) }
            self = .row(row)
        case .fraction: self = .fraction(try next(), try next())
        case .squareRoot: self = .squareRoot(try next())
        case .subscripted: self = .subscripted(try next(), try next())
        case .superscripted: self = .superscripted(try next(), try next())
        case .hat: self = .hat(try next())
        case .bold: self = .bold(try next())
        case .fenced: self = .fenced(try next(), try items.decode(Fence.self))
        case .sum: self = .sum(from: try next(), to: items.isAtEnd ? nil : try next())
        case .integral: self = .integral
        case .matrix: self = .matrix(try items.decode([[MathExpression]].self))
        case .thinSpace: self = .thinSpace
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var items = encoder.unkeyedContainer()
        switch self {
        case .variable(let name): try items.encode(Case.variable); try items.encode(name)
        case .greek(let letter): try items.encode(Case.greek); try items.encode(letter)
        case .number(let quantity): try items.encode(Case.number); try items.encode(quantity)
        case .symbol(let symbol): try items.encode(Case.symbol); try items.encode(symbol)
        case .text(let text): try items.encode(Case.text); try items.encode(text)
        case .styled(let alphabet, let text):
            try items.encode(Case.styled); try items.encode(alphabet); try items.encode(text)
        case .row(let row):
            try items.encode(Case.row)
            for item in row { try items.encode(item) }
        case .fraction(let a, let b): try items.encode(Case.fraction); try items.encode(a); try items.encode(b)
        case .squareRoot(let a): try items.encode(Case.squareRoot); try items.encode(a)
        case .subscripted(let a, let b): try items.encode(Case.subscripted); try items.encode(a); try items.encode(b)
        case .superscripted(let a, let b):
            try items.encode(Case.superscripted); try items.encode(a); try items.encode(b)
        case .hat(let a): try items.encode(Case.hat); try items.encode(a)
        case .bold(let a): try items.encode(Case.bold); try items.encode(a)
        case .fenced(let a, let fence): try items.encode(Case.fenced); try items.encode(a); try items.encode(fence)
        case .sum(let from, let to):
            try items.encode(Case.sum); try items.encode(from)
            if let to { try items.encode(to) }
        case .integral: try items.encode(Case.integral)
        case .matrix(let rows): try items.encode(Case.matrix); try items.encode(rows)
        case .thinSpace: try items.encode(Case.thinSpace)
        }
    }
}
