import ParzenCore

/// `model: latent`: z ∼ N(0, I), x = G(z) + ε, with log p(x) estimated by importance
/// sampling — the intractable marginal of a nonlinear latent model, made visible.
public enum LatentFamily: ModelFamily {
    public static let name = "latent"
    public static let help = "latent model with a Monte Carlo marginal"
    public static let options = [
        OptionSpec("decoder", .choice(ModelSpecification.Decoder.allCases.map(\.rawValue)), default: "linear",
            help:
                "The latent model's G(z): `linear` (from the pPCA fit, so the exact marginal is known) or `tanh` (a " +
                    "fixed random network)."
        ),
        OptionSpec(
            "samples", .integer(2...1_000_000), default: "500",
            help: "Importance samples per point for the latent model's log-density."),
    ]
    public static let reads = ["latent", "decoder", "samples"]

    public static func configure(_ specification: inout ModelSpecification, from options: OptionValues) throws {
        if let k = options.integer("latent") { specification.latentDimension = k }
        if let d = options.text("decoder") { specification.decoder = ModelSpecification.Decoder(rawValue: d)! }
        if let n = options.integer("samples") { specification.importanceSamples = n }
    }

    public static func check(_ specification: ModelSpecification, dimension d: Int, trainCount n: Int)
        throws(ModelRequirementViolation) {
        if specification.decoder == .linear {
            try PPCAFamily.checkLinearLatent(specification.latentDimension, dimension: d, trainCount: n)
        }
    }

    public static func fit(_ points: PointSet, _ specification: ModelSpecification) throws -> ModelSpecification.Fit {
        let decoder: any LatentDecoder
        let noise: Double
        switch specification.decoder {
        case .linear:
            let ppca = try PPCAFamily.fitPPCA(points, latentDimension: specification.latentDimension)
            decoder = try LinearDecoder(weights: ppca.loadings, offset: ppca.mean)
            noise = ppca.noiseVariance
        case .tanh:
            let network = TanhNetworkDecoder.random(latentDimension: specification.latentDimension, hidden: 16,
                                                    outputDimension: points.dimension, seed: specification.seed)
            let mean = points.mean()
            decoder = try TanhNetworkDecoder(inputWeights: network.inputWeights, hiddenBias: network.hiddenBias,
                outputWeights: network.outputWeights, outputBias: zip(network.outputBias, mean).map(+))
            // Not fitted: a quarter of the mean per-coordinate variance, so the noise is
            // visible but does not swamp the decoder (see `Decoder.tanh`).
            noise = Moments(of: points).covariance.trace / Double(points.dimension) / 4
        }
        return ModelSpecification.Fit(model: try LatentVariableModel(decoder: decoder, noiseVariance: noise,
                                                                     evaluationSamples: specification.importanceSamples,
                                                                     evaluationSeed: specification.seed))
    }

    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("latent_dimension", .integer), ("decoder", .text), ("noise_variance", .number),
                              ("evaluation_samples", .integer), ("nll_train_exact", .number)],
                             "latent model: k, G's description, σ², importance samples per point, and with a linear "
                                 + "decoder the exact training NLL"),
    ]

    public static func formula(of fitted: FittedModel) -> ModelFormula {
        typealias M = MathExpression
        let latent = fitted.model as! LatentVariableModel
        let x = ModelFormula.point(dimension: latent.dimension)
        let z = M.bold(.variable("z"))
        let prior = M.row([
            .styled(.calligraphic, "N"),
            .fenced(.row([z, .symbol(.mid), .int(0), .symbol(.comma), .variable("I")]), .parentheses),
        ])
        let decoder = M.row([.sub(.variable("G"), .greek(.theta)), .fenced(z, .parentheses)])
        let likelihood = ModelFormula.normal(x, decoder, .row([.sup(.greek(.sigma), .int(2)), .variable("I")]))
        let definition = ModelFormula.density(.sub(.variable("p"), .greek(.theta)), x,
            .row([.integral, prior, .thinSpace, likelihood, .symbol(.integralDifferential), z]))
        return ModelFormula(definition: definition, numbers: [
            ModelFormula.equation(.variable("k"), .int(latent.latentDimension)),
            ModelFormula.equation(.sup(.greek(.sigma), .int(2)), .num(latent.noiseVariance)),
            ModelFormula.equation(.sub(.variable("G"), .greek(.theta)), .text(latent.decoder.description)),
        ])
    }

    /// With a linear decoder the marginal is known exactly: the exact NLL beside the estimate.
    public static func extras(for fitted: FittedModel) -> (values: ResultValues, blocks: [OutputBlock]) {
        guard let latent = fitted.model as? LatentVariableModel, fitted.specification.decoder == .linear,
            let exact = try? ProbabilisticPCA.fit(fitted.dataset.train, latentDimension: latent.latentDimension)
        else {
            return (ResultValues(), [])
        }
        // Of the data's scale, as the fit's own NLLs are (see `FittedModel`).
        let truth = FittedModel.negativeLogLikelihood(of: exact, on: fitted.dataset.train, of: fitted.dataset)
        var values = ResultValues()
        values["nll_train_exact"] = .number(truth.value)
        let paragraph = OutputBlock.paragraph([
            .text("With a linear "), .math(.variable("G")),
            .text(" the marginal is Gaussian and exact: the exact training NLL is "), .number(truth.value),
            .text("; importance sampling with \(latent.evaluationSamples) draws per point estimates "),
            .number(fitted.nllTrain.value), .text(" (difference "), .number(fitted.nllTrain.value - truth.value),
            .text(")."),
        ])
        return (values, [paragraph])
    }
}

extension ModelSpecification {
    /// The decoder G of a `latent` model.
    public enum Decoder: String, Sendable, CaseIterable, Codable {
        /// G(z) = W z + μ with W, μ, σ² from the pPCA fit: the exact marginal is known, so
        /// the Monte Carlo estimate can be checked.
        case linear
        /// A fixed one-hidden-layer tanh network (16 hidden units) with seeded random weights,
        /// shifted to the data's mean, and noise σ² = a quarter of the data's mean variance:
        /// nothing is learned; it shows the intractable marginal, not a good fit.
        case tanh
    }
}

extension ModelSpecification.Family {
    public static let latent = Self(LatentFamily.self)
}
