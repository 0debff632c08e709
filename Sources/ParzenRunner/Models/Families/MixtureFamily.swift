import ParzenCore

/// `model: gmm`: a mixture of k Gaussians fitted by EM from k-means++ starts.
public enum MixtureFamily: ModelFamily {
    public static let name = "gmm"
    public static let help = "mixture by EM"
    public static let options = [
        OptionSpec("components", .integer(1...50), default: "2", help: "Number of mixture components k (`gmm`)."),
        OptionSpec("covariance", .choice(GaussianMixture.CovarianceType.allCases.map(\.rawValue)), default: "full",
                   help: "Covariance of each mixture component (`gmm`)."),
    ]

    public static func configure(_ specification: inout ModelSpecification, from options: OptionValues) throws {
        if let k = options.integer("components") { specification.components = k }
        if let c = options.text("covariance") { specification.covarianceType = GaussianMixture.CovarianceType(rawValue: c)! }
    }

    public static func check(_ specification: ModelSpecification, dimension: Int, trainCount n: Int)
        throws(ModelRequirementViolation) {
        let k = specification.components
        guard n >= max(k, 2) else {
            throw ModelRequirementViolation(option: "data", error: .tooFewPoints("a mixture of \(k) Gaussians", needed: max(k, 2), got: n))
        }
    }

    public static func fit(_ points: PointSet, _ specification: ModelSpecification) throws -> ModelSpecification.Fit {
        let mixture = try GaussianMixture.fit(points, components: specification.components, covarianceType: specification.covarianceType,
                                              initialization: .kMeansPlusPlus(seed: specification.seed))
        return ModelSpecification.Fit(model: mixture)
    }

    public static let resultKeys: [(key: String, meaning: String)] = [
        ("components, covariance_type, weights, means, covariances, bic", "Gaussian mixture: k, full/diagonal, π, μⱼ and Σⱼ (row-major lists), BIC on the training points"),
    ]

    public static func formula(of fitted: FittedModel) -> ModelFormula {
        typealias M = MathExpression
        let mixture = fitted.model as! GaussianMixture
        let x = ModelFormula.point(dimension: mixture.dimension)
        let j = M.variable("j"), p = M.sub(.variable("p"), .greek(.theta))
        let sum = M.sum(from: .row([j, .symbol(.equals), .int(1)]), to: .int(mixture.componentCount))
        var numbers = [ModelFormula.equation(.bold(.greek(.pi)), ModelFormula.tuple(mixture.weights.map(M.num)))]
        guard mixture.dimension == 1 else {
            let component = ModelFormula.normal(x, .sub(.bold(.greek(.mu)), j), .sub(.greek(.Sigma), j))
            numbers += mixture.components.enumerated().map {
                ModelFormula.equation(.sub(.bold(.greek(.mu)), .int($0.offset + 1)), ModelFormula.vector($0.element.mean))
            }
            return ModelFormula(definition: ModelFormula.density(p, x, .row([sum, .sub(.greek(.pi), j), component])), numbers: numbers)
        }
        let component = ModelFormula.normal(x, .sub(.greek(.mu), j), .sup(.sub(.greek(.sigma), j), .int(2)))
        numbers += [ModelFormula.equation(.bold(.greek(.mu)), ModelFormula.tuple(mixture.components.map { .num($0.mean[0]) })),
                    ModelFormula.equation(.sup(.bold(.greek(.sigma)), .int(2)), ModelFormula.tuple(mixture.components.map { .num($0.variance) }))]
        var terms: [M] = []
        for (index, (w, g)) in zip(mixture.weights, mixture.components).enumerated() {
            if index > 0 { terms.append(.symbol(.plus)) }
            terms += [.num(w), .thinSpace, ModelFormula.normal(x, .num(g.mean[0]), .num(g.variance))]
        }
        return ModelFormula(definition: ModelFormula.density(p, x, .row([sum, .sub(.greek(.pi), j), component])), numbers: numbers,
                            substituted: ModelFormula.density(p, x, .row(terms)))
    }

    /// Whether EM converged, and after how many iterations.
    public static func remarks(on fitted: FittedModel) -> [Inline] {
        guard let report = (fitted.model as? GaussianMixture)?.convergence else { return [] }
        let verb = report.converged ? "converged" : "stopped without converging"
        return [.text("EM \(verb) after \(report.iterations) iteration\(report.iterations == 1 ? "" : "s"). ")]
    }

    public static func extras(for fitted: FittedModel) -> (values: ResultValues, blocks: [OutputBlock]) {
        var values = ResultValues()
        if let mixture = fitted.model as? GaussianMixture { values["bic"] = .number(mixture.bic(fitted.dataset.train)) }
        return (values, [])
    }
}

extension ModelSpecification.Family {
    public static let gmm = Self(MixtureFamily.self)
}
