import ParzenFormat
import Testing
@testable import ParzenRunner

/// CSV encodings, dialects and size caps (issue 16): each has one clear, located outcome.
@Suite struct CSVEncodingTests {
    private let small = InputLimits(notebookBytes: 1 << 20, tableColumns: 100, csvBytes: 1 << 20, csvRows: 3, csvColumns: 4)

    private func problem(_ text: String, limits: InputLimits = .defaults, columns: [String]? = nil) -> CSVTable.Problem? {
        do {
            let table = try CSVTable(parsing: text, limits: limits)
            _ = try table.numericColumns(columns ?? table.header)
            return nil
        } catch {
            return error
        }
    }

    @Test func utf8ByteOrderMarkIsSkipped() throws {
        let table = try CSVTable(parsing: "\u{FEFF}x,y\n1,2\n")
        #expect(table.header == ["x", "y"])
    }

    /// UTF-16 without a byte-order mark decodes as "UTF-8" full of NULs; refused as UTF-16.
    @Test func utf16IsRefusedWithAFix() {
        let text = String(decoding: Array("x,y\n1,2\n".utf8).flatMap { [$0, 0] }, as: UTF8.self)
        #expect(problem(text) == CSVTable.Problem(line: 1, column: nil,
                                                  message: "the file contains NUL bytes, so it is not UTF-8 text (probably UTF-16)",
                                                  fix: "save it as UTF-8"))
    }

    @Test func crlfAndQuotedNewlinesKeepTheirLines() throws {
        let table = try CSVTable(parsing: "x,\"y\r\nz\"\r\n1,2\r\n\"3\",4\r\n")
        #expect(table.header == ["x", "y\r\nz"])
        #expect(table.lines == [3, 4])
        #expect(try table.numericColumns(["x"]) == [[1, 3]])
    }

    @Test func semicolonSeparatedFileIsNamed() {
        #expect(problem("x;y\n1,5;2\n") == CSVTable.Problem(
            line: 1, column: nil, message: "the header has no commas but semicolons: Parzen reads comma-separated files",
            fix: "save the file comma-separated, with '.' as the decimal mark"))
    }

    @Test func thousandsSeparatorsAndDecimalCommasAreNamed() {
        #expect(problem("x\n\"1,234\"\n")?.fix == "write numbers without thousands separators ('1234')")
        #expect(problem("x\n\"3,5\"\n")?.fix == "write numbers with '.' as the decimal mark ('3.5')")
        // Unquoted, the separator splits the row: a field-count error on its line.
        #expect(problem("x\n1,234\n") == CSVTable.Problem(line: 2, column: nil, message: "row has 2 fields but the header has 1",
                                                          fix: "every row needs one value per column"))
    }

    @Test(arguments: ["NA", "n/a", "?", "null"])
    func missingValueMarkersAreNamed(marker: String) {
        #expect(problem("x,y\n1,2\n3,\(marker)\n") == CSVTable.Problem(
            line: 3, column: 3, message: "column 'y' has '\(marker)', which is not a number",
            fix: "missing values are not supported: remove the row or fill the cell in"))
    }

    /// 20,000 columns (issue 16: 3 GB for a d×d covariance): refused on the header row.
    @Test func twentyThousandColumnsFailOnTheHeader() {
        let header = (0..<20_000).map { "c\($0)" }.joined(separator: ",")
        let row = Array(repeating: "1", count: 20_000).joined(separator: ",")
        let text = header + "\n" + Array(repeating: row, count: 50).joined(separator: "\n") + "\n"
        #expect(problem(text) == CSVTable.Problem(line: 1, column: 4_891, message: "the header has more than 1000 columns",
                                                  fix: "split the input, or set PARZEN_MAX_CSV_COLUMNS to raise the cap"))
    }

    @Test func rowAndByteCapsAreNamed() {
        #expect(problem("x\n1\n2\n3\n4\n5\n", limits: small) == CSVTable.Problem(
            line: 5, column: nil, message: "the file has more than 3 data rows", fix: "split the input, or set PARZEN_MAX_CSV_ROWS to raise the cap"))
        let tiny = InputLimits(notebookBytes: 1, tableColumns: 1, csvBytes: 8, csvRows: 1, csvColumns: 1)
        #expect(problem("x,y\n1,2\n3,4\n", limits: tiny)?.message == "the file is 12 bytes, more than the cap of 8 bytes")
    }
}
