import ParzenFormat
import ParzenMarkup

/// A CSV file with a header row (RFC 4180: commas, double-quoted fields with `""` escapes,
/// CRLF or LF line ends), kept as text until a caller asks for numeric columns, so that every
/// problem can name the file, the line and the column.
///
/// Encodings and dialects, each with one outcome: a UTF-8 byte-order mark is skipped; UTF-16
/// (recognised by its NUL bytes) is refused with "save it as UTF-8"; quoted fields may hold
/// commas, quotes and line breaks; a semicolon-separated file, thousands separators,
/// decimal commas and missing-value markers (`NA`, `?`, empty) are errors that say so. The
/// sizes of ``InputLimits`` are checked as the text is read — the column cap on the header
/// row, before any data row — so a 20,000-column file fails at once.
public struct CSVTable: Sendable {
    /// Column names from the header row.
    public let header: [String]
    /// Data rows; `rows[i]` came from line `lines[i]` of the file.
    public let rows: [[String]]
    /// The file line of each data row (1-based, counting the header as line 1).
    public let lines: [Int]
    /// For each data row, the character column (1-based) where each field starts.
    public let fieldColumns: [[Int]]

    /// A problem with the CSV text, with its place: `line` is the file line, `column` the
    /// character column where the offending field starts (nil for whole-line problems).
    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var column: Int?
        public var message: String
        public var fix: String?
    }

    /// Parses CSV text. Blank lines are skipped; a row with a different number of fields
    /// than the header is an error.
    public init(parsing original: String, limits: InputLimits = .current) throws(Problem) {
        let size = original.utf8.count
        if size > limits.csvBytes {
            throw Problem(line: 1, column: nil,
                          message: "the file is \(size) bytes, more than the cap of \(limits.csvBytes) bytes",
                          fix: InputLimits.howToRaise("PARZEN_MAX_CSV_BYTES"))
        }
        if let nul = original.utf8.firstIndex(of: 0) {
            let line = 1 + original.utf8[..<nul].lazy.filter { $0 == UInt8(ascii: "\n") }.count
            throw Problem(line: line, column: nil,
                          message: "the file contains NUL bytes, so it is not UTF-8 text (probably UTF-16)",
                          fix: "save it as UTF-8")
        }
        let text = original.unicodeScalars.first == "\u{FEFF}" ? String(original.unicodeScalars.dropFirst()) : original
        var records: [(line: Int, fields: [String], columns: [Int])] = []
        var fields: [String] = []
        var columns: [Int] = [1]
        var column = 1
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var fieldWasQuoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        func endRecord() throws(Problem) {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) {
                if records.count > limits.csvRows {
                    throw Problem(line: recordLine, column: nil,
                                  message: "the file has more than \(limits.csvRows) data rows",
                                  fix: InputLimits.howToRaise("PARZEN_MAX_CSV_ROWS"))
                }
                records.append((recordLine, fields, columns))
            }
            fields = []
            columns = [1]
            field = ""
            fieldWasQuoted = false
        }
        while let c = pending {
            pending = scalars.next()
            column += 1
            if inQuotes {
                if c == "\"" {
                    if pending == "\"" {
                        field.unicodeScalars.append("\""); pending = scalars.next()
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1; column = 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.allSatisfy(\.isWhitespace):
                inQuotes = true
                fieldWasQuoted = true
                field = ""
            case ",":
                if records.isEmpty, columns.count >= limits.csvColumns {
                    throw Problem(line: recordLine, column: column,
                                  message: "the header has more than \(limits.csvColumns) columns",
                                  fix: InputLimits.howToRaise("PARZEN_MAX_CSV_COLUMNS"))
                }
                columns.append(column)
                fields.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r" where pending == "\n":
                continue
            case "\n", "\r":
                try endRecord()
                line += 1
                recordLine = line
                column = 1
            default:
                field.unicodeScalars.append(c)
            }
        }
        if inQuotes {
            throw Problem(
                line: recordLine, column: columns.last, message: "a quoted field is never closed",
                fix: "add the closing \"")
        }
        if !field.isEmpty || !fields.isEmpty { try endRecord() }
        guard let first = records.first else {
            throw Problem(
                line: 1, column: nil, message: "the file is empty",
                fix: "a CSV file needs a header row and at least one data row")
        }
        header = first.fields.map { $0.trimmingWhitespace() }
        if header.count == 1, header[0].contains(";") {
            throw Problem(line: first.line, column: nil,
                          message: "the header has no commas but semicolons: Parzen reads comma-separated files",
                          fix: "save the file comma-separated, with '.' as the decimal mark")
        }
        for record in records.dropFirst() where record.fields.count != header.count {
            throw Problem(line: record.line, column: nil,
                          message: "row has \(record.fields.count) fields but the header has \(header.count)",
                          fix: "every row needs one value per column")
        }
        rows = records.dropFirst().map { $0.fields.map { $0.trimmingWhitespace() } }
        lines = records.dropFirst().map(\.line)
        fieldColumns = records.dropFirst().map(\.columns)
    }

    /// The named columns as numbers, row by row.
    /// - Throws: a `Problem` for a missing column (with did-you-mean candidates in `fix`), an
    ///   empty table, or a cell that is not a finite number (NaN, Inf, text, empty).
    public func numericColumns(_ names: [String]) throws(Problem) -> [[Double]] {
        var indices: [Int] = []
        for name in names {
            guard let index = header.firstIndex(of: name) else {
                throw Problem(line: 1, column: nil, message: "no column named '\(name)'",
                    fix: Suggestion.didYouMean(name, among: header)
                        ?? ("the columns are: " + header.map { "'\($0)'" }.joined(separator: ", ")))
            }
            indices.append(index)
        }
        guard !rows.isEmpty else {
            throw Problem(
                line: 1, column: nil, message: "the file has a header but no data rows",
                fix: "add at least one row of numbers")
        }
        return try indices.map { (index: Int) throws(Problem) -> [Double] in
            var column: [Double] = []
            column.reserveCapacity(rows.count)
            for (rowIndex, row) in rows.enumerated() {
                let cell = row[index]
                guard let value = Double(cell), value.isFinite else {
                    let what =
                        cell.isEmpty
                        ? "an empty cell"
                        : (Double(cell) != nil ? "the non-finite value '\(cell)'" : "'\(cell)', which is not a number")
                    throw Problem(
                        line: lines[rowIndex], column: fieldColumns[rowIndex][index],
                        message: "column '\(header[index])' has \(what)",
                                  fix: Self.fix(forNonNumber: cell))
                }
                column.append(value)
            }
            return column
        }
    }
}

extension CSVTable {
    /// What to do about a cell that is not a number, by what it looks like.
    static func fix(forNonNumber cell: String) -> String {
        if ["na", "n/a", "null", "none", "?", "-", "."].contains(cell.lowercased()) {
            return "missing values are not supported: remove the row or fill the cell in"
        }
        if cell.contains(","), Double(cell.replacingOccurrences(of: ",", with: "")) != nil {
            let grouped = cell.components(separatedBy: ",").dropFirst().allSatisfy { $0.count == 3 }
            let plain = cell.replacingOccurrences(of: ",", with: grouped ? "" : ".")
            return grouped ? "write numbers without thousands separators ('\(plain)')"
                           : "write numbers with '.' as the decimal mark ('\(plain)')"
        }
        return "every cell of a data column must be a finite number"
    }
}

extension String {
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
