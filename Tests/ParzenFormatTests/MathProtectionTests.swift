import Testing
@testable import ParzenFormat

/// Math is found before Markdown's inline rules: emphasis, escapes and links never reach
/// inside it; code is never math; currency is not math (pandoc's rule).
struct MathProtectionTests {
    private func inlines(_ markdown: String, kramdown: Bool = false) -> [MarkdownInline.Kind] {
        let document = MarkdownParser.parse(markdown, options: .init(kramdownMathEscapes: kramdown))
        guard case .paragraph(let inlines)? = document.blocks.first?.kind else { return [] }
        return inlines.map(\.kind)
    }

    private func math(_ markdown: String, kramdown: Bool = false) -> [MathSpan] {
        MarkdownParserTests.mathSpans(MarkdownParser.parse(markdown, options: .init(kramdownMathEscapes: kramdown)).blocks)
    }

    @Test func underscoresInMathNeverBecomeEmphasis() {
        let spans = math("$x_{i}$ and $y_{j}$")
        #expect(spans.map(\.tex) == ["x_{i}", "y_{j}"])
        let kinds = inlines("$x_{i}$ and $y_{j}$")
        #expect(!kinds.contains { if case .emphasis = $0 { true } else { false } })
        #expect(math("$a*b*c$ and $d*e$").map(\.tex) == ["a*b*c", "d*e"])
    }

    @Test func emphasisAroundMathStillWorks() {
        guard case .emphasis(let children)? = inlines("*see $x*y$ here*").first else { Issue.record("no emphasis"); return }
        #expect(MarkdownParserTests.mathSpans(children).map(\.tex) == ["x*y"])
    }

    @Test(arguments: ["`$x_1$`", "a `$x$` b"])
    func codeSpansAreNeverMath(markdown: String) {
        #expect(math(markdown).isEmpty)
        #expect(inlines(markdown).contains(.code("$x_1$")) || inlines(markdown).contains(.code("$x$")))
    }

    @Test(arguments: ["```\n$x_1$\n```\n", "~~~tex\n$$a$$\n~~~\n", "    $x_1$ indented\n"])
    func codeBlocksAreNeverMath(markdown: String) {
        let document = MarkdownParser.parse(markdown)
        #expect(MarkdownParserTests.mathSpans(document.blocks).isEmpty)
        guard case .codeBlock? = document.blocks.first?.kind else { Issue.record("not a code block"); return }
    }

    @Test func autolinksAndHTMLAreNeverMath() {
        #expect(math("<https://x.org/$a$> and <span title=\"$b$\">c</span>").isEmpty)
    }

    @Test(arguments: [
        ("$5", "$5"),
        ("costs $3 and $4", "costs $3 and $4"),
        ("from $10 to $20.", "from $10 to $20."),
        ("$ x$ is not math", "$ x$ is not math"),
        ("nor is $x $", "nor is $x $"),
        ("$x$5 is not math", "$x$5 is not math"),
    ])
    func currencyIsNotMath(markdown: String, text: String) {
        #expect(inlines(markdown) == [.text(text)])
    }

    @Test func escapedDollarsAreText() {
        #expect(inlines("\\$x_1\\$ and \\$5") == [.text("$x_1$ and $5")])
        // Inside math a backslash protects `$`.
        #expect(math("$a\\$b$").map(\.tex) == ["a\\$b"])
    }

    @Test func backslashDelimiters() {
        let spans = math("Inline \\(a_1 + b_1\\) here.")
        #expect(spans.map(\.tex) == ["a_1 + b_1"])
        #expect(spans.map(\.delimiter) == [.parenthesis])
        // An escaped backslash before `(` is not a delimiter.
        #expect(math("\\\\(a\\\\)").isEmpty)
        // Escapes that do not pair up stay escapes: `\[` alone is a literal bracket.
        #expect(inlines("\\[not a link](/foo)") == [.text("[not a link](/foo)")])
        #expect(inlines("`\\(x\\)`") == [.code("\\(x\\)")])
    }

    @Test func displayBracketsStandingAloneBecomeBlocks() {
        let document = MarkdownParser.parse("Before\n\\[\nx_1\n\\]\nafter\n")
        #expect(document.blocks.map { if case .displayMath = $0.kind { "math" } else { "other" } } == ["other", "math", "other"])
        guard case .displayMath(let span) = document.blocks[1].kind else { return }
        #expect(span.tex == "\nx_1\n")
        #expect(span.delimiter == .bracket)
    }

    @Test func multiLineDisplayMathInsideAParagraphIsLifted() {
        let document = MarkdownParser.parse("where\n$$\na_{1} *b*\n= c_{2}\n$$\nand so on\n", options: .init(lineOffset: 4))
        guard document.blocks.count == 3, case .displayMath(let span) = document.blocks[1].kind else {
            Issue.record("expected paragraph, display math, paragraph: \(document.blocks)")
            return
        }
        #expect(span.tex == "\na_{1} *b*\n= c_{2}\n")
        #expect(span.location == SourceLocation(line: 6, column: 3))
        #expect(document.blocks[0].kind == .paragraph([MarkdownInline(.text("where"), at: SourceLocation(line: 5, column: 1))]))
        // `*b*` on line 7, column 7.
        let star = span.tex.utf8.firstIndex(of: UInt8(ascii: "*"))!
        #expect(span.location(ofUTF8Offset: span.tex.utf8.distance(from: span.tex.utf8.startIndex, to: star)) == SourceLocation(line: 7, column: 7))
        // `c` of `= c_{2}` on line 8, column 3.
        #expect(span.location(ofUTF8Offset: span.tex.utf8.count - 6) == SourceLocation(line: 8, column: 3))
    }

