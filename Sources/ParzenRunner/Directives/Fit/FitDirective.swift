import ParzenCore
import ParzenFormat

/// ```` ```{fit} label ````: fits a model to the training part of a data set and shows it
/// as a formula with its numbers, the bandwidth and how it was chosen, and the NLL on the
/// training and held-out points with standard errors.
public enum FitDirective: Directive {
    public static let name = "fit"
    public static let version = 1
    public static let summary =
        "Fit a model (Gaussian, KDE, empirical distribution, Gaussian mixture, probabilistic PCA or latent model) " +
            "to the training part of a data set."
    public static let resultKind = ResultKind(rawValue: "fitted model")
    public static let example = """
        data: faithful
        model: kde
        kernel: gaussian
        bandwidth: scott
        """

    public static let options = [
            OptionSpec(
                "data", .label([DataDirective.resultKind]), required: true,
                help: "The data set to fit; the model sees only its training part."),
        OptionSpec("model", .choice(ModelFamilies.names), required: true, help: ModelFamilies.help),
    ] + ModelFamilies.options + [
            OptionSpec(
                "seed", .integer(0...Int.max), default: "derived from the notebook's seed and the label",
                help: "Seeds k-means++ (gmm), the tanh network and the importance sampler.")
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
        } catch let violation as ModelRequirementViolation {
            throw DirectiveError(violation.error.problem, fix: violation.error.fix,
                                 at: options.location(of: violation.option) ?? options.location(of: "model"))
        }
        let fitted = FittedModel(
            label: call.label ?? call.displayName, specification: specification, fit: fit, dataset: dataset)
        let family = specification.family.type
        let formula = family.formula(of: fitted)
        let extras = family.extras(for: fitted)
        let values = fitted.resultValues(adding: extras.values)
        var output: [OutputBlock] = [.equation(formula.definition)]
        if let substituted = formula.substituted { output.append(.equation(substituted)) }
        output += formula.wideNumbers.map(OutputBlock.equation)
        let sentence = formula.sentence
        let explanation = family.explanation(of: fitted).map {
            [Inline.oncePerPage(key: $0.key, $0.text + [.text(" ")])]
        }
        output.append(.paragraph(sentence + (sentence.isEmpty ? [] : [.text(" ")])
            + self.sentence(for: fitted, explanation: explanation)))
        output += extras.blocks
        var result = DirectiveResult(kind: resultKind, values: values, payload: fitted, output: output)
        if let fallback = fit.bandwidthSelection?.fallback {
            result.warnings.append(DirectiveError(fallback.message, at: options.location(of: "bandwidth")))
        }
        return result
    }

    /// The recipe from the options (which the validation phase checked against `rules`).
    static func specification(from options: OptionValues, seed: UInt64) throws -> ModelSpecification {
        var specification = ModelSpecification(family: ModelSpecification.Family(rawValue: options.text("model")!)!)
        specification.seed = seed
        try specification.family.type.configure(&specification, from: options)
        return specification
    }

    /// The family's explanation when given ("The bandwidth β is the Gaussian kernel's
    /// variance …"), its remarks ("It was chosen by Scott's rule."), then "Average negative
    /// log-likelihood: … ± … on the 218 training points, … on the 54 held-out points."
    static func sentence(for fitted: FittedModel, explanation: [Inline]? = nil) -> [Inline] {
        var parts = explanation ?? []
        parts += fitted.specification.family.type.remarks(on: fitted)
        if let transform = fitted.dataset.transform {
            let columns = transform.transformedColumns(fitted.dataset.columns)
            parts += [.text("This \(fitted.specification.family.rawValue) is a density of ")]
                + transform.variables(fitted.dataset.columns) + [.text(", reported as a density of ")] + columns
                + [.text(" (its density times |dz/dx|, the Jacobian of the change of variable), so its NLLs are of ")]
                + columns + [.text(". ")]
        }
        let loss = MathExpression.row([.variable("L"), .fenced(.greek(.theta), .parentheses)])
        parts += [.text("Average negative log-likelihood "), .math(loss), .text(": ")] + estimate(fitted.nllTrain)
            + [.text(" on the "), .count(fitted.nllTrain.count), .text(" training points")]
        if let heldOut = fitted.nllHeldOut {
            parts +=
                [.text(", ")] + estimate(heldOut) + [
                    .text(" on the "), .count(heldOut.count), .text(" held-out points"),
                ]
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
    /// The keys of every fit, then each family's.
    static let commonResultKeys = [
        ResultKeyDeclaration([("model", .text)], "the model family"),
        ResultKeyDeclaration([("dimension", .integer)], "d"),
        ResultKeyDeclaration([("n_train", .integer)], "training points N"),
        ResultKeyDeclaration([("nll_train", .number), ("nll_train_se", .number)],
                             "average NLL on the training points, nats per point, and its standard error"),
        ResultKeyDeclaration([("n_heldout", .integer), ("nll_heldout", .number), ("nll_heldout_se", .number)],
                             "the same on the held-out points, when the data set has them"),
    ]

    public static var resultKeyDeclarations: [ResultKeyDeclaration] {
        commonResultKeys + ModelFamilies.all.flatMap { $0.resultKeyDeclarations }
    }

    /// The common keys and those of the fit's family, kinds resolved for its dimension.
    public static func resultKeys(for shape: ResultShape) -> [ResultKeyDeclaration] {
        guard case .model(let model) = shape else { return resultKeyDeclarations }
        return (commonResultKeys + model.family.type.resultKeyDeclarations).map {
            $0.resolved(dimension: model.dimension)
        }
    }
}
