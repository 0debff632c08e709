import ParzenCore

/// `model: kde`: a kernel density estimate (Parzen window) with a built-in or formula kernel
/// and a bandwidth given as h, as β = h², or chosen by a rule.
public enum KDEFamily: ModelFamily {
    public static let name = "kde"
    public static let help = "Parzen window"
    public static let options = [
        OptionSpec("kernel", .text, default: "gaussian",
                   help: "KDE kernel: \(Kernel.builtInNames.map { "`\($0)`" }.joined(separator: ", ")), or a formula in x such as `1/(1+x^2)`, which Parzen checks (K ≥ 0, ∫K < ∞) and normalises."),
        OptionSpec("bandwidth", .numberOrChoice(BandwidthRule.names), default: BandwidthRule.defaultRule.rawValue,
                   help: "KDE bandwidth h, a standard deviation (scikit-learn's `bandwidth`, h = √β), or a rule: \(BandwidthRule.names.map { "`\($0)`" }.joined(separator: ", "))."),
        OptionSpec("beta", .positiveNumber, help: "KDE bandwidth β, a variance: the tutorial's N(x | oᵢ, Iβ); give `beta` or `bandwidth`, not both."),
    ]

    public static func configure(_ specification: inout ModelSpecification, from options: OptionValues) throws {
        if let text = options.text("kernel") { specification.kernel = try KernelChoice.kernel(text, at: options.location(of: "kernel")!) }
        if let beta = options.number("beta") {
            specification.bandwidth = .variance(beta)
        } else if let h = options.number("bandwidth") {
            specification.bandwidth = .standardDeviation(h)
        } else if let rule = options.text("bandwidth") {
            specification.bandwidth = .rule(BandwidthRule(rawValue: rule)!)
        }
    }

    public static func check(_ specification: ModelSpecification, dimension d: Int, trainCount n: Int)
        throws(ModelRequirementViolation) {
        guard case .rule(let rule) = specification.bandwidth else { return }
        guard n >= 2 else {
            throw ModelRequirementViolation(option: "data", error: .tooFewPoints("the \(rule.rawValue) bandwidth rule", needed: 2, got: n))
        }
        if rule == .isj, d != 1 {
            throw ModelRequirementViolation(option: "bandwidth", error: ModelError(
                .invalidParameter, problem: "the isj rule is defined for 1-D data, got \(d) columns",
                fix: "use scott, silverman or cv in \(d) dimensions"))
        }
    }

    public static func fit(_ points: PointSet, _ specification: ModelSpecification) throws -> ModelSpecification.Fit {
        let (bandwidth, how) = try specification.bandwidth.resolve(for: points, kernel: specification.kernel)
        let model = try KernelDensityEstimate(data: points, kernel: specification.kernel, bandwidth: bandwidth)
        return ModelSpecification.Fit(model: model, bandwidth: bandwidth, bandwidthChoice: how)
    }

    public static let resultKeys: [(key: String, meaning: String)] = [
        ("kernel, beta, bandwidth, points", "KDE: kernel name, β (variance), h = √β (scikit-learn's bandwidth), N"),
        ("bandwidth_rule", "KDE: the rule that chose the bandwidth, when one did"),
    ]

    public static func formula(of fitted: FittedModel) -> ModelFormula {
        typealias M = MathExpression
        let kde = fitted.model as! KernelDensityEstimate
        let d = kde.dimension
        let x = ModelFormula.point(dimension: d)
        var numbers = [ModelFormula.equation(.variable("N"), .int(fitted.dataset.train.count))]
        if let beta = kde.bandwidth.beta {
            numbers += [ModelFormula.equation(.greek(.beta), .num(beta)),
                        .row([.variable("h"), .symbol(.equals), .squareRoot(.greek(.beta)), .symbol(.equals),
                              .num(kde.bandwidth.standardDeviation!)])]
        } else if case .matrix(let h) = kde.bandwidth {
            numbers.append(ModelFormula.equation(.variable("H"), ModelFormula.matrix(h)))
        }
        let average = M.fraction(.int(1), .variable("N"))
        if case .gaussian = kde.kernel, kde.bandwidth.beta != nil {
            let kernel = ModelFormula.normal(x, .sub(.variable("o"), .variable("i")), .row([.variable("I"), .greek(.beta)]))
            let definition = ModelFormula.density(.sub(.variable("p"), .greek(.beta)), x,
                                                  .row([average, ModelFormula.sumOverPoints, kernel]))
            return ModelFormula(definition: definition, numbers: numbers)
        }
        let power: M = d == 1 ? .variable("h") : .sup(.variable("h"), .int(d))
        let scaled = M.fraction(.row([x, .symbol(.minus), .sub(.variable("o"), .variable("i"))]), .variable("h"))
        let definition = ModelFormula.density(.sub(.variable("p"), .variable("h")), x,
                                              .row([.fraction(.int(1), .row([.variable("N"), power])), ModelFormula.sumOverPoints,
                                                    .variable("K"), .fenced(scaled, .stretchyParentheses)]))
        return ModelFormula(definition: definition, numbers: [ModelFormula.equation(.variable("K"), .text(kde.kernel.name))] + numbers)
    }

    /// What the bandwidth means and how it was chosen.
    public static func remarks(on fitted: FittedModel) -> [Inline] {
        let how = fitted.fit.bandwidthChoice ?? [.text("given")]
        guard let bandwidth = fitted.fit.bandwidth else { return [] }
        if bandwidth.beta != nil {
            let h = MathExpression.row([.variable("h"), .symbol(.equals), .squareRoot(.greek(.beta))])
            return [.text("The bandwidth β is a variance, as in the tutorial; "), .math(h),
                    .text(" is what scikit-learn calls "), .code("bandwidth"), .text(". It was ")] + how + [.text(". ")]
        }
        if case .matrix = bandwidth {
            return [.text("The bandwidth matrix "), .math(.variable("H")), .text(" is the kernel's covariance; it was ")]
                + how + [.text(". ")]
        }
        return []
    }

    public static func extras(for fitted: FittedModel) -> (values: ResultValues, blocks: [OutputBlock]) {
        var values = ResultValues()
        if case .rule(let rule) = fitted.specification.bandwidth { values["bandwidth_rule"] = .text(rule.rawValue) }
        return (values, [])
    }
}

extension ModelSpecification.Family {
    public static let kde = Self(KDEFamily.self)
}
