import Testing
@testable import ParzenRunner

@Suite struct CSVTableTests {
    @Test func readsHeaderRowsAndNumbers() throws {
        let table = try CSVTable(parsing: "eruptions,waiting\n3.6,79\n1.8,54\n")
        #expect(table.header == ["eruptions", "waiting"])
        #expect(try table.numericColumns(["waiting", "eruptions"]) == [[79, 54], [3.6, 1.8]])
        #expect(table.lines == [2, 3])
    }

    @Test func quotedFieldsCRLFAndBlankLines() throws {
        let table = try CSVTable(parsing: "name,x\r\n\"a, \"\"b\"\"\",1\r\n\r\n\"multi\nline\",2\r\n")
        #expect(table.rows == [["a, \"b\"", "1"], ["multi\nline", "2"]])
        #expect(table.lines == [2, 4])
    }

    @Test func nonNumericCellNamesLineAndColumn() {
        #expect(throws: CSVTable.Problem(line: 3, column: 4, message: "column 'x' has 'abc', which is not a number",
                                         fix: "every cell of a data column must be a finite number")) {
            try CSVTable(parsing: "a,x\n1,2\n10,abc\n").numericColumns(["x"])
        }
    }

    @Test func nanAndInfinityAreRefused() {
        #expect(throws: CSVTable.Problem(line: 2, column: 1, message: "column 'x' has the non-finite value 'nan'",
                                         fix: "every cell of a data column must be a finite number")) {
            try CSVTable(parsing: "x\nnan\n").numericColumns(["x"])
        }
        #expect(throws: CSVTable.Problem(line: 3, column: 1, message: "column 'x' has the non-finite value 'inf'",
                                         fix: "every cell of a data column must be a finite number")) {
            try CSVTable(parsing: "x\n1\ninf\n").numericColumns(["x"])
        }
    }

    @Test func emptyCell() {
        #expect(throws: CSVTable.Problem(line: 2, column: 3, message: "column 'y' has an empty cell",
                                         fix: "every cell of a data column must be a finite number")) {
            try CSVTable(parsing: "x,y\n1,\n").numericColumns(["y"])
        }
    }

    @Test func missingColumnSuggestsTheClosest() {
        #expect(throws: CSVTable.Problem(line: 1, column: nil, message: "no column named 'eruption'", fix: "did you mean 'eruptions'?")) {
            try CSVTable(parsing: "eruptions,waiting\n1,2\n").numericColumns(["eruption"])
        }
    }

    @Test func raggedRow() {
        #expect(throws: CSVTable.Problem(line: 3, column: nil, message: "row has 3 fields but the header has 2", fix: "every row needs one value per column")) {
            try CSVTable(parsing: "x,y\n1,2\n1,2,3\n")
        }
    }

    @Test func emptyFileAndHeaderOnly() {
        #expect(throws: CSVTable.Problem(line: 1, column: nil, message: "the file is empty", fix: "a CSV file needs a header row and at least one data row")) {
            try CSVTable(parsing: "\n\n")
        }
        #expect(throws: CSVTable.Problem(line: 1, column: nil, message: "the file has a header but no data rows", fix: "add at least one row of numbers")) {
            try CSVTable(parsing: "x,y\n").numericColumns(["x"])
        }
    }

    @Test func unclosedQuote() {
        #expect(throws: CSVTable.Problem(line: 2, column: 3, message: "a quoted field is never closed", fix: "add the closing \"")) {
            try CSVTable(parsing: "x,y\n1,\"2\n")
        }
    }
}
