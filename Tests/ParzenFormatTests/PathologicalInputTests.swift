import Testing
@testable import ParzenFormat

/// Inputs built to make a naive scanner quadratic (cmark's own `pathological_tests.py` in
/// spirit): each must parse to the expected tree. Times are not asserted here — the report
/// of issue 16 lists them — but a quadratic path would make these tests take minutes.
struct PathologicalInputTests {
    /// 20k unclosed `:::{data}` fences: none is a directive, all stay paragraph text.
    @Test func unclosedColonFencesStayText() {
        let body = String(repeating: ":::{data} d\n\n", count: 20_000)
        let document = MarkdownParser.parse(body)
        #expect(document.blocks.count == 20_000)
        #expect(!document.blocks.contains { if case .directive = $0.kind { true } else { false } })
        // Each is reported, the first ten one by one (lines 1, 3, …, 19), then a count.
        #expect(document.diagnostics.count == MarkdownParser.maximumUnclosedFenceReports + 1)
        #expect(document.diagnostics.first?.description == "<input>:1:1: warning: this ':::{data}' fence is "
                    + "never closed, so it is shown as text; end its body with a line of :::")
        #expect(document.diagnostics[9].location == SourceLocation(line: 19, column: 1))
        #expect(document.diagnostics.last?.message == "and 19990 more unclosed ':::' fences")
    }

    /// An unclosed colon fence is named at its opening line and column, after the front
    /// matter's lines: `::::{note}` indented two spaces on body line 3 is notebook line 7.
    @Test func unclosedColonFenceIsReportedWhereItOpens() {
        let document = MarkdownParser.parse("Text.\n\n  ::::{note} Title\nbody\n:::\n",
                                            options: .init(file: "nb.md", lineOffset: 4))
        #expect(document.diagnostics.map(\.description) == [
            "nb.md:7:3: warning: this '::::{note}' fence is never closed, so it is shown as text; "
                + "end its body with a line of ::::",
        ])
    }

    /// Closed colon fences after many unclosed ones are still found.
    @Test func colonFenceClosedAfterManyOpenersIsADirective() {
        let body = String(repeating: "::: x\n", count: 5_000) + ":::{data} d\nfile: a.csv\n:::\n"
        let document = MarkdownParser.parse(body)
        let directives = document.blocks.compactMap { block -> DirectiveFence? in
            if case .directive(let fence) = block.kind { fence } else { nil }
        }
        #expect(directives.map(\.name) == ["data"])
    }

    /// 80k unclosed `$\text{`: every `$\text{$` pair is a formula `\text{`, found in one pass.
    @Test func unclosedTextGroupsInMathAreLinear() {
        let body = String(repeating: "$\\text{", count: 80_000)
        let spans = MarkdownParserTests.mathSpans(MarkdownParser.parse(body).blocks)
        #expect(spans.count == 40_000)
        #expect(spans.allSatisfy { $0.tex == "\\text{" })
    }

    /// 80k unclosed `\(`: no formula at all.
    @Test func unclosedParenthesisMathIsLinear() {
        let body = String(repeating: "\\(", count: 80_000)
        let spans = MarkdownParserTests.mathSpans(MarkdownParser.parse(body).blocks)
        #expect(spans.isEmpty)
    }

    /// cmark's "nested strong emph" at 20k repeats: content below the nesting cap is kept,
    /// flattened, with one warning.
    @Test func nestedStrongEmphasisIsFlattenedInLinearTime() {
        let count = 20_000
        let body = String(repeating: "*a **a ", count: count) + "b" + String(repeating: " a** a*", count: count)
        let document = MarkdownParser.parse(body)
        #expect(document.diagnostics.map(\.message) == ["content nested more than 100 levels deep is flattened"])
        guard case .paragraph(let inlines)? = document.blocks.first?.kind else { Issue.record("no paragraph"); return }
        var text = 0
        var stack = inlines
        while let inline = stack.popLast() {
            switch inline.kind {
            case .text(let value): text += value.filter { $0 == "a" }.count
            case .emphasis(let children), .strong(let children): stack += children
            default: break
            }
        }
        #expect(text == 4 * count)
    }

    /// Deeply nested block quotes (cmark's "nested block quotes") are flattened below the cap.
    @Test func deeplyNestedBlockQuotesAreFlattened() {
        let body = String(repeating: "> ", count: 20_000) + "a\n"
        let document = MarkdownParser.parse(body)
        #expect(document.diagnostics.count == 1)
        var depth = 0
        var blocks = document.blocks
        while case .blockQuote(let children)? = blocks.first?.kind { depth += 1; blocks = children }
        #expect(depth == 100)
        guard case .paragraph(let inlines)? = blocks.first?.kind else { Issue.record("no paragraph"); return }
        #expect(inlines.map(\.kind) == [.text("a")])
    }
}

