import ParzenCore
import ParzenFormat
import ParzenMarkup

/// Reads the `generate:` option of `{data}` into the Gaussian mixture that generates the
/// data (and is then the known true density):
///
/// ```yaml
/// generate: {mixture: [{weight: 0.6, mean: -1.5, sd: 0.5}, {weight: 0.4, mean: 2, sd: 1}]}
/// generate: {gaussian: {mean: [0, 0], covariance: [[1, 0.8], [0.8, 1]]}}
/// ```
/// A component has a `mean` (a number, or a list for d > 1), and either `sd` (a standard
/// deviation, the same in every coordinate) or `covariance` (a d×d list of rows); mixture
/// components also need a `weight` (weights must sum to 1). Every error points at the value
/// at fault.
enum MixtureSpecification {
    /// The shape, for option docs.
    static let shape = "{mixture: [{weight, mean, sd | covariance}, …]} or {gaussian: {mean, sd | covariance}}"

    static func read(_ yaml: YAMLValue) throws -> GaussianMixture {
        guard let entries = yaml.entries, entries.count == 1 else {
            throw DirectiveError("'generate' must be a mapping with one key, 'mixture' or 'gaussian'",
                fix: "e.g. generate: {mixture: [{weight: 0.6, mean: -1.5, sd: 0.5}, {weight: 0.4, mean: 2, sd: 1}]}",
                                 at: yaml.location)
        }
        let entry = entries[0]
        switch entry.key {
        case "gaussian":
            let component = try readComponent(entry.value, needsWeight: false)
            return try model(weights: [1], components: [component.gaussian], at: entry.value.location)
        case "mixture":
            guard case .sequence(let items, _) = entry.value, !items.isEmpty else {
                throw DirectiveError(
                    "'mixture' must be a list of components", fix: "e.g. mixture: [{weight: 1, mean: 0, sd: 1}]",
                    at: entry.value.location)
            }
            let components = try items.map { try readComponent($0, needsWeight: true) }
            let dimension = components[0].gaussian.dimension
            for (item, component) in zip(items, components) where component.gaussian.dimension != dimension {
                throw DirectiveError(
                    "this component has dimension \(component.gaussian.dimension), the first has \(dimension)",
                    fix: "give every component a mean with the same number of coordinates", at: item.location)
            }
            let weights = components.map { $0.weight! }
            let total = weights.reduce(0, +)
            guard abs(total - 1) <= 1e-9 else {
                throw DirectiveError("the mixture weights sum to \(NumberFormat.plain(total, digits: 6)), not 1",
                                     fix: "make the weights add up to 1", at: entry.value.location)
            }
            return try model(
                weights: weights.map { $0 / total }, components: components.map(\.gaussian), at: entry.value.location)
        default:
            throw DirectiveError(
                "unknown generator '\(entry.key)'",
                fix: Suggestion.fix(for: entry.key, among: ["mixture", "gaussian"]), at: entry.keyLocation)
        }
    }

    private static func model(weights: [Double], components: [Gaussian], at location: SourceLocation) throws
        -> GaussianMixture
    {
        do {
            return try GaussianMixture(weights: weights, components: components)
        } catch let error as ModelError {
            throw DirectiveError(error.problem, fix: error.fix, at: location)
        }
    }

    private static func readComponent(_ yaml: YAMLValue, needsWeight: Bool) throws -> (
        weight: Double?, gaussian: Gaussian
    ) {
        guard let entries = yaml.entries else {
            throw DirectiveError(
                "a component must be a mapping such as {weight: 0.5, mean: 0, sd: 1}, found \(yaml.kindDescription)",
                at: yaml.location)
        }
        let allowed = (needsWeight ? ["weight"] : []) + ["mean", "sd", "covariance"]
        for entry in entries where !allowed.contains(entry.key) {
            throw DirectiveError(
                "unknown component key '\(entry.key)'", fix: Suggestion.fix(for: entry.key, among: allowed),
                at: entry.keyLocation)
        }
        var weight: Double?
        if needsWeight {
            guard let w = yaml["weight"] else {
                throw DirectiveError(
                    "this component has no 'weight'", fix: "add weight: …, a number in (0, 1]", at: yaml.location)
            }
            let value = try number(w, "weight")
            guard value > 0, value <= 1 else {
                throw DirectiveError("weight \(value) is not in (0, 1]", at: w.location)
            }
            weight = value
        }
        guard let meanValue = yaml["mean"] else {
            throw DirectiveError(
                "this component has no 'mean'", fix: "add mean: a number, or a list for d > 1", at: yaml.location)
        }
        let mean: [Double]
        if case .sequence(let items, _) = meanValue {
            mean = try items.map { try number($0, "mean") }
        } else {
            mean = [try number(meanValue, "mean")]
        }
        guard !mean.isEmpty else { throw DirectiveError("the mean is empty", at: meanValue.location) }
        let d = mean.count
        let covariance: Matrix
        switch (yaml["sd"], yaml["covariance"]) {
        case (let sd?, nil):
            let s = try number(sd, "sd")
            guard s > 0 else {
                throw DirectiveError(
                    "sd \(s) is not positive", fix: "a standard deviation must be > 0", at: sd.location)
            }
            covariance = Matrix(diagonal: [Double](repeating: s * s, count: d))
        case (nil, let rows?):
            guard case .sequence(let list, _) = rows, list.count == d else {
                throw DirectiveError("'covariance' must be a list of \(d) rows", at: rows.location)
            }
            var values: [Double] = []
            for row in list {
                guard case .sequence(let cells, _) = row, cells.count == d else {
                    throw DirectiveError("each covariance row needs \(d) numbers", at: row.location)
                }
                values += try cells.map { try number($0, "covariance") }
            }
            covariance = Matrix(rows: d, columns: d, values: values)
        case (nil, nil):
            throw DirectiveError(
                "this component has neither 'sd' nor 'covariance'", fix: "add sd: a positive number", at: yaml.location)
        case (_?, let rows?):
            throw DirectiveError("give either 'sd' or 'covariance', not both", at: rows.location)
        }
        do {
            return (weight, try Gaussian(mean: mean, covariance: covariance))
        } catch let error as ModelError {
            throw DirectiveError(error.problem, fix: error.fix, at: yaml.location)
        }
    }

    private static func number(_ yaml: YAMLValue, _ key: String) throws -> Double {
        guard case .scalar(let text, true, _, _) = yaml, let x = Double(text), x.isFinite else {
            throw DirectiveError("'\(key)' expects a number, found \(yaml.kindDescription)",
                                 fix: "write a finite number, e.g. \(key): 1", at: yaml.location)
        }
        return x
    }
}
