import Testing
@testable import ParzenFormat

/// YAML errors and values are placed in the notebook's lines (ending at "\n"), although
/// libyaml counts lines its own way. The expected positions are read off the inputs by hand.
struct YAMLLocationTests {
    private func diagnostics(_ yaml: String, firstLine: Int = 2) -> [String] {
        YAMLReader.read(yaml, file: "nb.md", firstLine: firstLine).1.map(\.description)
    }

    /// Fuzz finding yaml-error-past-the-end: "b" on the body's last line, with no line break
    /// after it, is a key without its ':'. libyaml finds that at the end of the input and puts
    /// the end on the line after the text (line 4 here, which the notebook does not have);
    /// the end of the input is just after the "b": line 3, column 2.
    @Test func yamlErrorPastTheEnd() {
        #expect(diagnostics("model: kde\nb") == [
            "nb.md:3:2: error: invalid YAML: could not find expected ':' while scanning a simple key; "
                + "check indentation, colons and quotes on this line",
        ])
    }

    /// Keys are names: `1` plain and `"1"` quoted are the same key, as `true` and `"true"` are.
    @Test(arguments: ["1", "true", "null"])
    func aPlainAndAQuotedKeyOfTheSameTextAreOneKeyTwice(key: String) {
        #expect(diagnostics("\(key): a\n\"\(key)\": b") == [
            "nb.md:3:1: error: duplicate key '\(key)' (first given at line 2); remove one of the two",
        ])
    }

    /// With the final line break the end of the input is the start of the empty line after it.
    @Test func yamlErrorAtTheEndAfterAFinalLineBreak() {
        #expect(diagnostics("model: kde\nb\n").first?.hasPrefix("nb.md:4:1: error: invalid YAML") == true)
    }

    /// Fuzz finding yaml-lone-carriage-return: libyaml ends a line at a lone "\r", the notebook
    /// does not, so the body "\r :" is one notebook line (line 2). libyaml stops at the ':'
    /// (its second line, column 2), which is the notebook's line 2, column 3.
    @Test func yamlLoneCarriageReturn() {
        #expect(diagnostics("\r :") == [
            "nb.md:2:3: error: invalid YAML: did not find expected key while parsing a block mapping; "
                + "check indentation, colons and quotes on this line",
        ])
    }

    /// "k: [1,\r2,\r x" is one notebook line of 12 scalars; the unclosed list is found at the
    /// end of the input, column 13.
    @Test func errorAfterLoneCarriageReturnsStaysOnTheLine() {
        #expect(diagnostics("k: [1,\r2,\r x", firstLine: 5) == [
            "nb.md:5:13: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence; "
                + "check indentation, colons and quotes on this line",
        ])
    }

    /// Windows line ends count once: the value "oops" on the third line is at line 4, column 8.
    @Test func crlfLinesCountOnce() {
        let (value, _) = YAMLReader.read("a: 1\r\nb: 2\r\nmodel: oops\r\n", file: "nb.md", firstLine: 2)
        guard case .mapping(let entries, _)? = value else { Issue.record("not a mapping"); return }
        #expect(entries.map(\.keyLocation) == [
            SourceLocation(line: 2, column: 1), SourceLocation(line: 3, column: 1), SourceLocation(line: 4, column: 1),
        ])
        #expect(entries.last?.value.location == SourceLocation(line: 4, column: 8))
    }

    /// YAML 1.1's other line breaks (NEL, LS, PS) are characters on a notebook line.
    @Test func unicodeLineSeparatorsStayOnTheLine() {
        let (value, _) = YAMLReader.read("a: 1\u{2028}b: [2", file: "nb.md", firstLine: 1)
        #expect(value == nil)
        let found = diagnostics("a: 1\u{2028}b: [2", firstLine: 1)
        #expect(found.first?.hasPrefix("nb.md:1:") == true)
    }

    /// Where each value's text starts, read off by hand: a plain or quoted scalar on one line
    /// has the columns of its characters (after the quote), also after a CRLF line and with a
    /// body indented by `firstColumn`; folded, escaped, doubled-quote and block scalars have none.
    @Test func textStartsOnlyWhereTheTextIsTheSource() throws {
        let yaml = "a: plain text\r\nb: \"quoted\"\nc: 'it''s'\nd: \"e\\u0073c\"\ne: folded\n  over\nf: |\n  block\n"
        let (value, diagnostics) = YAMLReader.read(yaml, file: "nb.md", firstLine: 10, firstColumn: 3)
        #expect(diagnostics.isEmpty)
        let starts = try #require(value?.entries).map { entry -> String in
            guard case .scalar(let text, _, _, let start) = entry.value else { return "not a scalar" }
            return "\(entry.key)=\(text.debugDescription)@\(start.map(\.description) ?? "-")"
        }
        #expect(starts == ["a=\"plain text\"@10:6", "b=\"quoted\"@11:7", "c=\"it\\'s\"@-", "d=\"esc\"@-",
                           "e=\"folded over\"@-", "f=\"block\\n\"@-"])
    }
}
