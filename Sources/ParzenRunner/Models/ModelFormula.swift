import ParzenCore

/// A fitted model written as the tutorial's formula, then its numbers — each family writes
/// its own (`ModelFamily.formula(of:)`): the reader sees the equation and this notebook's
/// N, β, μ̂, σ̂² beside it. The definition is displayed; the
/// numbers are inline formulas in the sentence that follows, so they wrap on a phone instead
/// of widening the equation. A 1-D mixture also gets the sum with its numbers substituted.
public struct ModelFormula: Sendable {
    typealias M = MathExpression

    /// The model's defining equation (display math).
    var definition: M
    /// The fitted numbers, each an equation such as μ̂ = 3.488.
    var numbers: [M]
    /// The definition with the numbers substituted, when short enough to be worth showing.
    var substituted: M?

    init(definition: M, numbers: [M], substituted: M? = nil) {
        self.definition = definition
        self.numbers = numbers
        self.substituted = substituted
    }

    /// x in 1-D, bold x in d-D.
    static func point(dimension: Int) -> M { dimension == 1 ? .variable("x") : .bold(.variable("x")) }

    /// Numbers too wide for a line of text on a phone (matrices, long vectors): they are
    /// displayed, where a formula scrolls sideways instead of running off the page.
    var wideNumbers: [M] {
        numbers.filter(Self.isWide)
    }

    /// "With N = 218, β = 0.04 and h = √β = 0.2." — the numbers that fit in a sentence;
    /// empty when every number is wide.
    var sentence: [Inline] {
        let inline = numbers.filter { !Self.isWide($0) }.map { [Inline.math($0)] }
        guard !inline.isEmpty else { return [] }
        return [.text("With ")] + .list(inline) + [.text(".")]
    }

    /// A matrix, or more than three numbers (a vector that would run off a phone).
    static func isWide(_ expression: M) -> Bool {
        expression.containsMatrix || expression.numberCount > 3
    }

    /// `p(x) = body`.
    static func density(_ p: M, _ x: M, _ body: M) -> M {
        .row([p, .fenced(x, .parentheses), .symbol(.equals), body])
    }

    /// 𝒩(x | mean, variance).
    static func normal(_ x: M, _ mean: M, _ variance: M) -> M {
        .row([
            .styled(.calligraphic, "N"),
            .fenced(.row([x, .symbol(.mid), mean, .symbol(.comma), variance]), .stretchyParentheses),
        ])
    }

    static let sumOverPoints = M.sum(from: .row([.variable("i"), .symbol(.equals), .int(1)]), to: .variable("N"))

    static func equation(_ left: M, _ right: M) -> M { .row([left, .symbol(.equals), right]) }

    static func tuple(_ items: [M]) -> M { .fenced(.commaSeparated(items), .parentheses) }

    static func vector(_ xs: [Double]) -> M { .sup(tuple(xs.map(M.num)), .symbol(.transpose)) }

    static func matrix(_ m: Matrix) -> M {
        .matrix((0..<m.rows).map { i in (0..<m.columns).map { .num(m[i, $0]) } })
    }
}

extension MathExpression {
    /// Whether a matrix occurs anywhere in the expression.
    var containsMatrix: Bool {
        children.contains { if case .matrix = $0 { true } else { $0.containsMatrix } }
    }

    /// How many numbers the expression prints.
    var numberCount: Int {
        if case .number = self { return 1 }
        return children.reduce(0) { $0 + $1.numberCount }
    }

    /// The direct subexpressions.
    var children: [MathExpression] {
        switch self {
        case .variable, .greek, .number, .symbol, .text, .styled, .integral, .thinSpace: []
        case .row(let items): items
        case .fraction(let a, let b), .subscripted(let a, let b), .superscripted(let a, let b): [a, b]
        case .squareRoot(let a), .hat(let a), .bold(let a), .fenced(let a, _): [a]
        case .sum(let from, let to): [from] + (to.map { [$0] } ?? [])
        case .matrix(let rows): rows.flatMap { $0 }
        }
    }
}
