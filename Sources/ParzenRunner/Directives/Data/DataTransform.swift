import ParzenCore
import ParzenFormat
import ParzenMarkup

/// `{data}`'s `transform:`, one change of variable per column (or none): the data set's
/// points are stored transformed, models are fitted to them, and every density or NLL that
/// is reported is of the original columns, by the Jacobian of ``ColumnTransform``. The log-
/// Jacobian of a point is the sum over its transformed coordinates (the transform acts on
/// each coordinate alone, so its Jacobian matrix is diagonal).
///
/// ```yaml
/// transform: log                         # every column
/// transform: {duration: log, share: logit}
/// ```
public struct DataTransform: Sendable, Codable, Equatable {
    /// Per column, its transform or nil.
    public var columns: [ColumnTransform?]

    /// The shape, for option docs.
    static let shape = "{column: transform, …}"

    /// The transforms per column as written, with where each was written; `standardize`
    /// has mean 0 and sd 1 until ``standardized(on:columns:at:)`` gives it the training points'.
    /// - Throws: `DirectiveError` at the entry: an unknown column or transform (did you mean?).
    static func read(_ option: OptionValue, columns: [String]) throws
        -> (transform: DataTransform, locations: [SourceLocation?]) {
        var names: [(name: String, at: SourceLocation)?] = columns.map { _ in nil }
        switch option.content {
        case .text(let name):
            names = columns.map { _ in (name, option.location) }
        case .yaml(let yaml):
            guard let entries = yaml.entries, !entries.isEmpty else {
                throw DirectiveError("'transform' names no column", fix: "e.g. transform: {\(columns[0]): log}, or "
                                     + "remove it", at: option.location)
            }
            for entry in entries {
                guard let k = columns.firstIndex(of: entry.key) else {
                    throw DirectiveError("'transform' names the column '\(entry.key)', which the data set lacks",
                                         fix: Suggestion.fix(for: entry.key, among: columns), at: entry.keyLocation)
                }
                names[k] = (entry.value.scalarText ?? entry.value.kindDescription, entry.value.location)
            }
        default:
            break
        }
        let transforms = try names.enumerated().map { k, entry -> ColumnTransform? in
            guard let entry else { return nil }
            let all: [ColumnTransform] = [.log, .log1p, .sqrt, .standardize(mean: 0, sd: 1), .logit]
            guard let transform = all.first(where: { $0.name == entry.name }) else {
                throw DirectiveError("unknown transform '\(entry.name)' for column '\(columns[k])'",
                                     fix: Suggestion.fix(for: entry.name, among: all.map(\.name)), at: entry.at)
            }
            return transform
        }
        return (DataTransform(columns: transforms), names.map { $0?.at })
    }

    /// The transform with `standardize`'s mean and sd (divisor N) taken from `train`.
    /// - Throws: `DirectiveError` at the column's entry when a standardized column is constant.
    func standardized(on train: PointSet, columns names: [String], at locations: [SourceLocation?]) throws
        -> DataTransform {
        DataTransform(columns: try columns.enumerated().map { k, transform in
            guard case .standardize? = transform else { return transform }
            let values = train.column(k)
            let mean = values.reduce(0, +) / Double(values.count)
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
            guard sd > 0 else {
                throw DirectiveError("cannot standardize column '\(names[k])': its training values are all "
                                     + NumberFormat.prose(mean, digits: 6),
                                     fix: "remove the transform of '\(names[k])'", at: locations[k]!)
            }
            return .standardize(mean: mean, sd: sd)
        })
    }

    /// The first point and coordinate outside the domain of its column's transform.
    func firstOutside(in points: PointSet)
        -> (index: Int, coordinate: Int, value: Double, transform: ColumnTransform)? {
        for i in 0..<points.count {
            let point = points[i]
            for (k, transform) in columns.enumerated() {
                guard let transform else { continue }
                let x = point[point.startIndex + k]
                if !transform.accepts(x) { return (i, k, x, transform) }
            }
        }
        return nil
    }

    /// "log needs x > 0, but …": the domain error's wording, the place given by the caller.
    static func domainProblem(_ transform: ColumnTransform, value: Double) -> (problem: String, fix: String) {
        let fix = switch transform {
        case .sqrt where value == 0: "use log1p for data with zeros (√x has an infinite Jacobian at 0)"
        case .log where value == 0: "use log1p for data with zeros, or leave the zeros out with `where:`"
        default: "leave such rows out with `where:`, or choose a transform defined there"
        }
        return ("\(transform.name) needs \(transform.domain), but the value is \(NumberFormat.prose(value, digits: 6))",
                fix)
    }

    /// z = g(x) for every point.
    func apply(_ points: PointSet) -> PointSet {
        map(points) { $0.apply($1) }
    }

    /// x = g⁻¹(z) for every point: back on the data's scale.
    func inverse(_ points: PointSet) -> PointSet {
        map(points) { $0.inverse($1) }
    }

    /// log|det ∂z/∂x| = Σₖ log|gₖ′(xₖ)| at each point, from its z.
    func logJacobians(at points: PointSet) -> [Double] {
        (0..<points.count).map { i in
            let point = points[i]
            return columns.enumerated().reduce(0) { sum, entry in
                entry.element.map { sum + $0.logJacobian(point[point.startIndex + entry.offset]) } ?? sum
            }
        }
    }

    /// "log(duration)" for the transformed columns, comma-separated.
    func variables(_ names: [String]) -> [Inline] {
        .list(zip(columns, names).compactMap { transform, column in transform.map { [.code($0.variable(column))] } })
    }

    /// The transformed columns' names, as code: "`duration`, `share`".
    func transformedColumns(_ names: [String]) -> [Inline] {
        .list(zip(columns, names).compactMap { transform, column in transform == nil ? nil : [.code(column)] })
    }

    private func map(_ points: PointSet, _ f: (ColumnTransform, Double) -> Double) -> PointSet {
        var values = points.values
        let d = points.dimension
        for (k, transform) in columns.enumerated() {
            guard let transform else { continue }
            for i in stride(from: k, to: values.count, by: d) { values[i] = f(transform, values[i]) }
        }
        return PointSet(dimension: d, values: values)
    }
}
