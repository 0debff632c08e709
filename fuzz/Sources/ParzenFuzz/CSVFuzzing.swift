import ParzenRunner

/// The CSV reader: ``FuzzTarget/csv``.
enum CSVFuzzing {
    static func violations(_ text: String) -> [String] {
        let extent = TextExtent(text)
        do {
            let table = try CSVTable(parsing: text)
            var broken: [String] = []
            if table.rows.count != table.lines.count || table.rows.count != table.fieldColumns.count {
                let counts = [table.rows.count, table.lines.count, table.fieldColumns.count].map(String.init)
                broken.append("rows, line numbers and column lists differ in number: " + counts.joined(separator: ", "))
            }
            for (index, row) in table.rows.enumerated() where row.count != table.header.count {
                broken.append("row \(index) has \(row.count) fields, the header \(table.header.count)")
            }
            let columnsKnownWrong = KnownFindings.isColumnAfterMultilineField(table, text: text)
            for (line, columns) in zip(table.lines, table.fieldColumns) where !columnsKnownWrong {
                for column in columns {
                    if let problem = extent.problem(line: line, column: column) { broken.append("field: \(problem)") }
                }
            }
            // Reading every column as numbers either works or fails with a located problem.
            do { _ = try table.numericColumns(table.header) } catch { broken += located(error, in: extent) }
            return broken
        } catch {
            return located(error, in: extent)
        }
    }

    static func located(_ problem: CSVTable.Problem, in extent: TextExtent) -> [String] {
        if KnownFindings.isColumnAfterMultilineField(nil, text: extent.text, message: problem.message) { return [] }
        let outside = extent.problem(line: problem.line, column: problem.column ?? 1)
        return outside.map { ["\($0): \(problem.message)"] } ?? []
    }
}
