import ParzenFormat

/// The records of CSV text, read byte by byte from its UTF-8 (see ``CSVTable`` for the
/// dialect): each record's line, its fields as written (quotes removed, `""` unescaped,
/// spaces kept) and where each field starts.
///
/// A line ends at "\n", "\r\n" or a lone "\r", inside quotes as outside; columns count
/// Unicode scalars (one per byte that does not continue a UTF-8 sequence). A record that is
/// one empty unquoted field (a blank line) is skipped. Cost: O(bytes), one String per field.
struct CSVRecords {
    typealias Record = (line: Int, fields: [String], positions: [SourceLocation])
    private(set) var records: [Record] = []

    private var fields: [String] = []
    private var field: [UInt8] = []
    private var fieldWasQuoted = false
    private var recordLine = 1
    private var positions = [SourceLocation(line: 1, column: 1)]

    /// Reads `bytes` (valid UTF-8, without a byte-order mark or NUL).
    init(_ bytes: [UInt8], limits: InputLimits) throws(CSVTable.Problem) {
        var inQuotes = false
        // The position of the next byte.
        var line = 1
        var column = 1
        var quote = SourceLocation(line: 1, column: 1)
        var index = 0
        let quoteByte = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            index += 1
            let here = SourceLocation(line: line, column: column)
            if byte == lf || (byte == cr && next != lf) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            if inQuotes {
                if byte == quoteByte {
                    if next == quoteByte {
                        field.append(quoteByte)
                        index += 1
                        column += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case quoteByte where Self.isBlank(field):
                inQuotes = true
                quote = here
                fieldWasQuoted = true
                field.removeAll(keepingCapacity: true)
            case comma:
                if records.isEmpty, positions.count >= limits.csvColumns {
                    throw CSVTable.Problem(line: line, column: column,
                                           message: "the header has more than \(limits.csvColumns) columns",
                                           fix: InputLimits.howToRaise("PARZEN_MAX_CSV_COLUMNS"))
                }
                positions.append(SourceLocation(line: line, column: column))
                endField()
            case cr where next == lf:
                continue
            case lf, cr:
                try endRecord(line: line, column: column, limits: limits)
            default:
                field.append(byte)
            }
        }
        if inQuotes {
            throw CSVTable.Problem(line: quote.line, column: quote.column, message: "a quoted field is never closed",
                                   fix: "add the closing \"")
        }
        if !field.isEmpty || !fields.isEmpty { try endRecord(line: line, column: column, limits: limits) }
    }

    private mutating func endField() {
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldWasQuoted = false
    }

    /// Ends the record; the next one starts at (`line`, `column`).
    private mutating func endRecord(line: Int, column: Int, limits: InputLimits) throws(CSVTable.Problem) {
        let blank = fields.isEmpty && field.isEmpty && !fieldWasQuoted
        endField()
        if !blank {
            if records.count > limits.csvRows {
                throw CSVTable.Problem(line: recordLine, column: nil,
                                       message: "the file has more than \(limits.csvRows) data rows",
                                       fix: InputLimits.howToRaise("PARZEN_MAX_CSV_ROWS"))
            }
            records.append((recordLine, fields, positions))
        }
        fields = []
        recordLine = line
        positions = [SourceLocation(line: line, column: column)]
    }

    /// Whether a field so far is only white space, so that a quote opens a quoted field.
    private static func isBlank(_ field: [UInt8]) -> Bool {
        if field.allSatisfy(UInt8.isASCIIWhitespace) { return true }
        return field.contains { $0 >= 0x80 } && String(decoding: field, as: UTF8.self).allSatisfy(\.isWhitespace)
    }
}
