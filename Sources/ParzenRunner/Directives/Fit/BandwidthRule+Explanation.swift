import ParzenCore

extension BandwidthRule {
    /// The rule used when a KDE is fitted without `bandwidth:` or `beta:`.
    public static let defaultRule = BandwidthRule.scott

    /// The rules' names, for option docs and "did you mean".
    public static var names: [String] { allCases.map(\.rawValue) }

    /// How the rule chose the bandwidth for data of the given dimension, for the fit's
    /// output. In d ≥ 2 the rules scale the data's covariance Σ̂ (as scipy does).
    public func explanation(dimension d: Int) -> [Inline] {
        let n = MathExpression.variable("N"), sigmaHat = MathExpression.hat(.greek(.sigma))
        let covariance = MathExpression.hat(.greek(.Sigma))
        // Exponents as −2/(d+4): a fraction there would be set too small to read.
        let power = { (numerator: MathExpression) in
            MathExpression.row([
                numerator, .symbol(.slash), .fenced(.row([.variable("d"), .symbol(.plus), .int(4)]), .parentheses),
            ])
        }
        let withD: [Inline] = [.text(" with "), .math(.row([.variable("d"), .symbol(.equals), .int(d)]))]
        switch self {
        case .scott where d > 1:
            let h = MathExpression.row([.variable("H"), .symbol(.equals),
                                        .sup(n, .row([.symbol(.minus), power(.int(2))])), .thinSpace, covariance])
            return [.text("chosen by Scott's rule "), .math(h)] + withD
        case .silverman where d > 1:
            let inner = MathExpression.fraction(
                .int(4), .row([.fenced(.row([.variable("d"), .symbol(.plus), .int(2)]), .parentheses), n]))
            let h = MathExpression.row([
                .variable("H"), .symbol(.equals), .sup(.fenced(inner, .stretchyParentheses), power(.int(2))),
                covariance,
            ])
            return [.text("chosen by Silverman's rule "), .math(h)] + withD
        case .scott:
            let h = MathExpression.row([.variable("h"), .symbol(.equals), sigmaHat,
                                        .sup(n, .row([.symbol(.minus), .int(1), .symbol(.slash), .int(5)]))])
            return [.text("chosen by Scott's rule "), .math(h)]
        case .silverman:
            let spread = MathExpression.row([.symbol(.minimum), .fenced(.row([sigmaHat, .symbol(.comma),
                                              .styled(.roman, "IQR"), .symbol(.slash), .num(1.34)]), .parentheses)])
            let h = MathExpression.row([.variable("h"), .symbol(.equals), .num(0.9), .thinSpace, spread, .thinSpace,
                                        .sup(n, .row([.symbol(.minus), .int(1), .symbol(.slash), .int(5)]))])
            return [.text("chosen by Silverman's rule "), .math(h)]
        case .isj:
            return [.text("chosen by the Improved Sheather–Jones plug-in (Botev et al. 2010)")]
        case .cv:
            let criterion = MathExpression.row([.sum(from: .variable("i"), to: nil), .symbol(.logarithm),
                                                .sub(.variable("p"), .row([.symbol(.minus), .variable("i")])),
                                                .fenced(.sub(.variable("x"), .variable("i")), .parentheses)])
            return [
                .text("chosen by leave-one-out likelihood cross-validation (maximising "), .math(criterion), .text(")"),
            ]
        }
    }
}
