import ParzenCore
import ParzenFormat

extension FitDirective {
    /// `bandwidth` or `beta`, not both; each family's options only with that family.
    public static let rules: [OptionRule] = [
        .notTogether(OptionMeaning("bandwidth", "h, the kernel's scale"),
                     OptionMeaning("beta", "β = h², the Gaussian kernel's variance")),
    ] + ModelFamilies.readers.sorted { $0.option < $1.option }.map {
        .onlyWhen($0.option, other: "model", isOneOf: $0.families)
    }

    /// The data set must exist and suit the family (dimension, training points, and the
    /// points themselves when they are known before running); the kernel name or formula
    /// must be valid. The model's shape is its family and data set.
    public static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape {
        let options = call.options
        let dataset = try context.dataset(options.text("data")!, at: options.location(of: "data")!)
        let specification = try specification(from: options, seed: 0)
        do {
            try specification.family.type.check(
                specification, dimension: dataset.dimension, trainCount: dataset.trainCount)
            if let points = dataset.trainPoints {
                try specification.family.type.check(specification, trainingPoints: points)
            }
        } catch {
            throw DirectiveError(error.error.problem, fix: error.error.fix,
                                 at: options.location(of: error.option) ?? options.location(of: "model"))
        }
        return .model(ModelShape(label: call.label ?? call.displayName, specification: specification, dataset: dataset))
    }
}

extension FitDirective {
    /// The recipe `parzen fit` builds from its flags (checked by `CommandLineOptions`
    /// against `options` and `rules`): the same as a `{fit}` with those options.
    /// - Throws: `DirectiveError` for a kernel that is not a name or a valid formula.
    public static func specification(commandLine options: OptionValues, seed: UInt64) throws -> ModelSpecification {
        try specification(from: options, seed: seed)
    }

    /// What `specification` needs of data with `dimension` columns and `trainCount`
    /// training points, as in the validation phase: nil when it fits, else the problem.
    public static func requirementProblem(_ specification: ModelSpecification, dimension: Int,
                                          trainCount: Int) -> DirectiveError? {
        do {
            try specification.family.type.check(specification, dimension: dimension, trainCount: trainCount)
            return nil
        } catch {
            return DirectiveError(error.error.problem, fix: error.error.fix)
        }
    }
}
