import ParzenCore

/// What `{sample}` leaves for later directives: seeded draws from a fitted model.
public struct SampleSet: Sendable, Codable {
    /// The label of the `{sample}` directive.
    public var label: String
    /// The model the points were drawn from.
    public var source: FittedModel
    /// The draws.
    public var points: PointSet

    public init(label: String, source: FittedModel, points: PointSet) {
        self.label = label
        self.source = source
        self.points = points
    }
}
