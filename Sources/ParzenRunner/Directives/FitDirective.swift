import ParzenCore
import ParzenFormat

/// ```` ```{fit} label ````: fits a model to the training part of a data set and shows it
/// as a formula with its numbers, the bandwidth and how it was chosen, and the NLL on the
/// training and held-out points with standard errors.
public enum FitDirective: Directive {
    public static let name = "fit"
    public static let summary = "Fit a model (Gaussian, KDE, empirical distribution, Gaussian mixture, probabilistic PCA or latent model) to the training part of a data set."
    public static let resultKind = ResultKind(rawValue: "fitted model")
    public static let example = """
        data: faithful
        model: kde
        kernel: gaussian
        bandwidth: scott
        """

    public static let options = [
        OptionSpec("data", .label([DataDirective.resultKind]), required: true, help: "The data set to fit; the model sees only its training part."),
        OptionSpec("model", .choice(ModelSpecification.Family.allCases.map(\.rawValue)), required: true,
                   help: "The model family: `gaussian` (MLE), `kde` (Parzen window), `empirical` (spikes on the data), `gmm` (mixture by EM), `ppca` (linear latent model) or `latent` (latent model with a Monte Carlo marginal)."),
        OptionSpec("kernel", .text, default: "gaussian",
                   help: "KDE kernel: \(Kernel.builtInNames.map { "`\($0)`" }.joined(separator: ", ")), or a formula in x such as `1/(1+x^2)`, which Parzen checks (K ≥ 0, ∫K < ∞) and normalises."),
        OptionSpec("bandwidth", .numberOrChoice(BandwidthRule.names), default: BandwidthRule.defaultRule.rawValue,
                   help: "KDE bandwidth h, a standard deviation (scikit-learn's `bandwidth`, h = √β), or a rule: \(BandwidthRule.names.map { "`\($0)`" }.joined(separator: ", "))."),
        OptionSpec("beta", .positiveNumber, help: "KDE bandwidth β, a variance: the tutorial's N(x | oᵢ, Iβ); give `beta` or `bandwidth`, not both."),
        OptionSpec("components", .integer(1...50), default: "2", help: "Number of mixture components k (`gmm`)."),
        OptionSpec("covariance", .choice(GaussianMixture.CovarianceType.allCases.map(\.rawValue)), default: "full", help: "Covariance of each mixture component (`gmm`)."),
        OptionSpec("latent", .integer(1...100), default: "1", help: "Latent dimension k (`ppca`, `latent`)."),
        OptionSpec("decoder", .choice(ModelSpecification.Decoder.allCases.map(\.rawValue)), default: "linear",
                   help: "The latent model's G(z): `linear` (from the pPCA fit, so the exact marginal is known) or `tanh` (a fixed random network)."),
        OptionSpec("samples", .integer(2...1_000_000), default: "500", help: "Importance samples per point for the latent model's log-density."),
        OptionSpec("unbiased", .boolean, default: "false", help: "Divide the Gaussian's covariance by N − 1 instead of N (not the MLE)."),
        OptionSpec("seed", .integer(0...Int.max), default: "derived from the notebook's seed and the label", help: "Seeds k-means++ (gmm), the tanh network and the importance sampler."),
    ]

