import ParzenCore
import ParzenFormat

/// ```` ```{compare} label ````: scores fitted models of one data set by the tutorial's
/// criteria — NLL (held out, on training data or by k-fold), KL to the true density when it
/// is known, matched moments, and two-sample tests of model samples against the data —
/// names the better model, and writes the MLE ⇔ minimum-KL argument with these numbers.
public enum CompareDirective: Directive {
    public static let name = "compare"
    public static let version = 3  // 3: the KL caption names binned models; 1,000 permutations in 1-D
    public static let summary =
        "Compare fitted models of one data set by NLL, KL divergence, moments or two-sample tests, and write the " +
            "MLE ⇔ min-KL argument with their numbers."
    public static let resultKind = ResultKind(rawValue: "comparison")
    public static let example = """
        models: [gauss, kde]
        criterion: nll
        on: heldout
        """

    /// The criteria by name; `all` computes every one that applies.
    static let criteria = ["nll", "kl", "moments", "mmd", "all"]

    public static let options = [
        OptionSpec(
            "models", .list(.labelOrWord([FitDirective.resultKind], words: ["true"])), required: true,
            help: "Two or more fitted models of the same data set; `true` adds the density that generated it "
                + "(generated data), scored on the same points: the best any model can do in expectation."),
        OptionSpec("criterion", .choice(criteria), default: "nll",
            help:
                "`nll` (average negative log-likelihood), `kl` (KL divergence from the true density; generated data " +
                    "only), `moments` (model samples' moments vs the data's), `mmd` (MMD² and energy distance " +
                    "between model samples and data, with permutation p-values) or `all`."
        ),
        OptionSpec(
            "on", .choice(["train", "heldout", "kfold"]),
            default: "heldout when the data set has a held-out part, else train",
            help:
                "Where the NLL is measured: the held-out points, k-fold cross-validation (each model refitted on " +
                    "every fold), or the training points — an in-sample fit, said to be one, and without the " +
                    "MLE ⇔ min-KL argument, which a training NLL does not estimate."
        ),
        OptionSpec("folds", .integer(2...100), default: "5", help: "The number of folds for `on: kfold`."),
        OptionSpec(
            "samples", .integer(100...10_000_000), default: "10000", help: "Monte Carlo draws for `kl` and `moments`."),
        OptionSpec(
            "seed", .integer(0...Int.max), default: "derived from the notebook's seed and the label",
            help: "The seed of the Monte Carlo draws, the folds and the permutations."),
    ]

    public static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        let options = call.options
        let label = call.label ?? call.displayName
        let references = options.labels("models")
        let models = try references.map { try context.payload($0.label, as: FittedModel.self, at: $0.location) }
        let truthAt = (options.list("models") ?? []).firstIndex { if case .text = $0.content { true } else { false } }
        let dataset = models[0].dataset
        let criterion = options.text("criterion") ?? "nll"
        let on = options.text("on") ?? (dataset.heldOut == nil ? "train" : "heldout")
        let seed = context.seed(for: call)
        let samples = options.integer("samples") ?? 10_000
        do {
            let comparison = try ModelComparison(label: label, models: models, truthAt: truthAt, criterion: criterion,
                                                 on: on,
                                                 folds: options.integer("folds") ?? 5, samples: samples, seed: seed)
            return DirectiveResult(
                kind: resultKind, values: comparison.values, payload: comparison, output: comparison.output)
        } catch let error as ModelError {
            throw DirectiveError(error.problem, fix: error.fix, at: call.location)
        }
    }
}

extension CompareDirective: DocumentedResults {
    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("best", .text)], "label of the model with the lowest NLL"),
        ResultKeyDeclaration([("on", .text)], "train, heldout or kfold"),
        ResultKeyDeclaration([("nll_<label>", .number), ("nll_se_<label>", .number)],
                             "each model's average NLL and its standard error"),
        ResultKeyDeclaration([("nll_difference", .number), ("nll_difference_se", .number)],
                             "L(θ₁) − L(θ₂) of the derivation (θ₂ the best model, θ₁ the first other) with its "
                                 + "paired standard error"),
        ResultKeyDeclaration([("kl_<label>", .number), ("kl_se_<label>", .number)],
                             "KL(p_data ‖ p_θ) by Monte Carlo from the true density (generated data)"),
        ResultKeyDeclaration([("entropy_data", .number), ("entropy_data_se", .number)],
                             "H(p_data) by Monte Carlo (generated data)"),
        ResultKeyDeclaration([("mmd2_<label>", .number), ("mmd_p_<label>", .number), ("energy_<label>", .number),
                              ("energy_p_<label>", .number)],
                             "two-sample statistics between model draws and data, with permutation p-values"),
    ]
}
