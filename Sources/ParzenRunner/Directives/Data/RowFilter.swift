import ParzenFormat
import ParzenMarkup

/// One condition of `{data}`'s `where:`, keeping the CSV rows whose cell satisfies it:
///
/// ```yaml
/// where: "species == setosa"          # text, compared as written
/// where: ["x > 0", "waiting <= 90"]   # every condition must hold
/// ```
/// `==` and `!=` compare numbers as numbers when both sides are numbers (`x == 1` keeps a
/// cell `1.0`) and as text otherwise; `<`, `<=`, `>`, `>=` need a number and a column of
/// numbers. The filter runs before the split, so `holdout:` counts the rows kept.
struct RowFilter {
    enum Comparison: String, CaseIterable {
        // Two-character operators first, so that `<=` is not read as `<`.
        case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "==", notEqual = "!=", less = "<", greater = ">"
    }

    let column: String
    let comparison: Comparison
    let value: String
    let text: String
    let location: SourceLocation

    init(_ text: String, at location: SourceLocation) throws {
        self.text = text
        self.location = location
        for comparison in Comparison.allCases {
            guard let range = text.range(of: comparison.rawValue) else { continue }
            let column = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let value = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
            guard !column.isEmpty, !value.isEmpty, !value.contains(where: { "<>=!".contains($0) }) else { break }
            if ![.equal, .notEqual].contains(comparison), Double(value) == nil {
                throw DirectiveError("'\(text)' compares with '\(value)', which is not a number",
                                     fix: "use == or != for text, or a number with \(comparison.rawValue)",
                                     at: location)
            }
            (self.column, self.comparison, self.value) = (column, comparison, value)
            return
        }
        throw DirectiveError("cannot read the row filter '\(text)'",
                             fix: "write <column> <comparison> <value> with ==, !=, <, <=, > or >=, "
                                 + "e.g. \"x > 0\" or \"species == setosa\"", at: location)
    }

    /// The indices of the rows of `table` that satisfy every filter, in file order.
    static func keptRows(_ filters: [RowFilter], in table: CSVTable, file: String) throws -> [Int] {
        var kept = Array(table.rows.indices)
        for filter in filters {
            guard let index = table.header.firstIndex(of: filter.column) else {
                throw DirectiveError("no column named '\(filter.column)'",
                                     fix: Suggestion.didYouMean(filter.column, among: table.header)
                                         ?? "the columns are: " + table.header.map { "'\($0)'" }
                                            .joined(separator: ", "), at: filter.location)
            }
            kept = try kept.filter { row in
                let position = table.fieldPositions[row][index]
                return try filter.holds(table.rows[row][index], line: position.line, column: position.column,
                                        file: file)
            }
        }
        return kept
    }

    private func holds(_ cell: String, line: Int, column: Int, file: String) throws -> Bool {
        let number = Double(cell), target = Double(value)
        switch comparison {
        case .equal, .notEqual:
            let same = number != nil && target != nil ? number == target : cell == value
            return same == (comparison == .equal)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let number, number.isFinite else {
                throw DirectiveError("\(file) (line \(line), column \(column)): '\(text)' needs numbers, but "
                                     + "column '\(self.column)' has '\(cell)'",
                                     fix: "compare text with == or !=", at: location)
            }
            switch comparison {
            case .less: return number < target!
            case .lessOrEqual: return number <= target!
            case .greater: return number > target!
            default: return number >= target!
            }
        }
    }
}
