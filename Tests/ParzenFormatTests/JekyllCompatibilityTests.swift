import Foundation
import ParzenTestSupport
import Testing
@testable import ParzenFormat

/// Posts written for Jekyll (kramdown + Liquid) read well: `{% details %}` disclosures,
/// kramdown-escaped inline math, raw HTML, and other Liquid kept visible with a warning.
struct JekyllCompatibilityTests {
    @Test func detailsBecomeADisclosureWithBlocks() throws {
        let document = MarkdownParser.parse("Intro\n\n{% details A *note* about $x$ %}\n\nFirst.\n\n- a\n- b\n\n{% enddetails %}\n\nAfter\n")
        #expect(document.diagnostics.isEmpty)
        #expect(document.blocks.count == 3)
        guard case .details(let summary, let blocks) = document.blocks[1].kind else { Issue.record("no details: \(document.blocks)"); return }
        #expect(summary.map(\.kind).first == .text("A "))
        #expect(summary.contains { if case .emphasis = $0.kind { true } else { false } })
        #expect(summary.contains { if case .math = $0.kind { true } else { false } })
        #expect(blocks.count == 2)
        #expect(document.blocks[1].location == SourceLocation(line: 3, column: 1))
    }

    @Test func detailsTagsWithoutBlankLinesAndNesting() throws {
        let document = MarkdownParser.parse("{% details Outer %}\nText\n{% details Inner %}\n\nInside\n{% enddetails %}\n{% enddetails %}\n")
        #expect(document.diagnostics.isEmpty)
        guard case .details(let summary, let outer)? = document.blocks.first?.kind else { Issue.record("no details: \(document.blocks)"); return }
        #expect(summary.map(\.kind) == [.text("Outer")])
        #expect(outer.count == 2)
        guard case .details(let innerSummary, let inner) = outer[1].kind else { Issue.record("no inner details: \(outer)"); return }
        #expect(innerSummary.map(\.kind) == [.text("Inner")])
        #expect(inner.map(\.kind) == [.paragraph([MarkdownInline(.text("Inside"), at: SourceLocation(line: 5, column: 1))])])
    }

