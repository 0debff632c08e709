import ParzenCore
import ParzenFormat

/// Reading points from a CSV file, shared by `{data}` and `parzen fit`, with every problem
/// named by file, line and column.
public enum DatasetLoader {
    /// A problem reading data, already worded for the reader: where (file:line:column when
    /// known), what, and what to do.
    public struct Problem: Error, Sendable, Equatable {
        /// The file as the author wrote it.
        public var file: String
        /// The file line, when the problem is in one row.
        public var line: Int?
        /// The character column, when the problem is in one cell.
        public var column: Int?
        /// What is wrong, without the place.
        public var problem: String
        /// What to do about it.
        public var fix: String?

        /// The problem with its place, for messages that point elsewhere (at a notebook
        /// option): "f.csv (line 3, column 5): column 'x' has 'abc', …".
        public var message: String {
            let place = switch (line, column) {
            case (let line?, let column?): " (line \(line), column \(column))"
            case (let line?, nil): " (line \(line))"
            default: ""
            }
            return "\(file)\(place): \(problem)"
        }
    }

    /// The named columns of CSV text as points (all columns when `columns` is empty), of the
    /// data rows `rows` (0-based, e.g. those `where:` kept) or of every row.
    ///
    /// - Parameter file: the file's name as the author wrote it, for messages.
    /// - Throws: `Problem` for malformed CSV, a missing column, a cell that is not a finite
    ///   number (NaN, Inf, text or empty) — each with the file's row and column — or no rows.
    public static func points(csv text: String, file: String, columns wanted: [String],
                              rows: [Int]? = nil) throws(Problem) -> (
        columns: [String], points: PointSet
    ) {
        let table: CSVTable
        do {
            table = try CSVTable(parsing: text)
        } catch {
            throw Problem(file: file, line: error.line, column: error.column, problem: error.message, fix: error.fix)
        }
        let names = wanted.isEmpty ? table.header : wanted
        if wanted.isEmpty, let problem = textColumnProblem(table, rows: rows, file: file) { throw problem }
        let columns: [[Double]]
        do {
            columns = try table.numericColumns(names, rows: rows)
        } catch {
            throw Problem(file: file, line: error.line, column: error.column, problem: error.message, fix: error.fix)
        }
        let n = columns[0].count
        var values: [Double] = []
        values.reserveCapacity(n * names.count)
        for i in 0..<n {
            for column in columns { values.append(column[i]) }
        }
        return (names, PointSet(dimension: names.count, values: values))
    }

    /// Without `columns`, a column of text (no cell of two or more rows a number, e.g.
    /// `species`) is no mistake in the file but in the selection: said at its first cell,
    /// naming the numeric columns. One row is no data set either way; its cell is reported as
    /// any other that is not a number.
    private static func textColumnProblem(_ table: CSVTable, rows: [Int]?, file: String) -> Problem? {
        let selected = rows ?? Array(table.rows.indices)
        guard selected.count >= 2, let index = table.header.indices.first(where: { k in
            selected.allSatisfy { Double(table.rows[$0][k]) == nil }
        }) else { return nil }
        let numeric = table.numericColumnNames(rows: rows)
        let position = table.fieldPositions[selected[0]][index]
        let example = numeric.isEmpty ? "" : ", e.g. `columns: [" + numeric.joined(separator: ", ") + "]`"
        return Problem(file: file, line: position.line, column: position.column,
                       problem: "column '\(table.header[index])' holds text ('\(table.rows[selected[0]][index])'), "
                           + "and without `columns` every column is read as numbers",
                       fix: "name the numeric columns\(example); a text column can still be used by `where:` or "
                           + "`holdout: {column: …}`")
    }
}