    /// Fuzz finding math-location-after-display-block: the display formula spanning lines 1–3
    /// is consumed without cmark counting its line breaks; `}` after `x$$` is on line 4,
    /// column 4 all the same.
    @Test func mathLocationAfterDisplayBlock() {
        let spans = math("$$\nh\n$$\nx$$}\n$$t\n")
        #expect(spans.map(\.tex) == ["\nh\n", "}\n"])
        #expect(spans.map(\.location) == [SourceLocation(line: 1, column: 3), SourceLocation(line: 4, column: 4)])
        // The variant with NUL bytes (each one scalar of the line): `h}` on line 3, `\0$$}` on line 6.
        let withNUL = math("\u{0}\u{0}n\n$$\nh}\n$$\nitR\n\u{0}$$}\n$$table\n")
        #expect(withNUL.map(\.location) == [SourceLocation(line: 2, column: 3), SourceLocation(line: 6, column: 4)])
    }

    /// Fuzz finding math-location-after-hard-break: cmark 0.29 does not count the line break
    /// of a backslash hard break; `\x` is on line 2, column 2.
    @Test func mathLocationAfterHardBreak() {
        #expect(math("\\\n$\\x$\n").map(\.location) == [SourceLocation(line: 2, column: 2)])
        // Inside a block quote, after two hard breaks: line 3, column 4 (after `> $`).
        #expect(math("> a\\\n> b\\\n> $x$\n").map(\.location) == [SourceLocation(line: 3, column: 4)])
        // A hard break of two spaces was always counted; it still is.
        #expect(math("a  \nb $x$\n").map(\.location) == [SourceLocation(line: 2, column: 4)])
    }

    @Test func displayMathSharingItsLineStaysInline() {
        let kinds = inlines("so $$x^2$$ holds")
        #expect(kinds.count == 3)
        guard case .math(let span) = kinds[1] else { Issue.record("no math"); return }
        #expect(span.isDisplay)
    }

    @Test func mathLocationsAreTheFirstTeXCharacter() {
        let spans = MarkdownParserTests.mathSpans(MarkdownParser.parse("é $x_1$ and\n> \\(y\\)\n", options: .init(lineOffset: 2)).blocks)
        #expect(spans.map(\.location) == [SourceLocation(line: 3, column: 4), SourceLocation(line: 4, column: 5)])
        let quoted = MarkdownParserTests.mathSpans(MarkdownParser.parse("> a $x_1$ and\n> b \\(y\\)\n").blocks)
        #expect(quoted.map(\.location) == [SourceLocation(line: 1, column: 6), SourceLocation(line: 2, column: 7)])
    }

    @Test func nonASCIITeXMapsToScalarColumns() {
        let span = math("$α + β_1$")[0]
        // "β" starts at UTF-8 offset 5 (α is 2 bytes, " + " 3), scalar column 6.
        #expect(span.location(ofUTF8Offset: 5) == SourceLocation(line: 1, column: 6))
    }

    @Test func kramdownEscapesAreResolvedInInlineMathOnly() {
        let source = "$\\mathcal{D}=\\left\\\\{x\\_{i}\\right\\\\}\\_{i=1}^{N}\\,$\n\n$$\\\\{a\\_b\\}$$\n"
        let plain = math(source)
        #expect(plain.map(\.tex) == ["\\mathcal{D}=\\left\\\\{x\\_{i}\\right\\\\}\\_{i=1}^{N}\\,", "\\\\{a\\_b\\}"])
        let jekyll = math(source, kramdown: true)
        // `\\{` → `\{`, `\_` → `_`; TeX's `\,` is not a kramdown escape and stays.
        #expect(jekyll.map(\.tex) == ["\\mathcal{D}=\\left\\{x_{i}\\right\\}_{i=1}^{N}\\,", "\\\\{a\\_b\\}"])
        // Positions still point at the author's characters: `x` after `\left\\{` is column 22.
        let span = jekyll[0]
        let x = span.tex.utf8.firstIndex(of: UInt8(ascii: "x"))!
        #expect(span.location(ofUTF8Offset: span.tex.utf8.distance(from: span.tex.utf8.startIndex, to: x)) == SourceLocation(line: 1, column: 22))
        // `_` after `x\` : source column 24 (the escaping backslash is at 23).
        #expect(span.location(ofUTF8Offset: span.tex.utf8.distance(from: span.tex.utf8.startIndex, to: x) + 1) == SourceLocation(line: 1, column: 24))
    }

    @Test func mathInLinksTablesAndHeadings() {
        #expect(math("[$a_1$](https://x.org)").map(\.tex) == ["a_1"])
        #expect(math("# The $\\beta$ bandwidth").map(\.tex) == ["\\beta"])
        #expect(math("| a | b |\n|---|---|\n| $x_1$ | $y$ |\n").map(\.tex) == ["x_1", "y"])
    }

    @Test func displayMathBrokenByABlockIsDiagnosed() throws {
        // The `- b` line starts a list, so the paragraph (and the math) ends before it.
        let document = MarkdownParser.parse("Text\n$$\na\n- b\n$$\n", options: .init(file: "n.md", lineOffset: 1))
        #expect(MarkdownParserTests.mathSpans(document.blocks).isEmpty)
        let diagnostic = try #require(document.diagnostics.first)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location == SourceLocation(line: 3, column: 1))
        #expect(diagnostic.message == "'$$' is not closed in this paragraph; the formula is shown as text")
        // Escaped dollars are no formula and get no warning.
        let escaped = MarkdownParser.parse("costs \\$\\$ 5")
        #expect(escaped.diagnostics.isEmpty)
        #expect(escaped.blocks.first?.kind == .paragraph([MarkdownInline(.text("costs $$ 5"), at: SourceLocation(line: 1, column: 1))]))
    }
}
