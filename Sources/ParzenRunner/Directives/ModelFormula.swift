import ParzenCore

/// A fitted model written as the tutorial's formula, then its numbers: the reader sees the
/// equation and this notebook's N, β, μ̂, σ̂² beside it. The definition is displayed; the
/// numbers are inline formulas in the sentence that follows, so they wrap on a phone instead
/// of widening the equation. A 1-D mixture also gets the sum with its numbers substituted.
struct ModelFormula {
    typealias M = MathExpression

    /// The model's defining equation (display math).
    var definition: M
    /// The fitted numbers, each an equation such as μ̂ = 3.488.
    var numbers: [M]
    /// The definition with the numbers substituted, when short enough to be worth showing.
    var substituted: M?

    init(_ fitted: FittedModel) {
        let model = fitted.model
        let d = model.dimension
        let x: M = d == 1 ? .variable("x") : .bold(.variable("x"))
        let n = fitted.dataset.train.count
        let muHat: M = d == 1 ? .hat(.greek(.mu)) : .hat(.bold(.greek(.mu)))
        substituted = nil
        switch model {
        case let gaussian as Gaussian:
            if d == 1 {
                let sigma2 = M.sup(.hat(.greek(.sigma)), .int(2))
                definition = Self.density(.sub(.variable("p"), .greek(.theta)), x, Self.normal(x, muHat, sigma2))
                numbers = [Self.equation(muHat, .num(gaussian.mean[0])), Self.equation(sigma2, .num(gaussian.variance))]
            } else {
                let covariance = M.hat(.greek(.Sigma))
                definition = Self.density(.sub(.variable("p"), .greek(.theta)), x, Self.normal(x, muHat, covariance))
                numbers = [Self.equation(muHat, Self.vector(gaussian.mean)), Self.equation(covariance, Self.matrix(gaussian.covariance))]
            }
        case let kde as KernelDensityEstimate:
            numbers = [Self.equation(.variable("N"), .int(n))]
            if let beta = kde.bandwidth.beta {
                numbers += [Self.equation(.greek(.beta), .num(beta)),
                            .row([.variable("h"), .symbol(.equals), .squareRoot(.greek(.beta)), .symbol(.equals),
                                  .num(kde.bandwidth.standardDeviation!)])]
            } else if case .matrix(let h) = kde.bandwidth {
                numbers.append(Self.equation(.variable("H"), Self.matrix(h)))
            }
            let average = M.fraction(.int(1), .variable("N"))
            if case .gaussian = kde.kernel, kde.bandwidth.beta != nil {
                let kernel = Self.normal(x, .sub(.variable("o"), .variable("i")), .row([.variable("I"), .greek(.beta)]))
                definition = Self.density(.sub(.variable("p"), .greek(.beta)), x, .row([average, Self.sumOverPoints, kernel]))
            } else {
                let power: M = d == 1 ? .variable("h") : .sup(.variable("h"), .int(d))
                let scaled = M.fraction(.row([x, .symbol(.minus), .sub(.variable("o"), .variable("i"))]), .variable("h"))
                definition = Self.density(.sub(.variable("p"), .variable("h")), x,
                                          .row([.fraction(.int(1), .row([.variable("N"), power])), Self.sumOverPoints,
                                                .variable("K"), .fenced(scaled, .stretchyParentheses)]))
                numbers.insert(Self.equation(.variable("K"), .text(kde.kernel.name)), at: 0)
            }
        case is EmpiricalDistribution:
            let spike = M.row([.greek(.delta), .fenced(.row([x, .symbol(.minus), .sub(.variable("o"), .variable("i"))]), .stretchyParentheses)])
            definition = Self.density(.sub(.variable("p"), .text("emp")), x,
                                      .row([.fraction(.int(1), .variable("N")), Self.sumOverPoints, spike]))
            numbers = [Self.equation(.variable("N"), .int(n))]
        case let mixture as GaussianMixture:
            let k = mixture.componentCount
            let j = M.variable("j")
            let sum = M.sum(from: .row([j, .symbol(.equals), .int(1)]), to: .int(k))
            numbers = [Self.equation(.bold(.greek(.pi)), Self.tuple(mixture.weights.map(M.num)))]
            if d == 1 {
                let component = Self.normal(x, .sub(.greek(.mu), j), .sup(.sub(.greek(.sigma), j), .int(2)))
                definition = Self.density(.sub(.variable("p"), .greek(.theta)), x, .row([sum, .sub(.greek(.pi), j), component]))
                numbers += [Self.equation(.bold(.greek(.mu)), Self.tuple(mixture.components.map { .num($0.mean[0]) })),
                            Self.equation(.sup(.bold(.greek(.sigma)), .int(2)), Self.tuple(mixture.components.map { .num($0.variance) }))]
                var terms: [M] = []
                for (index, (w, g)) in zip(mixture.weights, mixture.components).enumerated() {
                    if index > 0 { terms.append(.symbol(.plus)) }
                    terms += [.num(w), .thinSpace, Self.normal(x, .num(g.mean[0]), .num(g.variance))]
                }
                substituted = Self.density(.sub(.variable("p"), .greek(.theta)), x, .row(terms))
            } else {
                let component = Self.normal(x, .sub(.bold(.greek(.mu)), j), .sub(.greek(.Sigma), j))
                definition = Self.density(.sub(.variable("p"), .greek(.theta)), x, .row([sum, .sub(.greek(.pi), j), component]))
                numbers += mixture.components.enumerated().map {
                    Self.equation(.sub(.bold(.greek(.mu)), .int($0.offset + 1)), Self.vector($0.element.mean))
                }
            }
        case let ppca as ProbabilisticPCA:
            let w = M.variable("W")
            let covariance = M.row([w, .sup(w, .symbol(.transpose)), .symbol(.plus), .sup(.greek(.sigma), .int(2)), .variable("I")])
            definition = Self.density(.sub(.variable("p"), .greek(.theta)), x, Self.normal(x, .bold(.greek(.mu)), covariance))
            numbers = [Self.equation(.variable("k"), .int(ppca.latentDimension)), Self.equation(muHat, Self.vector(ppca.mean)),
                       Self.equation(.sup(.hat(.greek(.sigma)), .int(2)), .num(ppca.noiseVariance))]
        case let latent as LatentVariableModel:
            let z = M.bold(.variable("z"))
            let prior = M.row([.styled(.calligraphic, "N"), .fenced(.row([z, .symbol(.mid), .int(0), .symbol(.comma), .variable("I")]), .parentheses)])
            let decoder = M.row([.sub(.variable("G"), .greek(.theta)), .fenced(z, .parentheses)])
            let likelihood = Self.normal(x, decoder, .row([.sup(.greek(.sigma), .int(2)), .variable("I")]))
            definition = Self.density(.sub(.variable("p"), .greek(.theta)), x,
                                      .row([.integral, prior, .thinSpace, likelihood, .symbol(.integralDifferential), z]))
            numbers = [Self.equation(.variable("k"), .int(latent.latentDimension)),
                       Self.equation(.sup(.greek(.sigma), .int(2)), .num(latent.noiseVariance)),
                       Self.equation(.sub(.variable("G"), .greek(.theta)), .text(latent.decoder.description))]
        default:
            definition = .row([.sub(.variable("p"), .greek(.theta)), .fenced(x, .parentheses)])
            numbers = [.text(model.summary.kind)]
        }
    }

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
        .row([.styled(.calligraphic, "N"), .fenced(.row([x, .symbol(.mid), mean, .symbol(.comma), variance]), .stretchyParentheses)])
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
