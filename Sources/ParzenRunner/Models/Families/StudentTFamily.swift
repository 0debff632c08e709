import ParzenCore

/// `model: student_t`: a Student-t t_ν(μ, Σ) by maximum likelihood, the degrees of freedom
/// ν fitted with μ and Σ (ECME, Liu & Rubin 1995) — a Gaussian with heavier tails, whose ν
/// says how heavy: small ν for outliers, ν → ∞ back to the Gaussian.
public enum StudentTFamily: ModelFamily {
    public static let name = "student_t"
    public static let help = "heavy tails, degrees of freedom fitted"

    public static func check(_ specification: ModelSpecification, dimension d: Int, trainCount n: Int)
        throws(ModelRequirementViolation) {
        // The core starts from the sample covariance, which needs d + 1 points.
        guard n >= d + 1 else {
            throw ModelRequirementViolation(option: "data", error: .tooFewPoints(
                "a Student-t in \(d) dimension\(d == 1 ? "" : "s")", needed: d + 1, got: n))
        }
    }

    public static func fit(_ points: PointSet, _ specification: ModelSpecification) throws -> ModelSpecification.Fit {
        ModelSpecification.Fit(model: try StudentT.fit(points))
    }

    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("df", .number), ("loc", .number), ("scale", .number)],
                             "Student-t (1-D): ν, μ and σ, scipy's `t.fit` parameterisation; in d > 1 `df`, "
                                 + "`location` and `scatter` Σ (row-major)"),
        ResultKeyDeclaration([("location", .numbers), ("scatter", .numbers)], "Student-t (d > 1): μ and Σ"),
    ]

    public static func formula(of fitted: FittedModel) -> ModelFormula {
        typealias M = MathExpression
        let t = fitted.model as! StudentT
        let x = ModelFormula.point(dimension: t.dimension)
        let nu = M.hat(.greek(.nu))
        let tDensity = { (mu: M, scale: M) in
            M.row([
                .sub(.variable("t"), nu),
                .fenced(.row([x, .symbol(.mid), mu, .symbol(.comma), scale]), .stretchyParentheses),
            ])
        }
        let p = M.sub(.variable("p"), .greek(.theta))
        if t.dimension == 1 {
            let mu = M.hat(.greek(.mu)), sigma = M.hat(.greek(.sigma))
            return ModelFormula(definition: ModelFormula.density(p, x, tDensity(mu, .sup(sigma, .int(2)))),
                                numbers: [ModelFormula.equation(nu, .num(t.degreesOfFreedom)),
                                          ModelFormula.equation(mu, .num(t.location[0])),
                                          ModelFormula.equation(sigma, .num(t.scale))])
        }
        let mu = M.hat(.bold(.greek(.mu))), scatter = M.hat(.greek(.Sigma))
        return ModelFormula(definition: ModelFormula.density(p, x, tDensity(mu, scatter)),
                            numbers: [ModelFormula.equation(nu, .num(t.degreesOfFreedom)),
                                      ModelFormula.equation(mu, ModelFormula.vector(t.location)),
                                      ModelFormula.equation(scatter, ModelFormula.matrix(t.scatter))])
    }

    /// Whether ECME converged, and what a ν at the end of its search range means.
    public static func remarks(on fitted: FittedModel) -> [Inline] {
        guard let report = (fitted.model as? StudentT)?.fitReport else { return [] }
        var text = "ECME \(report.em.converged ? "converged" : "stopped without converging") after "
            + "\(report.em.iterations) iteration\(report.em.iterations == 1 ? "" : "s"). "
        switch report.degreesOfFreedomBound {
        case .interior: break
        case .upper:
            text +=
                "The likelihood still rises at the largest ν searched: these tails are no heavier than a Gaussian's. "
        case .lower: text += "The likelihood still rises at the smallest ν searched (many tied values?). "
        }
        return [.text(text)]
    }
}

extension ModelSpecification.Family {
    public static let studentT = Self(StudentTFamily.self)
}
