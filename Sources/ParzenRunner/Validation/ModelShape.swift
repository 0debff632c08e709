/// The shape of a fitted model: its recipe and the data set it is fitted to.
public struct ModelShape: Sendable {
    /// The label of the `{fit}` directive (or its display name when unlabelled).
    public var label: String
    /// The recipe, so that what a refit on fewer points needs (k-fold) can be checked.
    public var specification: ModelSpecification
    /// The data set the model is fitted to; its dimension is the model's.
    public var dataset: DatasetShape

    public init(label: String, specification: ModelSpecification, dataset: DatasetShape) {
        self.label = label
        self.specification = specification
        self.dataset = dataset
    }

    public var family: ModelSpecification.Family { specification.family }

    /// The dimension d of the model's points.
    public var dimension: Int { dataset.dimension }
}
