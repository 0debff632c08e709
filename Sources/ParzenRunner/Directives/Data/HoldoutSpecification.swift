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
/// holdout: {column: split, value: test}   # the CSV rows whose `split` cell is `test`
/// ```
/// Rows count from 1 in data order: the CSV's data rows, the listed values, the draws. The
/// number of points is known before any is read or drawn, and a CSV's cells are read in
/// validation, so every mistake is found by `parzen check`, at the value at fault.
enum HoldoutSpecification {
    /// The shape, for option docs.
    static let shape = "{last: n}, {first: n}, {rows: \"a-b, …\"} or {column: name, value: text}"

    /// The column a `{column: …, value: …}` holdout reads, if that is the form written.
    static func column(of yaml: YAMLValue?) -> String? {
        yaml?["column"]?.scalarText
    }

    /// The split of `count` points, and what it holds out in words ("the last 100 points").
    ///
    /// - Parameter cells: the text cells of a CSV column by name, in row order, for
    ///   `{column: …, value: …}`; nil when the data do not come from a CSV.
    static func read(_ yaml: YAMLValue, count: Int,
                     cells: ((String, SourceLocation) throws -> [String])?) throws
        -> (split: DataSplit, description: String) {
        let keys = ["last", "first", "rows", "column"]
        if let entries = yaml.entries, entries.contains(where: { ["column", "value"].contains($0.key) }) {
            return try byColumn(entries, at: yaml.location, count: count, cells: cells)
        }
        guard let entries = yaml.entries, entries.count == 1 else {
            throw DirectiveError("'holdout' takes one of 'last', 'first', 'rows' or 'column' with 'value'",
                                 fix: "e.g. holdout: {last: 100}", at: yaml.location)
        }
        let entry = entries[0], value = entry.value
        guard keys.contains(entry.key) else {
            throw DirectiveError("unknown holdout key '\(entry.key)'", fix: Suggestion.fix(for: entry.key, among: keys),
                                 at: entry.keyLocation)
        }
        let rows: [Int], description: String
        if entry.key == "rows" {
            guard case .scalar(let text, _, _, _) = value else {
                throw DirectiveError("'rows' expects text such as \"401-500\", found \(value.kindDescription)",
                                     at: value.location)
            }
            rows = try ranges(text, count: count, at: value.location)
            description = "rows \(text)"
        } else {
            guard case .scalar(let text, true, _, _) = value, let n = Int(text), n >= 1 else {
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

    /// `{column: split, value: test}`: the rows whose cell in that CSV column is the value.
    private static func byColumn(_ entries: [YAMLEntry], at location: SourceLocation, count: Int,
                                 cells: ((String, SourceLocation) throws -> [String])?) throws
        -> (split: DataSplit, description: String) {
        for entry in entries where !["column", "value"].contains(entry.key) {
            throw DirectiveError("'\(entry.key)' does not go with 'column' and 'value'",
                                 fix: "hold out by column (e.g. {column: split, value: test}) or by position, "
                                     + "not both", at: entry.keyLocation)
        }
        guard let columnValue = entries.first(where: { $0.key == "column" })?.value,
              let valueValue = entries.first(where: { $0.key == "value" })?.value else {
            let missing = entries.contains { $0.key == "column" } ? "value" : "column"
            throw DirectiveError("'holdout' by column needs both 'column' and 'value'",
                                 fix: "add '\(missing): …', e.g. holdout: {column: split, value: test}", at: location)
        }
        guard case .scalar(let column, _, _, _) = columnValue, !column.isEmpty else {
            throw DirectiveError("'column' expects a column name, found \(columnValue.kindDescription)",
                                 at: columnValue.location)
        }
        guard case .scalar(let value, _, _, _) = valueValue else {
            throw DirectiveError("'value' expects the text of a cell, found \(valueValue.kindDescription)",
                                 at: valueValue.location)
        }
        guard let cells else {
            throw DirectiveError("holding out by column needs a CSV source",
                                 fix: "use 'source: <file>.csv', or hold out by position, e.g. {last: 100}",
                                 at: columnValue.location)
        }
        let written = try cells(column, columnValue.location)
        let rows = written.indices.filter { written[$0] == value }
        let what = "\(column) = \(value)"
        guard !rows.isEmpty else {
            var seen: [String] = []
            for cell in written where !seen.contains(cell) { seen.append(cell) }
            throw DirectiveError("no row has \(what)",
                                 fix: Suggestion.didYouMean(value, among: seen)
                                     ?? "the column's values are: " + seen.prefix(10).map { "'\($0)'" }
                                        .joined(separator: ", ") + (seen.count > 10 ? ", …" : ""),
                                 at: valueValue.location)
        }
        guard rows.count < count else {
            throw DirectiveError("every row has \(what), which leaves nothing to train on",
                                 fix: "choose a value only the test rows have", at: valueValue.location)
        }
        let description = "the \(rows.count) row\(rows.count == 1 ? "" : "s") with \(what)"
        return (try DataSplit.holdingOut(rows, count: count), description)
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
