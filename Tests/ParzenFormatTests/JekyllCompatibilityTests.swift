import Foundation
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

    // MARK: The seed post

    /// The seed's body and the number of lines before it (front matter and its fences).
    static func seedBody() throws -> (body: String, lineOffset: Int) {
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        var url: URL?
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("shared/seed/what-is-a-generative-model.md")
            if FileManager.default.fileExists(atPath: candidate.path) { url = candidate; break }
            directory.deleteLastPathComponent()
        }
        let text = try String(contentsOf: try #require(url, "shared/seed not found above \(#filePath)"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let close = try #require(lines.dropFirst().firstIndex(of: "---"))
        return (lines[(close + 1)...].joined(separator: "\n"), close + 1)
    }

    static func parsedSeed() throws -> MarkdownDocument {
        let (body, offset) = try seedBody()
        return MarkdownParser.parse(body, options: .init(file: "seed.md", lineOffset: offset, kramdownMathEscapes: true))
    }

    @Test func seedParsesWithoutErrors() throws {
        let document = try Self.parsedSeed()
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
    }

    @Test func seedMathIsAllFound() throws {
        let spans = MarkdownParserTests.mathSpans(try Self.parsedSeed().blocks)
        // Counted independently with the regular expressions \$\$(.+?)\$\$ (dotall) and,
        // after removing those, \$([^$]+?)\$ over the body.
        #expect(spans.filter { !$0.isDisplay }.count == 55)
        #expect(spans.filter(\.isDisplay).count == 15)
        // kramdown escapes resolved in the first inline formula (line 34 of the post).
        let first = try #require(spans.first)
        #expect(first.tex == "\\mathcal{D}=\\left\\{x_{i}\\right\\}_{i=1}^{N}")
        #expect(first.location == SourceLocation(line: 34, column: 50))
        // Display math is untouched (`\\` row separators stay).
        #expect(spans.contains { $0.isDisplay && $0.tex.contains("\\infty & x=0\\\\\n0 & \\text{otherwise}") })
    }

    @Test func seedDisplayMathStandsAsBlocks() throws {
        let document = try Self.parsedSeed()
        let blocks = document.blocks.filter { if case .displayMath = $0.kind { true } else { false } }
        // All 15 display formulas of the seed stand on lines of their own, outside the disclosure.
        #expect(blocks.count == 15)
        #expect(blocks.first?.location == SourceLocation(line: 36, column: 3))
    }

    @Test func seedHasDetailsRawHTMLAndReferences() throws {
        let document = try Self.parsedSeed()
        let details = document.blocks.compactMap { block -> ([MarkdownInline], [MarkdownBlock])? in
            if case .details(let summary, let blocks) = block.kind { (summary, blocks) } else { nil }
        }
        #expect(details.count == 1)
        #expect(details.first?.0.map(\.kind) == [.text("A note about naming")])
        #expect(details.first?.1.count == 3)
        #expect(document.blocks.contains { $0.kind == .htmlBlock("<br>\n") })
        let text = MarkdownParserTests.allText(document.blocks)
        #expect(text.contains("<d-byline>"))
        #expect(text.contains("<span style=\"float:right\">"))
        // The mis-encoded arrow (UTF-8 read as cp1252 upstream) is the author's bytes: kept.
        #expect(text.contains("A Linear Model â†’"))
        let references = Self.references(document.blocks)
        #expect(references.map(\.label) == ["eq:RBF-KDE", "eq:RBF-KDE"])
        #expect(references.allSatisfy { $0.isParenthesized })
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
