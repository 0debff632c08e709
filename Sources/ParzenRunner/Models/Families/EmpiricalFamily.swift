import ParzenCore

/// `model: empirical`: the empirical distribution (1/N) Σ δ(x − oᵢ), spikes on the data.
public enum EmpiricalFamily: ModelFamily {
    public static let name = "empirical"
    public static let help = "spikes on the data"

    public static func check(_ specification: ModelSpecification, dimension: Int, trainCount: Int)
        throws(ModelRequirementViolation) {}

    public static func fit(_ points: PointSet, _ specification: ModelSpecification) throws -> ModelSpecification.Fit {
        ModelSpecification.Fit(model: try EmpiricalDistribution(data: points))
    }

    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("points", .integer)], "empirical distribution: N, the points with mass 1/N each"),
    ]

    public static func formula(of fitted: FittedModel) -> ModelFormula {
        typealias M = MathExpression
        let x = ModelFormula.point(dimension: fitted.model.dimension)
        let spike = M.row([
            .greek(.delta),
            .fenced(.row([x, .symbol(.minus), .sub(.variable("o"), .variable("i"))]), .stretchyParentheses),
        ])
        let definition = ModelFormula.density(.sub(.variable("p"), .text("emp")), x,
            .row([.fraction(.int(1), .variable("N")), ModelFormula.sumOverPoints, spike]))
        return ModelFormula(
            definition: definition, numbers: [ModelFormula.equation(.variable("N"), .int(fitted.dataset.train.count))])
    }
}

extension ModelSpecification.Family {
    public static let empirical = Self(EmpiricalFamily.self)
}
