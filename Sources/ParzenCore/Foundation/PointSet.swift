/// N points in d dimensions, stored row-major in one flat array: point i is
/// `values[i*dimension ..< (i+1)*dimension]`.
///
/// One flat buffer (rather than `[[Double]]`) keeps the hot loops of density evaluation
/// cache-friendly and lets 1-D data be a plain array with `dimension == 1`.
public struct PointSet: Sendable, Equatable, Codable {
    /// The number of coordinates of each point (d ≥ 1).
    public let dimension: Int
    /// All coordinates, row-major; `values.count == count * dimension`.
    public private(set) var values: [Double]

    /// The number of points N.
    public var count: Int { values.count / dimension }

    /// Creates a point set from row-major coordinates.
    /// - Precondition: `dimension ≥ 1` and `values.count` is a multiple of `dimension`.
    public init(dimension: Int, values: [Double]) {
        precondition(dimension >= 1, "a point set needs dimension ≥ 1")
        precondition(values.count % dimension == 0, "values.count must be a multiple of dimension")
        self.dimension = dimension
        self.values = values
    }

    /// Creates a 1-D point set.
    public init(_ scalars: [Double]) {
        self.init(dimension: 1, values: scalars)
    }

    /// Creates a point set from a list of points, all of the same dimension.
    public init(points: [[Double]]) {
        precondition(!points.isEmpty, "use init(dimension:values:) for an empty point set")
        let d = points[0].count
        precondition(points.allSatisfy { $0.count == d }, "all points must have the same dimension")
        self.init(dimension: d, values: points.flatMap { $0 })
    }

    /// Point `i` as an array of `dimension` coordinates.
    public subscript(i: Int) -> ArraySlice<Double> {
        values[(i * dimension)..<((i + 1) * dimension)]
    }

    /// Appends one point.
    public mutating func append<C: Collection>(_ point: C) where C.Element == Double {
        precondition(point.count == dimension, "appended point has the wrong dimension")
        values.append(contentsOf: point)
    }

    /// The points at the given indices, in that order.
    public func selecting<S: Sequence>(_ indices: S) -> PointSet where S.Element == Int {
        var out: [Double] = []
        for i in indices { out.append(contentsOf: self[i]) }
        return PointSet(dimension: dimension, values: out)
    }

    /// Coordinate `k` of every point (a column of the data).
    public func column(_ k: Int) -> [Double] {
        precondition(k >= 0 && k < dimension)
        return stride(from: k, to: values.count, by: dimension).map { values[$0] }
    }
}
