import Testing
@testable import ParzenFormat

/// A diagnostic is one line of plain text whatever it quotes from the input.
struct DiagnosticTextTests {
    /// A CSV cell holding "\r" and an ANSI escape sequence (ESC [ 2 J clears the screen): both
    /// are written as escapes, so the terminal neither returns the cursor nor clears.
    @Test func controlCharactersInQuotedInputAreEscapes() {
        let diagnostic = Diagnostic(.error, file: "nb.md", at: SourceLocation(line: 2, column: 9),
                                    "column 'x' has 'a\rb\u{1B}[2J', which is not a number", fix: "fix\tit\u{85}")
        #expect(diagnostic.description
                    == "nb.md:2:9: error: column 'x' has 'a\\rb\\u{1B}[2J', which is not a number; fix\\tit\\u{85}")
        #expect(Diagnostic(.note, file: "f", at: SourceLocation(line: 1, column: 1), "é ✓ plain").text == "é ✓ plain")
    }

    /// The front matter of a CRLF file: the end of an unclosed list on "title: [x\r" is shown
    /// just after the 'x' (column 10), not after the carriage return.
    @Test func yamlEndOfLineBeforeCarriageReturn() {
        let found = YAMLReader.read("title: [x\r", file: "nb.md", firstLine: 2).1.map(\.location)
        #expect(found == [SourceLocation(line: 2, column: 10)])
    }
}