    @Test func unpairedDetailsTagsStayAsTextWithWarnings() {
        let unclosed = MarkdownParser.parse("{% details Never closed %}\n\nBody\n", options: .init(file: "p.md", lineOffset: 4))
        #expect(unclosed.diagnostics.map(\.description) == [
            "p.md:5:1: warning: '{% details … %}' is never closed; it is kept as text; add '{% enddetails %}' on a line of its own where the disclosure ends",
        ])
        #expect(unclosed.blocks.count == 2)
        #expect(unclosed.blocks[0].kind == .paragraph([MarkdownInline(.text("{% details Never closed %}"), at: SourceLocation(line: 5, column: 1))]))
        let stray = MarkdownParser.parse("Body\n\n{% enddetails %}\n")
        #expect(stray.diagnostics.map(\.message) == ["'{% enddetails %}' without a '{% details … %}' before it; it is kept as text"])
        #expect(stray.blocks.count == 2)
    }

    @Test func detailsTagSharingItsLineIsReported() {
        let document = MarkdownParser.parse("{% details Title %} and more\n\nBody\n", options: .init(file: "p.md"))
        #expect(document.diagnostics.map(\.description) == [
            "p.md:1:1: warning: '{% details … %}' must stand alone on its line; it is kept as text; put '{% details Title %}' and '{% enddetails %}' on lines of their own",
        ])
        #expect(document.blocks.count == 2)
    }

    @Test func otherLiquidIsKeptVisibleWithAWarning() {
        let document = MarkdownParser.parse("See {{ site.url }} and {% include fig.html %} here.\n", options: .init(file: "p.md"))
        #expect(document.blocks.first?.kind == .paragraph([MarkdownInline(.text("See {{ site.url }} and {% include fig.html %} here."), at: SourceLocation(line: 1, column: 1))]))
        #expect(document.diagnostics.map(\.description) == [
            "p.md:1:5: warning: Liquid output '{{ site.url }}' is not processed; it is kept as text; remove it, or write the content it stands for in Markdown",
            "p.md:1:24: warning: Liquid tag '{% include fig.html %}' is not processed; it is kept as text; remove it, or write the content it stands for in Markdown",
        ])
    }

    @Test func liquidInRawHTMLIsReportedToo() {
        let document = MarkdownParser.parse("<div>\n<img src=\"{{ site.url }}/a.png\">\n</div>\n\nText <a href=\"{{ page.url }}\">x</a>\n")
        #expect(document.diagnostics.map(\.location) == [SourceLocation(line: 2, column: 11), SourceLocation(line: 5, column: 15)])
        #expect(document.blocks.first?.kind == .htmlBlock("<div>\n<img src=\"{{ site.url }}/a.png\">\n</div>\n"))
    }

    // MARK: Whole posts: ours always, the seed when ../shared/ is there

    static func parsed(_ post: JekyllPost) throws -> MarkdownDocument {
        let (body, offset) = try post.body()
        return MarkdownParser.parse(body, options: .init(file: "post.md", lineOffset: offset, kramdownMathEscapes: true))
    }

    static func checkPost(_ post: JekyllPost) throws {
        let document = try parsed(post)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")

        // Math: all found (counts from regular expressions over the source, see JekyllPost),
        // kramdown escapes resolved in inline math, display math untouched (`\\` rows stay).
        let spans = MarkdownParserTests.mathSpans(document.blocks)
        #expect(spans.filter { !$0.isDisplay }.count == post.inlineMathCount)
        #expect(spans.filter(\.isDisplay).count == post.displayMathCount)
        let first = try #require(spans.first)
        #expect(first.tex == post.firstInlineTeX)
        #expect(first.location == SourceLocation(line: post.firstInlineAt.line, column: post.firstInlineAt.column))
        #expect(spans.contains { $0.isDisplay && $0.tex.contains(post.displayExcerpt) })
        // Every display formula stands on lines of its own, outside the disclosure.
        let displayBlocks = document.blocks.filter { if case .displayMath = $0.kind { true } else { false } }
        #expect(displayBlocks.count == post.displayMathCount)
        #expect(displayBlocks.first?.location == SourceLocation(line: post.firstDisplayAt.line, column: post.firstDisplayAt.column))

        // `{% details %}`, raw HTML kept, the mis-encoded arrow kept as the author's bytes,
        // `\eqref` in prose read as parenthesised references.
        let details = document.blocks.compactMap { block -> ([MarkdownInline], [MarkdownBlock])? in
            if case .details(let summary, let blocks) = block.kind { (summary, blocks) } else { nil }
        }
        #expect(details.count == 1)
        #expect(details.first?.0.map(\.kind) == [.text(post.detailsSummary)])
        #expect(details.first?.1.count == post.detailsBlockCount)
        #expect(document.blocks.contains { $0.kind == .htmlBlock("<br>\n") })
        let text = MarkdownParserTests.allText(document.blocks)
        #expect(text.contains("<d-byline>"))
        #expect(text.contains("<span style=\"float:right\">"))
        #expect(text.contains(post.mojibake))
        let references = Self.references(document.blocks)
        #expect(references.map(\.label) == post.proseReferences)
        #expect(references.allSatisfy { $0.isParenthesized })
    }

    @Test func ourPostReadsWell() throws {
        try Self.checkPost(.own)
    }

    @Test(.requiresSharedFolder) func theSeedPostReadsWell() throws {
        try Self.checkPost(.seed)
    }

    private static func references(_ blocks: [MarkdownBlock]) -> [MarkdownReference] {
        blocks.flatMap { block -> [MarkdownReference] in
            switch block.kind {
            case .paragraph(let inlines):
                inlines.compactMap { if case .reference(let reference) = $0.kind { reference } else { nil } }
            case .details(_, let children), .blockQuote(let children):
                references(children)
            default:
                []
            }
        }
    }
}
