import ParzenCore

/// `model: ppca`: probabilistic PCA, the linear-Gaussian latent model, closed-form MLE.
public enum PPCAFamily: ModelFamily {
    public static let name = "ppca"
    public static let help = "linear latent model"
    public static let options = [
        OptionSpec("latent", .integer(1...100), default: "1", help: "Latent dimension k (`ppca`, `latent`)."),
    ]

    public static func configure(_ specification: inout ModelSpecification, from options: OptionValues) throws {
        if let k = options.integer("latent") { specification.latentDimension = k }
    }

    public static func check(_ specification: ModelSpecification, dimension d: Int, trainCount n: Int)
        throws(ModelRequirementViolation) {
        try checkLinearLatent(specification.latentDimension, dimension: d, trainCount: n)
    }

    /// Probabilistic PCA (and the latent model's linear decoder, fitted by it): d ≥ 2,
    /// 1 ≤ k < d, N ≥ k + 2 — the core's guards in `ProbabilisticPCA.fit`.
    static func checkLinearLatent(_ k: Int, dimension d: Int, trainCount n: Int) throws(ModelRequirementViolation) {
        guard d >= 2 else {
            throw ModelRequirementViolation(option: "model", error: ModelError(
                .invalidParameter, problem: "probabilistic PCA needs at least 2 columns (k < d), the data have \(d)",
                fix: "select two or more columns, or use model: gaussian"))
        }
        guard k < d else {
            throw ModelRequirementViolation(option: "latent",
                error: .invalidParameter("the latent dimension k", "\(k)", expected: "1 ≤ k < d = \(d)"))
        }
        guard n >= k + 2 else {
            throw ModelRequirementViolation(option: "data", error: .tooFewPoints(
                "probabilistic PCA with k = \(k)", needed: k + 2, got: n,
                fix: "provide more points or choose a smaller latent dimension k"))
        }
    }

    public static func fit(_ points: PointSet, _ specification: ModelSpecification) throws -> ModelSpecification.Fit {
        ModelSpecification.Fit(model: try fitPPCA(points, latentDimension: specification.latentDimension))
    }

    static func fitPPCA(_ points: PointSet, latentDimension: Int) throws -> ProbabilisticPCA {
        guard points.dimension >= 2 else {
            throw ModelError(
                .invalidParameter, problem: "probabilistic PCA needs at least 2 columns (k < d), the data have 1",
                             fix: "select two or more columns, or use model: gaussian")
        }
        return try ProbabilisticPCA.fit(points, latentDimension: latentDimension)
    }

    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("latent_dimension", .integer), ("mean", .numbers), ("loadings", .numbers),
                              ("noise_variance", .number)], "probabilistic PCA: k, μ̂, W (row-major), σ̂²"),
    ]

    public static func formula(of fitted: FittedModel) -> ModelFormula {
        typealias M = MathExpression
        let ppca = fitted.model as! ProbabilisticPCA
        let x = ModelFormula.point(dimension: ppca.dimension)
        let w = M.variable("W")
        let covariance = M.row([
            w, .sup(w, .symbol(.transpose)), .symbol(.plus), .sup(.greek(.sigma), .int(2)), .variable("I"),
        ])
        let definition = ModelFormula.density(.sub(.variable("p"), .greek(.theta)), x,
                                              ModelFormula.normal(x, .bold(.greek(.mu)), covariance))
        return ModelFormula(definition: definition, numbers: [
            ModelFormula.equation(.variable("k"), .int(ppca.latentDimension)),
            ModelFormula.equation(.hat(.bold(.greek(.mu))), ModelFormula.vector(ppca.mean)),
            ModelFormula.equation(.sup(.hat(.greek(.sigma)), .int(2)), .num(ppca.noiseVariance)),
        ])
    }
}

extension ModelSpecification.Family {
    public static let ppca = Self(PPCAFamily.self)
}
