import ParzenFormat
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

    /// Fuzz finding csv-column-after-multiline-field: the quoted field opens on line 2 and
    /// closes on line 3, so the field after it starts on line 3, column 3 (after `",`).
    @Test func csvColumnAfterMultilineField() throws {
        let table = try CSVTable(parsing: ",\n\"\n\",")
        #expect(table.lines == [2])
        #expect(table.fieldPositions == [[SourceLocation(line: 2, column: 1), SourceLocation(line: 3, column: 3)]])
        // A bad cell after a two-line field: 'oops' is on line 3 (`y",oops`), column 4.
        #expect(throws: CSVTable.Problem(line: 3, column: 4, message: "column 'b' has 'oops', which is not a number",
                                         fix: "every cell of a data column must be a finite number")) {
            try CSVTable(parsing: "a,b\n\"x\ny\",oops\n").numericColumns(["b"])
        }
    }

    /// Fuzz finding csv-column-after-multiline-field-unclosed: the field left open is the one
    /// whose quote is on line 2, column 3 (`","`), not on the record's first line.
    @Test func csvColumnAfterMultilineFieldUnclosed() {
        #expect(throws: CSVTable.Problem(line: 2, column: 3, message: "a quoted field is never closed",
                                         fix: "add the closing \"")) {
            try CSVTable(parsing: "\"\n\",\"")
        }
    }

    /// Fuzz finding csv-carriage-return-in-quoted-field: a lone "\r" ends a line inside quotes
    /// as it does outside them, so 'z' after `"x\ry",` is on line 3, column 4.
    @Test func csvCarriageReturnInQuotedField() throws {
        #expect(throws: CSVTable.Problem(line: 3, column: 4, message: "column 'b' has 'z', which is not a number",
                                         fix: "every cell of a data column must be a finite number")) {
            try CSVTable(parsing: "a,b\n\"x\ry\",z\n").numericColumns(["b"])
        }
        // Old Mac line ends throughout: the second record is line 2; 'z' at column 3.
        #expect(throws: CSVTable.Problem(line: 2, column: 3, message: "column 'b' has 'z', which is not a number",
                                         fix: "every cell of a data column must be a finite number")) {
            try CSVTable(parsing: "a,b\r1,z\r").numericColumns(["b"])
        }
        // "\r\n" inside quotes is one line end: 'z' after `y",` on line 3, column 4.
        #expect(throws: CSVTable.Problem(line: 3, column: 4, message: "column 'b' has 'z', which is not a number",
                                         fix: "every cell of a data column must be a finite number")) {
            try CSVTable(parsing: "a,b\r\n\"x\r\ny\",z\r\n").numericColumns(["b"])
        }
    }

    /// An escaped quote `""` is two characters of the line: 'z' after `"x""y",` is column 8.
    @Test func escapedQuoteCountsTwoColumns() {
        #expect(throws: CSVTable.Problem(line: 2, column: 8, message: "column 'b' has 'z', which is not a number",
                                         fix: "every cell of a data column must be a finite number")) {
            try CSVTable(parsing: "a,b\n\"x\"\"y\",z\n").numericColumns(["b"])
        }
    }

    /// A NUL byte's line counts a lone "\r" as a line end too: line 3.
    @Test func nulLineAfterCarriageReturns() {
        #expect(throws: CSVTable.Problem(line: 3, column: nil,
                                         message: "the file contains NUL bytes, so it is not UTF-8 text (probably UTF-16)",
                                         fix: "save it as UTF-8")) {
            try CSVTable(parsing: "a\r1\r\u{0}2\r")
        }
    }

    /// Two columns of the same name: reading it names the second one's place (line 1,
    /// column 5 of `x,y,x`), instead of silently taking the first.
    @Test func duplicateColumnNameIsAmbiguous() throws {
        let table = try CSVTable(parsing: "x,y,x\n1,2,3\n")
        #expect(throws: CSVTable.Problem(line: 1, column: 5, message: "the header names 'x' twice (columns 1 and 3)",
                                         fix: "rename one of the two columns")) {
            try table.numericColumns(["x"])
        }
        #expect(try table.numericColumns(["y"]) == [[2]])
    }
}
