import Testing
@testable import ParzenFormat

/// Directive fences: name, label, body and their exact notebook positions; malformed
/// headers are errors, not code.
struct MarkdownDirectiveTests {
    private func directive(_ markdown: String, lineOffset: Int = 0) -> DirectiveFence? {
        for block in MarkdownParser.parse(markdown, options: .init(lineOffset: lineOffset)).blocks {
            if case .directive(let directive) = block.kind { return directive }
            if case .list(let list) = block.kind {
                for case .directive(let directive) in list.items.flatMap(\.blocks).map(\.kind) { return directive }
            }
        }
        return nil
    }

    @Test func fenceWithNameLabelAndBody() throws {
        // Body starts on notebook line 8 (5 front-matter lines + "Text", blank, fence).
        let fence = try #require(directive("Text\n\n```{fit} kde\nmodel: kde\nbandwidth: scott\n```\n", lineOffset: 5))
        #expect(fence.name == "fit")
        #expect(fence.label == "kde")
        #expect(fence.body == "model: kde\nbandwidth: scott\n")
        #expect(fence.location == SourceLocation(line: 8, column: 1))
        #expect(fence.nameLocation == SourceLocation(line: 8, column: 5))
        #expect(fence.labelLocation == SourceLocation(line: 8, column: 10))
        #expect(fence.bodyStart == SourceLocation(line: 9, column: 1))
    }

    @Test func fenceWithoutLabelWithTildesAndExtraSpaces() throws {
        let fence = try #require(directive("~~~~  {data}  \nfile: a.csv\n~~~~\n"))
        #expect(fence.name == "data")
        #expect(fence.label == nil)
        #expect(fence.labelLocation == nil)
        #expect(fence.nameLocation == SourceLocation(line: 1, column: 8))
    }

    @Test func fenceInsideAListItemKeepsItsColumns() throws {
        let fence = try #require(directive("- item\n\n  ```{plot} density\n  x: 1\n  ```\n"))
        #expect(fence.location == SourceLocation(line: 3, column: 3))
        #expect(fence.nameLocation == SourceLocation(line: 3, column: 7))
        #expect(fence.labelLocation == SourceLocation(line: 3, column: 13))
        #expect(fence.bodyStart == SourceLocation(line: 4, column: 3))
        #expect(fence.body == "x: 1\n")
    }

    @Test func labelAfterNonASCIIStillCountsScalars() throws {
        let fence = try #require(directive("```{sample} échantillon\nn: 3\n```\n"))
        #expect(fence.label == "échantillon")
        #expect(fence.labelLocation == SourceLocation(line: 1, column: 13))
    }

    @Test func ordinaryFencesStayCode() {
        let document = MarkdownParser.parse("```python\nprint(1)\n```\n\n```\n{fit}\n```\n")
        #expect(document.diagnostics.isEmpty)
        #expect(document.blocks.map(\.kind) == [.codeBlock(info: "python", text: "print(1)\n"), .codeBlock(info: "", text: "{fit}\n")])
    }

    @Test(arguments: [
        ("```{fit\nx: 1\n```\n", "directive fence '{fit' has no closing '}'"),
        ("```{}\nx: 1\n```\n", "directive fence '{}' has an empty name"),
        ("```{1fit}\n```\n", "directive name '1fit' must be a letter followed by letters, digits, '-' or '_'"),
        ("```{fit}kde\n```\n", "directive fence '{fit}kde' needs a space between '{fit}' and its label"),
        ("```{fit} my model\n```\n", "directive label 'my model' must be one word"),
    ])
    func malformedHeadersAreErrors(markdown: String, message: String) throws {
        let document = MarkdownParser.parse("Intro\n\n" + markdown, options: .init(file: "nb.md", lineOffset: 3))
        let diagnostic = try #require(document.diagnostics.first)
        #expect(document.diagnostics.count == 1)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == message)
        #expect(diagnostic.location == SourceLocation(line: 6, column: 1))
        #expect(diagnostic.file == "nb.md")
        // The fence is still shown (as code), nothing is dropped.
        guard case .codeBlock? = document.blocks.last?.kind else { Issue.record("fence lost"); return }
    }

    @Test func colonFencesAreDirectivesToo() throws {
        let fence = try #require(directive("Intro\n\n:::{fit} kde\nmodel: kde\n:::\n", lineOffset: 2))
        #expect(fence.name == "fit")
        #expect(fence.label == "kde")
        #expect(fence.body == "model: kde\n")
        #expect(fence.location == SourceLocation(line: 5, column: 1))
        #expect(fence.nameLocation == SourceLocation(line: 5, column: 5))
        #expect(fence.bodyStart == SourceLocation(line: 6, column: 1))
    }

    @Test func colonFencesInsideCodeOrUnclosedStayAsWritten() {
        let inCode = MarkdownParser.parse("```\n:::{fit}\n:::\n```\n")
        #expect(inCode.blocks.map(\.kind) == [.codeBlock(info: "", text: ":::{fit}\n:::\n")])
        let unclosed = MarkdownParser.parse(":::{fit}\nmodel: kde\n")
        guard case .paragraph? = unclosed.blocks.first?.kind else { Issue.record("\(unclosed.blocks)"); return }
        // A longer closing fence closes a shorter opening one; `:::note` (no braces) is prose.
        #expect(directive("::::{data}\nx: 1\n:::::\n")?.body == "x: 1\n")
        guard case .paragraph? = MarkdownParser.parse(":::note\nx\n:::\n").blocks.first?.kind else { Issue.record("not prose"); return }
    }
}
