import Testing
@testable import ParzenFormat

/// Issue 16: "\n", "\r\n" and a lone "\r" (classic Mac OS) each end a line, as in CommonMark
/// (cmark-gfm ends a line at each) and YAML; a file may mix them. The positions below are read
/// off the text by hand: line n is the n-th line an editor shows.
@Suite struct LineEndTests {
    /// The lines of `lines` joined by the line ends `ends` (cycled), each line ended.
    static func joined(_ lines: [String], _ ends: [String]) -> String {
        lines.enumerated().map { $0.element + ends[$0.offset % ends.count] }.joined()
    }

    /// In the mixed cycles a "\r" is never followed by an empty line ended by "\n": that would
    /// be one "\r\n", and the file one line shorter.
    static let variants: [(name: String, ends: [String])] = [
        ("LF", ["\n"]), ("CRLF", ["\r\n"]), ("CR", ["\r"]), ("mixed", ["\n", "\r", "\r\n"]), ("mixed2", ["\r\n", "\r"]),
    ]

    @Test(arguments: variants.map(\.name))
    func frontMatterAndBodyKeepTheirLines(variant: String) {
        let ends = Self.variants.first { $0.name == variant }!.ends
        let text = Self.joined([
            "---",                  // 1
            "title: Line ends",     // 2
            "seed: x",              // 3: the value 'x' is at column 7
            "---",                  // 4
            "",                     // 5
            "# Kernels",            // 6
            "",                     // 7
            "Some text",            // 8
            "$$",                   // 9: '$$' never closed in the paragraph (column 1)
            "a",                    // 10
            "- b",                  // 11
            "",                     // 12
            "Then `{% tag %}` and {% raw %} here.", // 13: the Liquid tag at column 22
        ], ends)
        let notebook = Notebook(text: text, path: "nb.md")
        #expect(notebook.frontMatter.title == "Line ends")
        #expect(notebook.bodyFirstLine == 5)
        #expect(notebook.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["3:7", "9:1", "13:22"])
        let heading = notebook.document.blocks.first { if case .heading = $0.kind { true } else { false } }
        #expect(heading?.location == SourceLocation(line: 6, column: 1))
    }

    /// `parzen.yml` with classic Mac OS line ends: the wrong type is on line 3, at its value.
    @Test func projectFileWithLoneCarriageReturnsKeepsItsLines() {
        let (project, diagnostics) = ProjectFileParser.parse("title: T\rnotebooks: ['*.md']\routput: [a]\r",
                                                             file: "parzen.yml")
        #expect(project.title == "T")
        #expect(diagnostics.map(\.description) == [
            "parzen.yml:3:9: error: 'output' expects text, found a list; write e.g. output: site",
        ])
    }

    /// A notebook that is not UTF-8 is located at the bad byte whatever ends its lines.
    @Test func invalidUTF8CountsEveryLineEnd() {
        let bytes = Array("a\rb\r\nc\nd\r\rxy".utf8) + [0xE9]
        #expect(InvalidUTF8(in: bytes)?.location == SourceLocation(line: 6, column: 3))
    }

    /// "\r\r\n" is a lone "\r" then "\r\n": two line ends, as cmark counts them.
    @Test func carriageReturnBeforeCRLFEndsALineOfItsOwn() {
        let notebook = Notebook(text: "---\rseed: 1\r\r\n---\r\n\r\rx: {% raw %}\r\n", path: "nb.md")
        #expect(notebook.frontMatter.seed == 1)
        #expect(notebook.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["7:4"])
    }
}
