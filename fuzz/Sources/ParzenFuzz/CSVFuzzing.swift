import ParzenRunner

/// The CSV reader: ``FuzzTarget/csv``.
enum CSVFuzzing {
    static func violations(_ text: String) -> [String] {
        let extent = TextExtent(text)
        do {
            let table = try CSVTable(parsing: text)
            var broken: [String] = []
            if table.rows.count != table.lines.count || table.rows.count != table.fieldPositions.count {
                let counts = [table.rows.count, table.lines.count, table.fieldPositions.count].map(String.init)
                broken.append("rows, line numbers and column lists differ in number: " + counts.joined(separator: ", "))
            }
            for (index, row) in table.rows.enumerated() where row.count != table.header.count {
                broken.append("row \(index) has \(row.count) fields, the header \(table.header.count)")
            }
            for (index, positions) in table.fieldPositions.enumerated() where positions.count != table.header.count {
                broken.append("row \(index) has \(positions.count) field positions, the header \(table.header.count) columns")
            }
            for positions in table.fieldPositions {
                for position in positions {
                    if let problem = extent.problem(line: position.line, column: position.column) {
                        broken.append("field: \(problem)")
                    }
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
        let outside = extent.problem(line: problem.line, column: problem.column ?? 1)
        return outside.map { ["\($0): \(problem.message)"] } ?? []
    }
}
