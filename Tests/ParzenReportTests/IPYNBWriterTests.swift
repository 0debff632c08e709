import Foundation
import ParzenReport
import ParzenRunner
import Testing

/// The `.ipynb` writer's structure, read back with Foundation's JSON parser (not ours).
@Suite struct IPYNBWriterTests {
    static let notebook = """
        ---
        title: Echo & co
        ---

        Intro with $x$: see {ref}`e`, \\eqref{eq:a}, {value}`e.value` and {value}`e.name`.

        $$
        \\begin{equation} y = 1 \\label{eq:a} \\end{equation}
        $$

        ```{echo} e
        value: 2
        caption: The *echo*.
        ```

        Between. {ref}`nope`

        ```{echo} bad
        value: 1
        fail: true
        ```

        The end.

        """

    struct Written {
        var text: String
        var json: [String: Any]
        var diagnostics: [String]
        var cells: [[String: Any]] { json["cells"] as! [[String: Any]] }
        func source(_ id: String) -> String? {
            (cells.first { $0["id"] as? String == id }?["source"] as? [String])?.joined()
        }
        func outputs(_ id: String) -> [[String: Any]] {
            cells.first { $0["id"] as? String == id }?["outputs"] as? [[String: Any]] ?? []
        }
    }

    static func write(_ text: String = notebook) throws -> Written {
        try write(path: try temporaryNotebook(text))
    }

    static func write(path: String) throws -> Written {
        let (document, diagnostics) = ReportBuilder(registry: testRegistry, allowOutside: false)
            .write(path: path, with: IPYNBNotebookWriter(registry: testRegistry))
        let json = try JSONSerialization.jsonObject(with: Data(document!.utf8)) as! [String: Any]
        return Written(text: document!, json: json, diagnostics: diagnostics.map(\.message))
    }

