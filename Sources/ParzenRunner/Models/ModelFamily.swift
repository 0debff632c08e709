import ParzenCore

/// One model family — everything Parzen knows about it, in the family's own file: its name,
/// the `{fit}` options it reads, what it needs of the data, how it is fitted, the result
/// keys it adds, and how its formula is shown. `ModelFamilies` lists them; `{fit}`,
/// `parzen fit`, the validation phase and the docs all read that one list, so adding a
/// family is adding a file here (and its tests).
public protocol ModelFamily: Sendable {
    /// The `model:` value, e.g. `kde`.
    static var name: String { get }
    /// What the family is, as it follows the name in `model:`'s help: "Parzen window".
    static var help: String { get }
    /// The `{fit}` options this family declares (others may read them too: see `reads`).
    static var options: [OptionSpec] { get }
    /// Every option this family reads, its own and shared ones; any other family option given
    /// with this family is an error at the option.
    static var reads: [String] { get }

    /// Copies this family's settings from checked options into the recipe.
    /// - Throws: `DirectiveError` at the option (a kernel formula that does not parse).
    static func configure(_ specification: inout ModelSpecification, from options: OptionValues) throws

    /// What the family needs of training data known before fitting: dimension and count.
    /// The validation phase and `parzen fit` call it, so `check` refuses what a fit would.
    /// - Throws: `ModelRequirementViolation`, with the core's wording.
    static func check(_ specification: ModelSpecification, dimension: Int, trainCount: Int)
        throws(ModelRequirementViolation)

    /// What the family needs of the training points themselves, when they are known before
    /// fitting (read from a CSV or listed, not generated): e.g. a bounded KDE's data inside
    /// its support. The validation phase calls it; the fit checks the same again.
    /// - Throws: `ModelRequirementViolation`, with the core's wording.
    static func check(_ specification: ModelSpecification, trainingPoints: PointSet) throws(ModelRequirementViolation)

    /// Fits the model. - Throws: `ModelError` from the core.
    static func fit(_ points: PointSet, _ specification: ModelSpecification) throws -> ModelSpecification.Fit

    /// Result keys this family adds to the common ones, for docs/directives.md and `check`.
    static var resultKeyDeclarations: [ResultKeyDeclaration] { get }

    /// The model's formula and this fit's numbers.
    static func formula(of fitted: FittedModel) -> ModelFormula

    /// A sentence explaining a convention of the family ("the bandwidth β is the Gaussian
    /// kernel's variance …"), shown before the remarks the first time its key occurs on a
    /// page, never again (explanations are not repeated under every fit).
    static func explanation(of fitted: FittedModel) -> (key: String, text: [Inline])?

    /// Sentences that follow the numbers (how the bandwidth was chosen, whether EM converged).
    static func remarks(on fitted: FittedModel) -> [Inline]

    /// Values and paragraphs beyond the parameters (a KDE's `bandwidth_rule`, a mixture's
    /// `bic`, the latent model's exact NLL).
    static func extras(for fitted: FittedModel) -> (values: ResultValues, blocks: [OutputBlock])
}

extension ModelFamily {
    public static var options: [OptionSpec] { [] }
    public static var reads: [String] { options.map(\.name) }
    public static func configure(_ specification: inout ModelSpecification, from options: OptionValues) throws {}
    public static func check(_ specification: ModelSpecification, trainingPoints: PointSet)
        throws(ModelRequirementViolation) {}
    public static func explanation(of fitted: FittedModel) -> (key: String, text: [Inline])? { nil }
    public static func remarks(on fitted: FittedModel) -> [Inline] { [] }
    public static func extras(for fitted: FittedModel) -> (values: ResultValues, blocks: [OutputBlock]) {
        (ResultValues(), [])
    }
}

/// A requirement of a family not met: the core's wording, and the option (of `{fit}`, or
/// the flag of `parzen fit`) to point at.
public struct ModelRequirementViolation: Error, Sendable {
    public var option: String
    public var error: ModelError

    public init(option: String, error: ModelError) {
        self.option = option
        self.error = error
    }
}