/// Positions cmark-gfm 0.29.0.gfm.6 gets wrong, corrected (issue 16).
struct TableSplitLocationTests {
    /// Fuzz finding reference-location-after-nul: cmark turns each NUL into U+FFFD, three
    /// bytes for one, and its byte columns ran 2 per NUL ahead after them (past the line's
    /// end in the fuzzer's input). The formula's TeX starts at column 2; after `$a`, two NULs,
    /// `b$` the space is column 7 and `\eqref` column 8.
    @Test func referenceLocationAfterNUL() {
        let document = MarkdownParser.parse("$a\u{0}\u{0}b$ \\eqref{x}\n")
        guard case .paragraph(let inlines)? = document.blocks.first?.kind else { Issue.record("no paragraph"); return }
        #expect(inlines.map(\.location) == [SourceLocation(line: 1, column: 2), SourceLocation(line: 1, column: 7),
                                            SourceLocation(line: 1, column: 8)])
    }

    private func mathLocations(_ body: String, lineOffset: Int) -> [ParzenFormat.SourceLocation] {
        MarkdownParserTests.mathSpans(MarkdownParser.parse(body, options: .init(lineOffset: lineOffset)).blocks).map(\.location)
    }

    /// The fuzzer's `$\x$`, a NUL line, `-:`: the NUL line and `-:` are a one-column table,
    /// the formula's paragraph is split off it; reported at line 0 before.
    @Test func formulaBeforeATableMadeOfANulLineIsOnLineOne() {
        #expect(mathLocations("$\\x$\n\u{0}\n-:\n", lineOffset: 0) == [ParzenFormat.SourceLocation(line: 1, column: 2)])
    }

    /// A formula on the paragraph line just before a GFM table, after three lines of front
    /// matter: line 4, not line 3 (inside the front matter).
    @Test func formulaJustBeforeAGFMTableKeepsItsLine() {
        #expect(mathLocations("see $x$\n| a | b |\n|---|---|\n| 1 | 2 |\n", lineOffset: 3) == [ParzenFormat.SourceLocation(line: 4, column: 6)])
        #expect(mathLocations("p\nq $y$\n| a |\n|---|\n", lineOffset: 3) == [ParzenFormat.SourceLocation(line: 5, column: 4)])
    }

    @Test func textBeforeATableKeepsItsLine() {
        let document = MarkdownParser.parse("p\nq\n| a |\n|---|\n", options: .init(lineOffset: 3))
        guard case .paragraph(let inlines)? = document.blocks.first?.kind else { Issue.record("no paragraph"); return }
        #expect(document.blocks.first?.location == ParzenFormat.SourceLocation(line: 4, column: 1))
        #expect(inlines.map(\.location.line) == [4, 4, 5])
    }

    /// Fuzz finding notebook/reference-definition-paragraph-lines: a paragraph that opens with
    /// link reference definitions (no blank line after them) keeps its inlines' lines, also when
    /// a definition's title continues on the next line and inside a block quote. Positions read
    /// off the inputs by hand.
    @Test func inlinesAfterReferenceDefinitionsKeepTheirLines() {
        #expect(mathLocations("Intro.\n\n[id]: x.md\ntext $a$ and\nmore $b$\n", lineOffset: 0)
                    == [ParzenFormat.SourceLocation(line: 4, column: 7), ParzenFormat.SourceLocation(line: 5, column: 7)])
        #expect(mathLocations("[a]: x.md\n[b]: y.md \"a title\non two lines\"\nsee $c$\n", lineOffset: 2)
                    == [ParzenFormat.SourceLocation(line: 6, column: 6)])
        #expect(mathLocations("> [a]: x.md\n> see $d$\n", lineOffset: 0) == [ParzenFormat.SourceLocation(line: 2, column: 8)])
        // Not a definition (no destination): the paragraph starts on its first line.
        #expect(mathLocations("[a]:\nsee $e$\n", lineOffset: 0) == [ParzenFormat.SourceLocation(line: 2, column: 6)])
    }

    /// Fuzz finding notebook/multiline-image-start: a link or image whose text runs over lines
    /// starts at its `[` (or `![`), on its first line; cmark-gfm gave it the line of its `](`.
    @Test func linksAndImagesOverTwoLinesStartOnTheirFirstLine() {
        let document = MarkdownParser.parse("Intro ![alt [t](x.md)\nmore](y.svg) and [a\nb](z.md)\n")
        guard case .paragraph(let inlines)? = document.blocks.first?.kind else {
            Issue.record("no paragraph")
            return
        }
        var starts: [String] = [], pending = inlines
        while let inline = pending.popLast() {
            switch inline.kind {
            case .image(let source, _, let inner), .link(let source, _, let inner):
                starts.append("\(source)@\(inline.location)")
                pending += inner
            default: break
            }
        }
        #expect(starts.sorted() == ["x.md@1:13", "y.svg@1:7", "z.md@2:18"])
    }

    /// Fuzz finding notebook/table-header-after-paragraph: the header row of a table that
    /// splits off the paragraph above it is on its own line, at its own columns; cmark-gfm put
    /// it on the paragraph's line, measured from the paragraph's first byte. Positions read off
    /// the inputs by hand: in `| [l](u) | $\\x$ |` the link starts at 3 and the TeX at 13; in
    /// the block quote both are two columns further right; the body row is placed right.
    @Test func tableHeaderAfterAParagraphKeepsItsLineAndColumns() {
        func starts(_ body: String) -> [String] {
            let document = MarkdownParser.parse(body, options: .init(lineOffset: 3))
            var starts: [String] = [], pending = document.blocks
            while let block = pending.popLast() {
                switch block.kind {
                case .blockQuote(let inner): pending += inner
                case .table(let table):
                    starts.append("table@\(block.location)")
                    for inline in (table.header + table.rows.flatMap { $0 }).flatMap({ $0 }) {
                        switch inline.kind {
                        case .link: starts.append("link@\(inline.location)")
                        case .math: starts.append("math@\(inline.location)")
                        default: break
                        }
                    }
                default: break
                }
            }
            return starts
        }
        #expect(starts("p\n| [l](u) | $\\x$ |\n|---|---|\n") == ["table@5:1", "link@5:3", "math@5:13"])
        #expect(starts("p\nq q\n| [l](u) | $\\x$ |  \n|---|---|\n| [m](v) | $y$ |\n")
                    == ["table@6:1", "link@6:3", "math@6:13", "link@8:3", "math@8:13"])
        #expect(starts("> p\n> | [l](u) | $\\x$ |\n> |---|---|\n") == ["table@5:3", "link@5:5", "math@5:15"])
        #expect(starts("p\r\n| [l](u) | $\\x$ |\r\n|---|---|\r\n") == ["table@5:1", "link@5:3", "math@5:13"])
    }

    /// Fuzz finding notebook/inline-after-multiline-construct: after a construct that takes a
    /// line break cmark does not count (math over lines, a backslash hard break, a link's
    /// `(destination "title")` over lines) the inlines that follow keep their lines and
    /// columns; so do inlines on an indented continuation line, and after a code span over
    /// lines. Each case ends in `[](u)` or `$z$`, whose positions are read off the input by hand.
    @Test func inlinesAfterAMultilineConstructKeepTheirPlaces() {
        func starts(_ body: String) -> [String] {
            var starts: [String] = []
            var pending = MarkdownParser.parse(body).blocks.flatMap { block -> [MarkdownInline] in
                switch block.kind {
                case .paragraph(let inlines): inlines
                case .list(let list): list.items.flatMap { $0.blocks }.flatMap { inner -> [MarkdownInline] in
                    if case .paragraph(let inlines) = inner.kind { return inlines }
                    return []
                }
                case .blockQuote(let inner): inner.flatMap { inner -> [MarkdownInline] in
                    if case .paragraph(let inlines) = inner.kind { return inlines }
                    return []
                }
                default: []
                }
            }.reversed() as [MarkdownInline]
            while let inline = pending.popLast() {
                switch inline.kind {
                case .link(let destination, _, let inner):
                    starts.append("\(destination)@\(inline.location)")
                    pending += inner.reversed()
                case .emphasis(let inner): pending += inner.reversed()
                case .math(let span): starts.append("\(span.tex)@\(inline.location)")
                default: break
                }
            }
            return starts
        }
        #expect(starts("$x\ny$ [](u)\n") == ["x\ny@1:2", "u@2:4"])
        #expect(starts("a\\\nb [](u) $z$\n") == ["u@2:3", "z@2:10"])
        #expect(starts("a\\\r\nb [](u)\r\n") == ["u@2:3"])
        #expect(starts("a [x](\ny) [](u)\n") == ["y@1:3", "u@2:4"])
        #expect(starts("a [x](y \"t\nu\") [](u)\n") == ["y@1:3", "u@2:5"])
        #expect(starts("> a [x](y\n> \"t\") [](u)\n") == ["y@1:5", "u@2:8"])
        #expect(starts("a [x](y\n \"t\n u\"\n ) [](u)\n") == ["y@1:3", "u@4:4"])
        #expect(starts("`a\nb` [](u)\n") == ["u@2:4"])
        #expect(starts("p $a\nb$ $c\nd$ [](u) $e\nf$ x\ng [](u)\n")
                    == ["a\nb@1:4", "c\nd@2:5", "u@3:4", "e\nf@3:11", "u@5:3"])
        #expect(starts("* a\\\n  b [](u)\n") == ["u@2:5"])
        #expect(starts("*a $x\ny$ b* [](u)\n") == ["x\ny@1:5", "u@2:7"])
        #expect(starts("a\n   b [](u)\n") == ["u@2:6"])
    }

    @Test func formulaInATableCellKeepsItsLine() {
        #expect(mathLocations("p\n\n| a |\n|---|\n| $\\x$ |\n", lineOffset: 2) == [ParzenFormat.SourceLocation(line: 7, column: 4)])
    }
}

