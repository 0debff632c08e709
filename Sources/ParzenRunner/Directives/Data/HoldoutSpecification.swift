import ParzenCore
import ParzenFormat
import ParzenMarkup

/// Reads a mapping given as `holdout:` of `{data}`: a test set fixed by position rather
/// than drawn at random,
///
/// ```yaml
/// holdout: {last: 100}            # train on the first 400 of 500, test on the last 100
/// holdout: {first: 50}
/// holdout: {rows: "401-500"}      # or "1-10, 20, 31-40"
/// ```
/// Rows count from 1 in data order: the CSV's data rows, the listed values, the draws. The
/// number of points is known before any is read or drawn, so every mistake is found by
/// `parzen check`, at the value at fault.
enum HoldoutSpecification {
    /// The shape, for option docs.
    static let shape = "{last: n}, {first: n} or {rows: \"a-b, …\"}"

    /// The split of `count` points, and what it holds out in words ("the last 100 points").
    static func read(_ yaml: YAMLValue, count: Int) throws -> (split: DataSplit, description: String) {
        let keys = ["last", "first", "rows"]
        guard let entries = yaml.entries, entries.count == 1 else {
            throw DirectiveError("'holdout' takes one of 'last', 'first' or 'rows'",
                                 fix: "e.g. holdout: {last: 100}", at: yaml.location)
        }
        let entry = entries[0], value = entry.value
        guard keys.contains(entry.key) else {
            throw DirectiveError("unknown holdout key '\(entry.key)'", fix: Suggestion.fix(for: entry.key, among: keys),
                                 at: entry.keyLocation)
        }
        let rows: [Int], description: String
        if entry.key == "rows" {
            guard case .scalar(let text, _, _) = value else {
                throw DirectiveError("'rows' expects text such as \"401-500\", found \(value.kindDescription)",
                                     at: value.location)
            }
            rows = try ranges(text, count: count, at: value.location)
            description = "rows \(text)"
        } else {
            guard case .scalar(let text, true, _) = value, let n = Int(text), n >= 1 else {
                throw DirectiveError("'\(entry.key)' expects a whole number of points ≥ 1, "
                                     + "found \(value.kindDescription)",
                                     at: value.location)
            }
            guard n < count else {
                throw DirectiveError("holding out the \(entry.key) \(n) of \(count) points leaves nothing to train on",
                                     fix: "hold out at most \(count - 1) points", at: value.location)
            }
            rows = entry.key == "last" ? Array((count - n)..<count) : Array(0..<n)
            description = "the \(entry.key) \(n) point\(n == 1 ? "" : "s")"
        }
        do {
            return (try DataSplit.holdingOut(rows, count: count), description)
        } catch let error as ModelError {
            throw DirectiveError(error.problem, fix: error.fix, at: value.location)
        }
    }

    /// "401-500, 7" → the 0-based indices 400…499 and 6.
    private static func ranges(_ text: String, count: Int, at location: SourceLocation) throws -> [Int] {
        var rows: [Int] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
                .map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), let low = bounds.first!, let high = bounds.last!, low <= high else {
                throw DirectiveError("cannot read the rows '\(part.trimmingCharacters(in: .whitespaces))'",
                                     fix: "write row numbers from 1 and ranges low-high, "
                                         + "e.g. \"401-500\" or \"1-10, 20\"",
                                     at: location)
            }
            guard low >= 1, high <= count else {
                throw DirectiveError("the rows \(low)-\(high) are not all among the \(count) points",
                                     fix: "use rows 1 to \(count)", at: location)
            }
            rows += Array((low - 1)..<high)
        }
        return rows
    }
}
