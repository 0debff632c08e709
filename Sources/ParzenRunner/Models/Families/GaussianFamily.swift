import ParzenCore

/// `model: gaussian`: one Gaussian N(μ, Σ) by maximum likelihood (or, with `unbiased`,
/// the covariance divided by N − 1).
public enum GaussianFamily: ModelFamily {
    public static let name = "gaussian"
    public static let help = "MLE"
    public static let options = [
        OptionSpec(
            "unbiased", .boolean, default: "false",
            help: "Divide the Gaussian's covariance by N − 1 instead of N (not the MLE).")
    ]

    public static func configure(_ specification: inout ModelSpecification, from options: OptionValues) throws {
        if let unbiased = options.boolean("unbiased") { specification.unbiased = unbiased }
    }

    public static func check(_ specification: ModelSpecification, dimension d: Int, trainCount n: Int)
        throws(ModelRequirementViolation) {
        let needed = max(d + 1, specification.unbiased ? 2 : 1)
        guard n >= needed else {
            throw ModelRequirementViolation(option: "data", error: .tooFewPoints(
                "a Gaussian in \(d) dimension\(d == 1 ? "" : "s")", needed: needed, got: n))
        }
    }

    public static func fit(_ points: PointSet, _ specification: ModelSpecification) throws -> ModelSpecification.Fit {
        ModelSpecification.Fit(
            model: try Gaussian.fit(points, estimator: specification.unbiased ? .unbiased : .maximumLikelihood))
    }

    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("mean", .numberOrNumbers), ("variance", .number)],
                             "Gaussian (1-D): μ̂ and σ̂²; in d > 1 `mean` and `covariance` are lists (row-major)"),
        ResultKeyDeclaration([("covariance", .numbers)], "Gaussian (d > 1): Σ̂, row-major"),
    ]

    public static func formula(of fitted: FittedModel) -> ModelFormula {
        typealias M = MathExpression
        let gaussian = fitted.model as! Gaussian
        let x = ModelFormula.point(dimension: gaussian.dimension)
        let p = M.sub(.variable("p"), .greek(.theta))
        if gaussian.dimension == 1 {
            let mu = M.hat(.greek(.mu)), sigma2 = M.sup(.hat(.greek(.sigma)), .int(2))
            return ModelFormula(definition: ModelFormula.density(p, x, ModelFormula.normal(x, mu, sigma2)),
                                numbers: [ModelFormula.equation(mu, .num(gaussian.mean[0])),
                                          ModelFormula.equation(sigma2, .num(gaussian.variance))])
        }
        let mu = M.hat(.bold(.greek(.mu))), covariance = M.hat(.greek(.Sigma))
        return ModelFormula(definition: ModelFormula.density(p, x, ModelFormula.normal(x, mu, covariance)),
                            numbers: [ModelFormula.equation(mu, ModelFormula.vector(gaussian.mean)),
                                      ModelFormula.equation(covariance, ModelFormula.matrix(gaussian.covariance))])
    }
}

extension ModelSpecification.Family {
    public static let gaussian = Self(GaussianFamily.self)
}