    public static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        let options = call.options
        let dataset = try context.payload(options.text("data")!, as: Dataset.self, at: options.location(of: "data")!)
        let specification = try specification(from: options, seed: context.seed(for: call))
        let fit: ModelSpecification.Fit
        do {
            fit = try specification.fit(dataset.train)
        } catch let error as ModelError {
            throw DirectiveError(error.problem, fix: error.fix, at: options.location(of: "model"))
        }
        let fitted = FittedModel(label: call.label ?? call.displayName, specification: specification, fit: fit, dataset: dataset)
        var values = fitted.values
        let formula = ModelFormula(fitted)
        var output: [OutputBlock] = [.equation(formula.definition)]
        if let substituted = formula.substituted { output.append(.equation(substituted)) }
        output += formula.wideNumbers.map(OutputBlock.equation)
        let sentence = formula.sentence
        output.append(.paragraph(sentence + (sentence.isEmpty ? [] : [.text(" ")]) + self.sentence(for: fitted)))
        if let latent = fitted.model as? LatentVariableModel, specification.decoder == .linear,
           let exact = try? ProbabilisticPCA.fit(dataset.train, latentDimension: latent.latentDimension) {
            let truth = negativeLogLikelihood(of: exact, on: dataset.train)
            values["nll_train_exact"] = .number(truth.value)
            output.append(.paragraph([
                .text("With a linear "), .math(.variable("G")),
                .text(" the marginal is Gaussian and exact: the exact training NLL is "), .number(truth.value),
                .text("; importance sampling with \(latent.evaluationSamples) draws per point estimates "),
                .number(fitted.nllTrain.value), .text(" (difference "), .number(fitted.nllTrain.value - truth.value), .text(")."),
            ]))
        }
        return DirectiveResult(kind: resultKind, values: values, payload: fitted, output: output)
    }

    /// The recipe from the options (which the validation phase checked against `rules`).
    static func specification(from options: OptionValues, seed: UInt64) throws -> ModelSpecification {
        let family = ModelSpecification.Family(rawValue: options.text("model")!)!
        var specification = ModelSpecification(family: family)
        specification.seed = seed
        if let text = options.text("kernel") { specification.kernel = try kernel(text, at: options.location(of: "kernel")!) }
        if let beta = options.number("beta") {
            specification.bandwidth = .variance(beta)
        } else if let h = options.number("bandwidth") {
            specification.bandwidth = .standardDeviation(h)
        } else if let rule = options.text("bandwidth") {
            specification.bandwidth = .rule(BandwidthRule(rawValue: rule)!)
        }
        if let k = options.integer("components") { specification.components = k }
        if let c = options.text("covariance") { specification.covarianceType = GaussianMixture.CovarianceType(rawValue: c)! }
        if let k = options.integer("latent") { specification.latentDimension = k }
        if let d = options.text("decoder") { specification.decoder = ModelSpecification.Decoder(rawValue: d)! }
        if let n = options.integer("samples") { specification.importanceSamples = n }
        if let u = options.boolean("unbiased") { specification.unbiased = u }
        return specification
    }

    /// A built-in kernel by name, or a formula in x checked by the core; a formula's parse
    /// error points at the offending character in the notebook.
    static func kernel(_ text: String, at location: SourceLocation) throws -> Kernel {
        do {
            return try KernelChoice.kernel(text)
        } catch .unknown(let fix) {
            throw DirectiveError("unknown kernel '\(text)'", fix: fix, at: location)
        } catch .unreadable(let error) {
            throw DirectiveError("cannot read the kernel formula: \(error.message)",
                                 at: SourceLocation(line: location.line, column: location.column + error.offset))
        } catch .refused(let error) {
            throw DirectiveError(error.problem, fix: error.fix, at: location)
        }
    }

    /// "The bandwidth β is a variance … It was chosen by Scott's rule. Average negative
    /// log-likelihood: … ± … on the 218 training points, … on the 54 held-out points."
    static func sentence(for fitted: FittedModel) -> [Inline] {
        var parts: [Inline] = []
        let how = fitted.fit.bandwidthChoice ?? [.text("given")]
        if let bandwidth = fitted.fit.bandwidth, bandwidth.beta != nil {
            let h = MathExpression.row([.variable("h"), .symbol(.equals), .squareRoot(.greek(.beta))])
            parts += [.text("The bandwidth β is a variance, as in the tutorial; "), .math(h),
                      .text(" is what scikit-learn calls "), .code("bandwidth"), .text(". It was ")] + how + [.text(". ")]
        } else if let bandwidth = fitted.fit.bandwidth, case .matrix = bandwidth {
            parts += [.text("The bandwidth matrix "), .math(.variable("H")), .text(" is the kernel's covariance; it was ")]
                + how + [.text(". ")]
        }
        if let mixture = fitted.model as? GaussianMixture, let report = mixture.convergence {
            let verb = report.converged ? "converged" : "stopped without converging"
            parts.append(.text("EM \(verb) after \(report.iterations) iteration\(report.iterations == 1 ? "" : "s"). "))
        }
        let loss = MathExpression.row([.variable("L"), .fenced(.greek(.theta), .parentheses)])
        parts += [.text("Average negative log-likelihood "), .math(loss), .text(": ")] + estimate(fitted.nllTrain)
            + [.text(" on the "), .count(fitted.nllTrain.count), .text(" training points")]
        if let heldOut = fitted.nllHeldOut {
            parts += [.text(", ")] + estimate(heldOut) + [.text(" on the "), .count(heldOut.count), .text(" held-out points")]
        }
        return parts + [.text(" (nats per point).")]
    }

    /// "1.234 ± 0.05", or "∞" for an infinite NLL.
    static func estimate(_ e: Estimate) -> [Inline] {
        e.value.isFinite && e.standardError.isFinite
            ? [.estimate(e.value, standardError: e.standardError)]
            : [.number(e.value)]
    }
}

extension FitDirective: DocumentedResults {
    public static let resultKeys: [(key: String, meaning: String)] = [
        ("model", "the model family"), ("dimension", "d"), ("n_train", "training points N"),
        ("nll_train, nll_train_se", "average NLL on the training points, nats per point, and its standard error"),
        ("n_heldout, nll_heldout, nll_heldout_se", "the same on the held-out points, when the data set has them"),
        ("mean, variance", "Gaussian (1-D): μ̂ and σ̂²; in d > 1 `mean` and `covariance` are lists (row-major)"),
        ("kernel, beta, bandwidth, points", "KDE: kernel name, β (variance), h = √β (scikit-learn's bandwidth), N"),
        ("bandwidth_rule", "KDE: the rule that chose the bandwidth, when one did"),
        ("components, covariance_type, weights, means, covariances, bic", "Gaussian mixture: k, full/diagonal, π, μⱼ and Σⱼ (row-major lists), BIC on the training points"),
        ("latent_dimension, mean, loadings, noise_variance", "probabilistic PCA: k, μ̂, W (row-major), σ̂²"),
        ("latent_dimension, decoder, noise_variance, evaluation_samples, nll_train_exact", "latent model: k, G's description, σ², importance samples per point, and with a linear decoder the exact training NLL"),
    ]
}
