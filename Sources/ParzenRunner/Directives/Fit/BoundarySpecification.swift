import ParzenCore
import ParzenFormat
import ParzenMarkup

/// Reads the `boundary:` option of a `{fit}` with `model: kde` into the support of 1-D data,
/// where the estimate is reflected:
///
/// ```yaml
/// boundary: {lower: 0}            # counts, durations
/// boundary: {upper: 100}
/// boundary: {lower: 0, upper: 1}  # proportions
/// ```
/// Every error points at the value at fault; whether the data lie inside the support is
/// known only once they are read, so the fit checks that.
enum BoundarySpecification {
    /// The shape, for option docs.
    static let shape = "{lower: a}, {upper: b} or {lower: a, upper: b}"

    static func read(_ yaml: YAMLValue) throws -> DensityBoundary {
        guard let entries = yaml.entries, !entries.isEmpty else {
            throw DirectiveError("'boundary' must be a mapping with 'lower', 'upper' or both, "
                                     + "found \(yaml.kindDescription)",
                                 fix: "e.g. boundary: {lower: 0}", at: yaml.location)
        }
        var ends: [String: Double] = [:]
        for entry in entries {
            guard ["lower", "upper"].contains(entry.key) else {
                throw DirectiveError("unknown boundary key '\(entry.key)'",
                                     fix: Suggestion.fix(for: entry.key, among: ["lower", "upper"]),
                                     at: entry.keyLocation)
            }
            guard case .scalar(let text, true, _, _) = entry.value, let x = Double(text), x.isFinite else {
                throw DirectiveError("'\(entry.key)' expects a finite number, found \(entry.value.kindDescription)",
                                     fix: "write e.g. \(entry.key): 0", at: entry.value.location)
            }
            ends[entry.key] = x
        }
        do {
            return try DensityBoundary(lower: ends["lower"], upper: ends["upper"])
        } catch let error as ModelError {
            throw DirectiveError(error.problem, fix: error.fix, at: yaml.location)
        }
    }
}
