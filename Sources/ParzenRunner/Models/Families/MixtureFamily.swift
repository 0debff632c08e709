import ParzenCore

/// `model: gmm`: a mixture of k Gaussians fitted by EM from k-means++ starts.
public enum MixtureFamily: ModelFamily {
    public static let name = "gmm"
    public static let help = "mixture by EM"
    public static let options = [
        OptionSpec("components", .integer(1...50), default: "2", help: "Number of mixture components k (`gmm`)."),
        OptionSpec("covariance", .choice(GaussianMixture.CovarianceType.allCases.map(\.rawValue)), default: "full",
                   help: "Covariance of each mixture component: `full`, `diagonal` (axis-aligned), "
                       + "`spherical` (σⱼ² I) or `tied` (one full covariance shared by all) (`gmm`)."),
        OptionSpec("restarts", .integer(1...1000), default: "10",
                   help: "Number of k-means++ starts of EM; the run with the highest likelihood is kept (`gmm`)."),
        OptionSpec("tolerance", .positiveNumber, default: "1e-10",
                   help: "EM stops when the mean log-likelihood changes by less than this fraction of itself (`gmm`)."),
        OptionSpec("max_iterations", .integer(1...1_000_000), default: "1000",
                   help: "The most EM iterations per start; a run cut off there is reported as not converged (`gmm`)."),
    ]

    public static func configure(_ specification: inout ModelSpecification, from options: OptionValues) throws {
        if let k = options.integer("components") { specification.components = k }
        if let c = options.text("covariance") {
            specification.covarianceType = GaussianMixture.CovarianceType(rawValue: c)!
        }
        if let r = options.integer("restarts") { specification.restarts = r }
        if let t = options.number("tolerance") { specification.tolerance = .relative(t) }
        if let m = options.integer("max_iterations") { specification.maxIterations = m }
    }

    public static func check(_ specification: ModelSpecification, dimension: Int, trainCount n: Int)
        throws(ModelRequirementViolation) {
        // A relative change is below 1 after the first step whenever L moves at all, so a
        // tolerance ≥ 1 would stop EM at once and report it converged.
        guard specification.tolerance.value < 1 else {
            throw ModelRequirementViolation(option: "tolerance", error: ModelError(
                .invalidParameter,
                problem: "tolerance \(specification.tolerance.value) would stop EM after one iteration "
                    + "(it bounds the relative change of the log-likelihood)",
                fix: "use a small fraction such as 1e-10 (the default)"))
        }
        let k = specification.components
        guard n >= max(k, 2) else {
            throw ModelRequirementViolation(
                option: "data", error: .tooFewPoints("a mixture of \(k) Gaussians", needed: max(k, 2), got: n))
        }
    }

    public static func fit(_ points: PointSet, _ specification: ModelSpecification) throws -> ModelSpecification.Fit {
        let mixture = try GaussianMixture.fit(
            points, components: specification.components, covarianceType: specification.covarianceType,
                                              initialization: .kMeansPlusPlus(seed: specification.seed),
                                              restarts: specification.restarts, tolerance: specification.tolerance,
                                              maxIterations: specification.maxIterations)
        return ModelSpecification.Fit(model: mixture)
    }

    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("components", .integer), ("covariance_type", .text), ("weights", .numbers),
                              ("means", .numbers), ("covariances", .numbers), ("bic", .number)],
                             "Gaussian mixture: k, full/diagonal/spherical/tied, π, μⱼ and Σⱼ (row-major lists), BIC "
                                 + "on the training points"),
        ResultKeyDeclaration([("restarts", .integer), ("best_restart", .integer), ("iterations", .integer),
                              ("converged", .boolean)],
                             "Gaussian mixture: EM's k-means++ starts, the one kept (from 1), its EM iterations, "
                                 + "whether it met the tolerance"),
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
                ModelFormula.equation(
                    .sub(.bold(.greek(.mu)), .int($0.offset + 1)), ModelFormula.vector($0.element.mean))
            }
            return ModelFormula(
                definition: ModelFormula.density(p, x, .row([sum, .sub(.greek(.pi), j), component])), numbers: numbers)
        }
        let component = ModelFormula.normal(x, .sub(.greek(.mu), j), .sup(.sub(.greek(.sigma), j), .int(2)))
        numbers += [
            ModelFormula.equation(.bold(.greek(.mu)), ModelFormula.tuple(mixture.components.map { .num($0.mean[0]) })),
            ModelFormula.equation(
                .sup(.bold(.greek(.sigma)), .int(2)), ModelFormula.tuple(mixture.components.map { .num($0.variance) })),
        ]
        var terms: [M] = []
        for (index, (w, g)) in zip(mixture.weights, mixture.components).enumerated() {
            if index > 0 { terms.append(.symbol(.plus)) }
            terms += [.num(w), .thinSpace, ModelFormula.normal(x, .num(g.mean[0]), .num(g.variance))]
        }
        return ModelFormula(
            definition: ModelFormula.density(p, x, .row([sum, .sub(.greek(.pi), j), component])), numbers: numbers,
                            substituted: ModelFormula.density(p, x, .row(terms)))
    }

    /// How EM went: "EM from 10 k-means++ starts; the best (start 3) converged after 26
    /// iterations, and 7 of the 10 starts reached its likelihood" (or "every start"). A run cut off at
    /// `max_iterations` is said to have stopped without converging.
    public static func remarks(on fitted: FittedModel) -> [Inline] {
        guard let mixture = fitted.model as? GaussianMixture, let best = mixture.bestRestart,
              let report = mixture.convergence else { return [] }
        let iterations = "\(report.iterations) iteration\(report.iterations == 1 ? "" : "s")"
        let ending = report.converged
            ? "converged after \(iterations)"
            : "stopped without converging after \(iterations) (max_iterations: \(fitted.specification.maxIterations))"
        let starts = mixture.restarts.count
        guard starts > 1 else { return [.text("EM from one k-means++ start \(ending). ")] }
        // Starts that reached the kept likelihood to about 9 digits: how often EM finds it.
        let reached = mixture.restarts.filter {
            abs($0.logLikelihood - report.logLikelihood) <= 1e-9 * max(abs(report.logLikelihood), 1)
        }.count
        let share = reached == starts ? "every start" : "\(reached) of the \(starts) starts"
        return [.text("EM from \(starts) k-means++ starts; the best (start \(best + 1)) \(ending), "
                      + "and \(share) reached its likelihood. ")]
    }

    public static func extras(for fitted: FittedModel) -> (values: ResultValues, blocks: [OutputBlock]) {
        var values = ResultValues()
        guard let mixture = fitted.model as? GaussianMixture else { return (values, []) }
        values["bic"] = .number(mixture.bic(fitted.dataset.train))
        if let best = mixture.bestRestart, let report = mixture.convergence {
            values["restarts"] = .integer(mixture.restarts.count)
            values["best_restart"] = .integer(best + 1)
            values["iterations"] = .integer(report.iterations)
            values["converged"] = .boolean(report.converged)
        }
        return (values, [])
    }
}

extension ModelSpecification.Family {
    public static let gmm = Self(MixtureFamily.self)
}
