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
    /// Where each column name starts.
    let headerPositions: [SourceLocation]
    /// Data rows; `rows[i]` came from line `lines[i]` of the file.
    public let rows: [[String]]
    /// The file line of each data row (1-based, counting the header as line 1).
    public let lines: [Int]
    /// For each data row, where each field starts: the line and the character column (1-based).
    /// A field after a quoted field that spans lines starts on a later line than its row.
    public let fieldPositions: [[SourceLocation]]

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
            throw Problem(line: Self.line(at: nul, in: original), column: nil,
                          message: "the file contains NUL bytes, so it is not UTF-8 text (probably UTF-16)",
                          fix: "save it as UTF-8")
        }
        var bytes = Array(original.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let records = try CSVRecords(bytes, limits: limits).records
        guard let first = records.first else {
            throw Problem(
                line: 1, column: nil, message: "the file is empty",
                fix: "a CSV file needs a header row and at least one data row")
        }
        header = first.fields.map { $0.trimmingWhitespace() }
        headerPositions = first.positions
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
        fieldPositions = records.dropFirst().map(\.positions)
    }

    /// The named columns as numbers, row by row: of the data rows `rows` (indices into
    /// `rows`, e.g. those a filter kept), or of every row. Cells of other rows are not read, so
    /// a row left out may hold text.
    /// - Throws: a `Problem` for a missing column (with did-you-mean candidates in `fix`), an
    ///   empty table, or a cell that is not a finite number (NaN, Inf, text, empty).
    public func numericColumns(_ names: [String], rows selected: [Int]? = nil) throws(Problem) -> [[Double]] {
        var indices: [Int] = []
        for name in names {
            guard let index = header.firstIndex(of: name) else {
                throw Problem(line: 1, column: nil, message: "no column named '\(name)'",
                    fix: Suggestion.didYouMean(name, among: header)
                        ?? ("the columns are: " + header.map { "'\($0)'" }.joined(separator: ", ")))
            }
            // Taking the first of two equal names would leave the other's data unseen.
            if let twin = header[(index + 1)...].firstIndex(of: name) {
                let position = headerPositions[twin]
                throw Problem(line: position.line, column: position.column,
                              message: "the header names '\(name)' twice (columns \(index + 1) and \(twin + 1))",
                              fix: "rename one of the two columns")
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
            column.reserveCapacity(selected?.count ?? rows.count)
            for rowIndex in selected ?? Array(rows.indices) {
                let cell = rows[rowIndex][index]
                guard let value = Double(cell), value.isFinite else {
                    let what =
                        cell.isEmpty
                        ? "an empty cell"
                        : (Double(cell) != nil ? "the non-finite value '\(cell)'" : "'\(cell)', which is not a number")
                    let position = fieldPositions[rowIndex][index]
                    throw Problem(
                        line: position.line, column: position.column,
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
    /// The line (1-based) of UTF-8 byte `offset`, counting "\n", "\r\n" and a lone "\r" as
    /// line ends, as the reader does.
    static func line(at offset: String.UTF8View.Index, in text: String) -> Int {
        var line = 1
        var previous: UInt8 = 0
        for byte in text.utf8[..<offset] {
            if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")) {
                line += 1
            }
            previous = byte
        }
        return line
    }

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

    /// The columns whose every cell (of `selected` rows, else of all) is a finite number.
    public func numericColumnNames(rows selected: [Int]? = nil) -> [String] {
        header.indices.filter { index in
            (selected ?? Array(rows.indices)).allSatisfy { Double(rows[$0][index])?.isFinite == true }
        }.map { header[$0] }
    }
}

extension UInt8 {
    /// Space, tab, line feed, vertical tab, form feed or carriage return: the ASCII white space
    /// of `Character.isWhitespace`.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}

extension String {
    /// Without white space at either end. ASCII text is trimmed by its bytes; other text by
    /// its characters, so that every Unicode space counts.
    func trimmingWhitespace() -> String {
        let utf8 = self.utf8
        guard let first = utf8.first, let last = utf8.last else { return self }
        let space = UInt8.isASCIIWhitespace
        if first < 0x80, last < 0x80, !space(first), !space(last) { return self }
        guard !utf8.contains(where: { $0 >= 0x80 }) else {
            return String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        }
        guard let start = utf8.firstIndex(where: { !space($0) }),
              let end = utf8.lastIndex(where: { !space($0) }) else { return "" }
        return String(self[start...end])
    }
}
