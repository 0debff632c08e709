import ParzenCore
/// The shape of a data set: what later directives may rely on before any point is drawn.
public struct DatasetShape: Sendable, Equatable {
    /// The label of the `{data}` directive (or its display name when unlabelled).
    public var label: String
    /// One name per coordinate, as `Dataset.columns` will have them.
    public var columns: [String]
    /// Every point.
    public var count: Int
    /// The points models are fitted on (all of them without a split).
    public var trainCount: Int
    /// The held-out points; nil without `holdout`.
    public var heldOutCount: Int?
    /// Whether the generating density is known (generated data), so KL to the truth exists.
    public var hasTruth: Bool
    /// The training points when known before running (read from a CSV or listed); nil for
    /// generated data, which validation does not draw.
    public var trainPoints: PointSet?
    /// The held-out points when known before running, like `trainPoints`; nil without a split.
    public var heldOutPoints: PointSet?
    /// Whether `transform:` changes the points' scale (`trainPoints` and `heldOutPoints` are
    /// then transformed, as models see them).
    public var isTransformed = false

    public init(label: String, columns: [String], count: Int, trainCount: Int, heldOutCount: Int?, hasTruth: Bool,
                trainPoints: PointSet? = nil, heldOutPoints: PointSet? = nil) {
        self.label = label
        self.columns = columns
        self.count = count
        self.trainCount = trainCount
        self.heldOutCount = heldOutCount
        self.hasTruth = hasTruth
        self.trainPoints = trainPoints
        self.heldOutPoints = heldOutPoints
    }

    /// The dimension d.
    public var dimension: Int { columns.count }
}
