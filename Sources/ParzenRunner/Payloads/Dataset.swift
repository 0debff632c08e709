import ParzenCore

/// What `{data}` leaves for later directives: the points, their seeded train/held-out
/// split, and — for a generated data set — the density that generated them.
///
/// Models are fitted on `train`; `{compare}` scores them on `heldOut` (or by k-fold on
/// `points`). A data set without `holdout:` trains on every point and has no held-out part.
public struct Dataset: Sendable, Codable {
    /// The label of the `{data}` directive, e.g. `faithful`.
    public var label: String
    /// Column names, one per coordinate (`x`, or `x1`, `x2`, … for generated or literal data).
    public var columns: [String]
    /// Every point, in file or generation order.
    public var points: PointSet
    /// The split, when `holdout:` was given.
    public var split: DataSplit?
    /// Which rows the split holds out, in words ("the last 100 points"), when `holdout:`
    /// fixed them by position; nil for a random split or none.
    public var heldOutRows: String?
    /// Where the points came from, e.g. "`eruptions` of old-faithful.csv".
    public var origin: [Inline]
    /// The density the points were drawn from, when the data set was generated (of the
    /// points on the data's scale, before any `transform`).
    public var truth: GaussianMixture?
    /// The change of variable of `transform:`, when given: `points` are then the transformed
    /// values, and densities are reported on the data's scale with its Jacobian.
    public var transform: DataTransform?

    public init(
        label: String, columns: [String], points: PointSet, split: DataSplit?, origin: [Inline], truth: GaussianMixture?
    ) {
        self.label = label
        self.columns = columns
        self.points = points
        self.split = split
        self.origin = origin
        self.truth = truth
    }

    /// The dimension d.
    public var dimension: Int { points.dimension }

    /// The points models are fitted on: the training part, or all points without a split.
    public var train: PointSet { split.map { points.selecting($0.train) } ?? points }

    /// The held-out points, or nil without a split.
    public var heldOut: PointSet? { split.map { points.selecting($0.heldOut) } }

    /// Every point on the data's scale (before any `transform`).
    public var pointsOnDataScale: PointSet { transform.map { $0.inverse(points) } ?? points }

    /// The training points on the data's scale (before any `transform`).
    public var trainOnDataScale: PointSet { transform.map { $0.inverse(train) } ?? train }

    /// The held-out points on the data's scale (before any `transform`).
    public var heldOutOnDataScale: PointSet? { heldOut.map { transform?.inverse($0) ?? $0 } }

    /// log p(x) − log p(z) = log|det ∂z/∂x| at each of `points` (given as z); zeros without
    /// a transform.
    public func logJacobians(at points: PointSet) -> [Double] {
        transform?.logJacobians(at: points) ?? Array(repeating: 0, count: points.count)
    }

    /// A name for a coordinate in axis titles: the column name.
    public func axisLabel(_ k: Int) -> String { columns[k] }
}
