import Testing
@testable import ParzenFormat

/// The cmark-gfm wrapper: tree shape, positions in the notebook, extensions, pathological
/// nesting.
struct MarkdownParserTests {
    @Test func blocksCarryNotebookLinesAfterTheFrontMatter() {
        let document = MarkdownParser.parse("# Title\n\nSome *text*.\n", options: .init(lineOffset: 10))
        #expect(document.blocks.map(\.location) == [SourceLocation(line: 11, column: 1), SourceLocation(line: 13, column: 1)])
        guard case .paragraph(let inlines) = document.blocks[1].kind else { Issue.record("not a paragraph"); return }
        #expect(inlines.map(\.location) == [
            SourceLocation(line: 13, column: 1), SourceLocation(line: 13, column: 6), SourceLocation(line: 13, column: 12),
        ])
    }

    @Test func columnsCountUnicodeScalarsNotBytes() {
        // "é" and "→" are 2 and 3 bytes; the emphasis starts at scalar column 5.
        let document = MarkdownParser.parse("é→ *x*\n")
        guard case .paragraph(let inlines) = document.blocks.first?.kind else { Issue.record("not a paragraph"); return }
        #expect(inlines.last?.location == SourceLocation(line: 1, column: 4))
        #expect(inlines.last.map { if case .emphasis = $0.kind { true } else { false } } == true)
    }

    @Test func rawHTMLIsKept() {
        let document = MarkdownParser.parse("<d-byline>\n\nA <span style=\"float:right\">b</span><br>\n")
        #expect(document.blocks.first?.kind == .htmlBlock("<d-byline>\n"))
        guard case .paragraph(let inlines) = document.blocks.last?.kind else { Issue.record("not a paragraph"); return }
        #expect(inlines.map(\.kind) == [.text("A "), .html("<span style=\"float:right\">"), .text("b"), .html("</span>"), .html("<br>")])
    }

    @Test func extensionsAreOn() {
        let document = MarkdownParser.parse("""
        | a | b |
        |:--|--:|
        | 1 | ~~2~~ |

        - [x] done
        - [ ] todo

        Visit www.example.com and[^1].

        [^1]: A note.
        """)
        guard case .table(let table) = document.blocks[0].kind else { Issue.record("no table"); return }
        #expect(table.alignments == [.left, .right])
        #expect(table.rows.first?.last?.first?.kind == .strikethrough([MarkdownInline(.text("2"), at: SourceLocation(line: 3, column: 9))]))
        guard case .list(let list) = document.blocks[1].kind else { Issue.record("no list"); return }
        #expect(list.items.map(\.isChecked) == [true, false])
        guard case .paragraph(let inlines) = document.blocks[2].kind else { Issue.record("no paragraph"); return }
        #expect(inlines.contains { if case .link(destination: "http://www.example.com", _, _) = $0.kind { true } else { false } })
        #expect(inlines.contains { $0.kind == .footnoteReference(number: 1, occurrence: 1) })
        #expect(document.footnotes.map(\.label) == ["1"])
        #expect(document.footnotes.first?.referenceCount == 1)
    }

    @Test(arguments: ["> ", "[", "*a ", "- "])
    func pathologicalNestingIsFlattenedNotOverflowed(prefix: String) {
        let depth = 10_000
        let document = MarkdownParser.parse(String(repeating: prefix, count: depth) + "x\n")
        #expect(maximumDepth(document.blocks) <= TreeBuilder.maximumNesting + 2)
        // Nothing is lost: the innermost text is still there.
        #expect(Self.allText(document.blocks).contains("x"))
    }

    @Test func deeplyNestedEmphasisAndLinksAreFlattened() {
        let stars = String(repeating: "*", count: 10_000)
        let emphasis = MarkdownParser.parse(stars + "x" + stars + "\n")
        #expect(maximumDepth(emphasis.blocks) <= TreeBuilder.maximumNesting + 1)
        #expect(Self.allText(emphasis.blocks).contains("x"))
        let links = MarkdownParser.parse(String(repeating: "[", count: 5_000) + "x" + String(repeating: "](u)", count: 5_000) + "\n")
        #expect(Self.allText(links.blocks).contains("x"))
    }

    @Test func deepNestingWarnsOnce() {
        let document = MarkdownParser.parse(String(repeating: "> ", count: 500) + "x\n")
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.severity == .warning)
        #expect(document.diagnostics.first?.message == "content nested more than 100 levels deep is flattened")
    }

    @Test func concurrentParsesAgree() async {
        // cmark keeps extension trigger characters in a process-wide table; parses are
        // serialised, so parallel callers see the same trees.
        let text = "A $x_1$ and \\(y\\) with *b*\n\n$$z$$\n\n| a |\n|---|\n| $c$ |\n"
        let expected = MarkdownParser.parse(text)
        await withTaskGroup(of: MarkdownDocument.self) { group in
            for _ in 0..<16 { group.addTask { MarkdownParser.parse(text) } }
            for await document in group { #expect(document == expected) }
        }
        #expect(Self.mathSpans(expected.blocks).map(\.tex) == ["x_1", "y", "z", "c"])
    }

    @Test func manyDollarsStayLinear() {
        // 20,000 unclosed openers: each attempt stops at the next `$`.
        let text = String(repeating: "$a ", count: 20_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { _ = MarkdownParser.parse(text) }
        // A debug build parses this in well under a second; quadratic scanning would take minutes.
        #expect(elapsed < .seconds(5))
    }

    private func maximumDepth(_ blocks: [MarkdownBlock]) -> Int {
        blocks.map { block in
            switch block.kind {
            case .blockQuote(let children), .details(_, let children): 1 + maximumDepth(children)
            case .list(let list): 1 + (list.items.map { maximumDepth($0.blocks) }.max() ?? 0)
            case .admonition(let admonition): 1 + maximumDepth(admonition.blocks)
            case .paragraph(let inlines), .heading(_, let inlines): inlineDepth(inlines)
            default: 1
            }
        }.max() ?? 0
    }

    private func inlineDepth(_ inlines: [MarkdownInline]) -> Int {
        inlines.map { inline in
            switch inline.kind {
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, _, let children), .image(_, _, let children):
                1 + inlineDepth(children)
            default: 1
            }
        }.max() ?? 0
    }

    /// All text, code and math of a block list, in order.
    static func allText(_ blocks: [MarkdownBlock]) -> String {
        blocks.map { block in
            switch block.kind {
            case .paragraph(let inlines), .heading(_, let inlines): allText(inlines)
            case .blockQuote(let children): allText(children)
            case .details(let summary, let children): allText(summary) + " " + allText(children)
            case .list(let list): list.items.map { allText($0.blocks) }.joined(separator: " ")
            case .codeBlock(_, let text), .htmlBlock(let text): text
            case .displayMath(let math): math.tex
            case .directive(let directive): directive.body
            case .table(let table): (table.header + table.rows.flatMap { $0 }).map(allText).joined(separator: " ")
            case .admonition(let admonition): allText(admonition.title) + " " + allText(admonition.blocks)
            case .float(let float): allText(float.caption) + " " + floatTableText(float)
            case .epigraph(let epigraph): allText(epigraph.blocks) + " " + allText(epigraph.attribution)
            case .thematicBreak, .bibliography: ""
            }
        }.joined(separator: " ")
    }

    private static func floatTableText(_ float: MarkdownFloat) -> String {
        guard case .table(let table) = float.content else { return "" }
        return (table.header + table.rows.flatMap { $0 }).map(allText).joined(separator: " ")
    }

    static func allText(_ inlines: [MarkdownInline]) -> String {
        inlines.map { inline in
            switch inline.kind {
            case .text(let text), .code(let text), .html(let text): text
            case .softBreak, .lineBreak: " "
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, _, let children), .image(_, _, let children):
                allText(children)
            case .footnoteReference: ""
            case .math(let math): math.tex
            case .role(let role): role.content
            case .reference(let reference): reference.label
            }
        }.joined()
    }

    /// Every math span of a block list, in document order.
    static func mathSpans(_ blocks: [MarkdownBlock]) -> [MathSpan] {
        blocks.flatMap { block -> [MathSpan] in
            switch block.kind {
            case .paragraph(let inlines), .heading(_, let inlines): mathSpans(inlines)
            case .blockQuote(let children): mathSpans(children)
            case .details(let summary, let children): mathSpans(summary) + mathSpans(children)
            case .list(let list): list.items.flatMap { mathSpans($0.blocks) }
            case .displayMath(let math): [math]
            case .table(let table): (table.header + table.rows.flatMap { $0 }).flatMap(mathSpans)
            case .admonition(let admonition): mathSpans(admonition.title) + mathSpans(admonition.blocks)
            case .float(let float): mathSpans(float.caption)
            case .epigraph(let epigraph): mathSpans(epigraph.blocks) + mathSpans(epigraph.attribution)
            case .codeBlock, .htmlBlock, .directive, .thematicBreak, .bibliography: []
            }
        }
    }

    static func mathSpans(_ inlines: [MarkdownInline]) -> [MathSpan] {
        inlines.flatMap { inline -> [MathSpan] in
            switch inline.kind {
            case .math(let math): [math]
            case .emphasis(let children), .strong(let children), .strikethrough(let children),
                 .link(_, _, let children), .image(_, _, let children):
                mathSpans(children)
            default: []
            }
        }
    }
}
