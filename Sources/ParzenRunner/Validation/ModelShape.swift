/// The shape of a fitted model: its family and the data set it is fitted to.
public struct ModelShape: Sendable, Equatable {
    /// The label of the `{fit}` directive (or its display name when unlabelled).
    public var label: String
    public var family: ModelSpecification.Family
    /// The data set the model is fitted to; its dimension is the model's.
    public var dataset: DatasetShape

    public init(label: String, family: ModelSpecification.Family, dataset: DatasetShape) {
        self.label = label
        self.family = family
        self.dataset = dataset
    }

    /// The dimension d of the model's points.
    public var dimension: Int { dataset.dimension }
}