    @Test func isNotebookFormatFourPointFiveWithUniqueValidIDs() throws {
        let written = try Self.write()
        #expect(written.json["nbformat"] as? Int == 4)
        #expect(written.json["nbformat_minor"] as? Int == 5)
        let ids = written.cells.map { $0["id"] as! String }
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.count <= 64 && $0.wholeMatch(of: /[A-Za-z0-9_-]+/) != nil })
        #expect(ids == ["title", "prose-0", "directive-0-e", "output-0-e",
                        "prose-1", "directive-1-bad", "output-1-bad", "prose-2"])
    }

    @Test func writesTheSameBytesTwiceWithKeysInSortedOrder() throws {
        let path = try temporaryNotebook(Self.notebook)
        let first = try Self.write(path: path).text, second = try Self.write(path: path).text
        #expect(first == second)
        #expect(first.hasPrefix("{\n  \"cells\": ["))
        #expect(first.hasSuffix("\"nbformat\": 4,\n  \"nbformat_minor\": 5\n}\n"))
    }

    @Test func proseKeepsTheAuthorsMarkdownWithReferencesAndValuesResolved() throws {
        let prose = try #require(try Self.write().source("prose-0"))
        #expect(prose.hasPrefix("Intro with $x$: see Figure 1, (1), 2 and \\<b\\>\\&\\</b\\>."))
        // The label becomes the number the HTML page gives it, as \tag: Jupyter numbers nothing.
        #expect(prose.hasSuffix("$$\n\\begin{equation} y = 1 \\tag{1} \\end{equation}\n$$"))
    }

    @Test func titleComesFromTheFrontMatterEscaped() throws {
        let written = try Self.write()
        #expect(written.source("title") == "# Echo \\& co")
        #expect(written.json["metadata"].flatMap { ($0 as? [String: Any])?["title"] as? String } == "Echo & co")
    }

    @Test func directiveSourceIsAFencedBlockInAMarkdownCell() throws {
        let written = try Self.write()
        #expect(written.source("directive-0-e") == "```{echo} e\nvalue: 2\ncaption: The *echo*.\n```")
        #expect(written.cells[2]["cell_type"] as? String == "markdown")
    }

    @Test func outputsAreDisplayDataInAHiddenCodeCell() throws {
        let written = try Self.write()
        let cell = written.cells[3]
        #expect(cell["cell_type"] as? String == "code")
        #expect((cell["source"] as? [String]) == [])
        let metadata = cell["metadata"] as? [String: Any]
        #expect((metadata?["jupyter"] as? [String: Bool]) == ["source_hidden": true])
        let outputs = written.outputs("output-0-e")
        #expect(outputs.allSatisfy { $0["output_type"] as? String == "display_data" })
        let kinds = outputs.map { ($0["data"] as! [String: Any]).keys.sorted() }
        #expect(kinds == [["text/markdown", "text/plain"], ["text/html", "text/markdown", "text/plain"],
                          ["image/svg+xml", "text/plain"], ["text/markdown", "text/plain"]])
        func text(_ index: Int, _ mime: String) -> String {
            ((outputs[index]["data"] as! [String: Any])[mime] as! [String]).joined()
        }
        #expect(text(0, "text/markdown") == "The value is $v = 2$.")
        #expect(text(1, "text/markdown") == "| quantity | value |\n| --- | ---: |\n| $v$ | 2 |\n")
        #expect(text(1, "text/html").contains("<td>$v$</td><td style=\"text-align: right\">2</td>"))
        #expect(text(2, "image/svg+xml").hasPrefix("<svg"))
        #expect(text(3, "text/markdown") == "**Figure 1.** The *echo*.")
    }

    @Test func failureIsErrorTextWithItsPlace() throws {
        let written = try Self.write()
        let outputs = written.outputs("output-1-bad")
        #expect(outputs.count == 1)
        #expect(outputs[0]["output_type"] as? String == "stream")
        #expect(outputs[0]["name"] as? String == "stderr")
        let text = (outputs[0]["text"] as! [String]).joined()
        #expect(text.contains("nb.md:20:") && text.hasSuffix(": error: echo failed as asked\n"))
    }

    @Test func unknownReferenceIsReportedAndShownAsQuestionMarks() throws {
        let written = try Self.write()
        #expect(written.source("prose-1") == "Between. ??")
        #expect(written.diagnostics.contains("reference to undefined label 'nope'"))
    }

    @Test func metadataNamesParzenAndItsVersion() throws {
        let parzen = (try Self.write().json["metadata"] as! [String: Any])["parzen"] as! [String: Any]
        #expect(parzen["generator"] as? String == "Parzen " + ParzenVersion.current)
        #expect(parzen["version"] as? String == ParzenVersion.current)
        #expect(parzen["data"] as? [String] == [])
    }

    @Test func codeFenceOutgrowsBackticksInTheBody() throws {
        let written = try Self.write("""
            ```{echo} e
            value: 2
            caption: "a ```tick``` caption"
            ```

            """)
        #expect(written.source("directive-0-e")?.hasPrefix("````{echo} e\n") == true)
        #expect(written.source("directive-0-e")?.hasSuffix("\n````") == true)
    }

    @Test func codeSpansAreKeptAsWrittenAndReferencesInMathBecomeNumbers() throws {
        let written = try Self.write("""
            $$
            \\begin{equation} a = b \\label{eq:a} \\end{equation}
            $$

            Code `{ref}`eq:a`` and `\\eqref{eq:a}` stays; math $c \\eqref{eq:a} \\ref{eq:a}$ does not.

            """)
        #expect(written.source("prose-0") == """
            $$
            \\begin{equation} a = b \\tag{1} \\end{equation}
            $$

            Code `{ref}`eq:a`` and `\\eqref{eq:a}` stays; math $c \\text{(1)} \\text{1}$ does not.
            """)
    }

    @Test func valueOfAFailedDirectiveIsReportedWithItsLine() throws {
        let written = try Self.write("""
            ```{echo} bad
            value: 1
            fail: true
            ```

            It is {value}`bad.value`.

            """)
        #expect(written.source("prose-1") == "It is ??.")
        #expect(written.diagnostics.contains { $0.contains("'bad'") })
    }
}
