import ParzenCore
import ParzenFormat

extension CompareDirective {
    /// `folds` only with `on: kfold`.
    public static let rules: [OptionRule] = [
        .onlyWhen("folds", other: "on", isOneOf: ["kfold"]),
    ]

    /// Two or more models of one data set; `kl` only with a known true density; `heldout`
    /// only with held-out points; no more folds than training points.
    public static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape {
        let options = call.options
        let references = options.labels("models"), truth = options.words("models").first
        guard references.count + (truth == nil ? 0 : 1) >= 2, !references.isEmpty else {
            throw DirectiveError("{compare} needs at least two models, got \(references.count)"
                                 + (truth == nil ? "" : " and 'true'"),
                                 fix: "list two or more fit labels, e.g. models: [gauss, kde]",
                                 at: options.location(of: "models"))
        }
        if options.words("models").count > 1 {
            throw DirectiveError("'true' is listed twice", fix: "list it once", at: options.words("models")[1].location)
        }
        var listed = Set<String>()
        for reference in references where !listed.insert(reference.label).inserted {
            throw DirectiveError("'\(reference.label)' is listed twice", fix: "list each model once",
                                 at: reference.location)
        }
        let models = try references.map { try context.model($0.label, at: $0.location) }
        let dataset = models[0].dataset
        if let truth, !dataset.hasTruth {
            throw DirectiveError("'true' needs the density that generated the data, but '\(dataset.label)' was "
                                 + "loaded, not generated",
                                 fix: "remove it, or compare models of a data set made with 'generate'",
                                 at: truth.location)
        }
        for (model, reference) in zip(models, references) where model.dataset.label != dataset.label {
            let first = references[0].label
            throw DirectiveError(
                "'\(reference.label)' was fitted to '\(model.dataset.label)', but '\(first)' to '\(dataset.label)'",
                fix: "compare models of the same data set", at: reference.location)
        }
        if options.text("criterion") == "kl", !dataset.hasTruth {
            throw DirectiveError(
                "criterion 'kl' needs the true density, but '\(dataset.label)' was loaded, not generated",
                fix: "use a data set made with 'generate', or criterion: nll (which estimates the same KL differences)",
                at: options.location(of: "criterion"))
        }
        if options.text("on") == "heldout", dataset.heldOutCount == nil {
            throw DirectiveError("'\(dataset.label)' has no held-out points",
                                 fix: "add 'holdout: 0.2' to its {data}, or use on: train or on: kfold",
                                 at: options.location(of: "on"))
        }
        if options.text("on") == "kfold" {
            try checkFolds(options.integer("folds") ?? 5, of: models, references, at: options.location(of: "folds")
                           ?? options.location(of: "on")!)
        }
        return .opaque(resultKind)
    }

    /// No more folds than training points, and every model refittable on the training part
    /// of the largest fold: N − ⌈N/k⌉ points (`DataSplit.kFold`'s fold sizes).
    private static func checkFolds(_ folds: Int, of models: [ModelShape],
                                   _ references: [(label: String, location: SourceLocation)],
                                   at location: SourceLocation) throws {
        let n = models[0].dataset.trainCount
        guard n >= folds else {
            let error = ModelError.tooFewPoints("\(folds)-fold cross-validation", needed: folds, got: n)
            throw DirectiveError(error.problem, fix: error.fix, at: location)
        }
        let refit = n - (n + folds - 1) / folds
        for (model, reference) in zip(models, references) {
            if let problem = FitDirective.requirementProblem(model.specification, dimension: model.dimension,
                                                             trainCount: refit) {
                throw DirectiveError("\(folds)-fold cross-validation refits '\(reference.label)' on \(refit) points, "
                                     + "but \(problem.message)", fix: "use fewer folds", at: location)
            }
        }
    }
}