/// Size caps with located errors (issue 16).
struct InputLimitTests {
    private let small = InputLimits(notebookBytes: 100, tableColumns: 3, csvBytes: 100, csvRows: 3, csvColumns: 3)

    @Test func notebookOverTheCapIsRefusedAtTheLineTheCapFallsOn() {
        let text = String(repeating: "0123456789\n", count: 20)
        let (split, diagnostics) = FrontMatterParser.split(text, file: "nb.md", limits: small)
        #expect(split.body.isEmpty)
        #expect(diagnostics.map(\.description) == [
            "nb.md:10:1: error: the notebook is 220 bytes, more than the cap of 100 bytes (reached on this line); "
                + "split the input, or set PARZEN_MAX_NOTEBOOK_BYTES to raise the cap",
        ])
    }

    /// cmark-gfm 0.29.0.gfm.6 is quadratic in a table's width: 10,000 columns never reach it.
    @Test func tableWiderThanTheCapIsTextWithAnError() {
        let header = "|" + String(repeating: " a |", count: 10_000)
        let delimiter = "|" + String(repeating: "---|", count: 10_000)
        let document = MarkdownParser.parse("p\n\n" + header + "\n" + delimiter + "\n", options: .init(file: "nb.md", lineOffset: 2))
        #expect(!document.blocks.contains { if case .table = $0.kind { true } else { false } })
        #expect(document.diagnostics.map(\.description) == [
            "nb.md:6:1: error: this table has 10000 columns, more than the cap of 1000; it is shown as text; "
                + "split the input, or set PARZEN_MAX_TABLE_COLUMNS to raise the cap",
        ])
    }

    @Test func tableWithinTheCapIsATable() {
        let document = MarkdownParser.parse("| a | b | c |\n|---|:-:|--:|\n| 1 | 2 | 3 |\n", options: .init(limits: small))
        #expect(document.blocks.contains { if case .table = $0.kind { true } else { false } })
        #expect(document.diagnostics.isEmpty)
    }
}
