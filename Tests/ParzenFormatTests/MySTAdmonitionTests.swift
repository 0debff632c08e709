import Testing
@testable import ParzenFormat

/// MyST admonitions and `{dropdown}`: typed blocks whose title and body are Markdown, with
/// notebook positions inside them, in backtick and colon fences, nested, and with directive
/// fences inside that the runner still finds.
struct MySTAdmonitionTests {
    private func admonition(_ markdown: String, lineOffset: Int = 0) throws -> MarkdownAdmonition {
        let document = MarkdownParser.parse(markdown, options: .init(file: "nb.md", lineOffset: lineOffset))
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        for block in document.blocks { if case .admonition(let admonition) = block.kind { return admonition } }
        Issue.record("no admonition in \(document.blocks)")
        throw CancellationError()
    }

    private func text(_ inlines: [MarkdownInline]) -> String { MarkdownParserTests.allText(inlines) }

    static let kinds = [
        "note", "tip", "hint", "important", "seealso", "attention", "caution", "warning", "danger", "error",
    ]

    @Test(arguments: kinds)
    func everyKindInBacktickAndColonFences(name: String) throws {
        for markdown in ["```{\(name)}\nBody *text*.\n```\n", ":::{\(name)}\nBody *text*.\n:::\n"] {
            let box = try admonition(markdown)
            #expect(box.kind.rawValue == name)
            #expect(box.title.isEmpty)
            #expect(box.blocks.count == 1)
            guard case .paragraph(let inlines)? = box.blocks.first?.kind else {
                Issue.record("\(box.blocks)")
                continue
            }
            #expect(text(inlines) == "Body text.")
            #expect(box.blocks[0].location == SourceLocation(line: 2, column: 1))
        }
    }

    @Test func defaultTitlesAreTheMySTOnes() {
        #expect(MarkdownAdmonition.Kind.seealso.defaultTitle == "See also")
        #expect(MarkdownAdmonition.Kind.note.defaultTitle == "Note")
        #expect(MarkdownAdmonition.Kind.admonition.defaultTitle == nil)
    }

    @Test func genericAdmonitionHasTitleAndClassesAndItsBodyStartsAfterTheOptions() throws {
        let box = try admonition("Intro\n\n```{admonition} Why *held-out* data\n:class: tip wide\n\nThe NLL.\n```\n",
                                 lineOffset: 4)
        #expect(box.kind == .admonition)
        #expect(text(box.title) == "Why held-out data")
        guard box.title.count > 1, case .emphasis = box.title[1].kind else { Issue.record("\(box.title)"); return }
        #expect(box.title[0].location == SourceLocation(line: 7, column: 17))
        #expect(box.classes == ["tip", "wide"])
        #expect(box.blocks.first?.location == SourceLocation(line: 10, column: 1))
    }

    @Test func titleOnANamedKindReplacesTheDefaultAndMathWorksInside() throws {
        let box = try admonition(":::{warning} The KL divergence $D$\nHere $x^2$ and {ref}`fig`.\n:::\n")
        #expect(text(box.title) == "The KL divergence D")
        let block = MarkdownBlock(.admonition(box), at: SourceLocation(line: 1, column: 1))
        let spans = MarkdownParserTests.mathSpans([block])
        #expect(spans.map(\.tex) == ["D", "x^2"])
        #expect(spans.map(\.location) == [SourceLocation(line: 1, column: 33), SourceLocation(line: 2, column: 7)])
        guard case .paragraph(let inlines)? = box.blocks.first?.kind else { Issue.record("\(box.blocks)"); return }
        let roles = inlines.compactMap { if case .role(let role) = $0.kind { role } else { nil } }
        #expect(roles.map(\.name) == ["ref"] && roles.map(\.content) == ["fig"])
    }

    @Test func dropdownIsClosedUnlessOpenAndHasAName() throws {
        let closed = try admonition(":::{dropdown} Derivation\nSteps.\n:::\n")
        #expect(closed.kind == .dropdown)
        #expect(!closed.isOpen)
        #expect(text(closed.title) == "Derivation")
        let open = try admonition("```{dropdown} Derivation\n:open:\n:name: derivation\nSteps.\n```\n")
        #expect(open.isOpen)
        #expect(open.name == "derivation")
    }

    @Test(arguments: [
        // A directive fence inside a colon-fenced note, colon and backtick.
        "::::{note}\nRead this.\n\n:::{fit} kde\nmodel: kde\n:::\n::::\n",
        ":::{note}\nRead this.\n\n```{fit} kde\nmodel: kde\n```\n:::\n",
        "````{note}\nRead this.\n\n```{fit} kde\nmodel: kde\n```\n````\n",
    ])
    func directivesInsideANoteAreFoundWithTheirPositions(markdown: String) throws {
        let document = MarkdownParser.parse("Intro\n\n" + markdown, options: .init(file: "nb.md", lineOffset: 10))
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        let fence = try #require(document.directiveFences.first)
        #expect(document.directiveFences.count == 1)
        #expect(fence.name == "fit")
        #expect(fence.body == "model: kde\n")
        #expect(fence.location == SourceLocation(line: 16, column: 1))
        #expect(fence.labelLocation == SourceLocation(line: 16, column: 10))
        #expect(fence.bodyStart == SourceLocation(line: 17, column: 1))
    }

    @Test func admonitionsNestAndKeepColumnsInsideAListItem() throws {
        let markdown = "- item\n\n  :::::{warning}\n  ::::{dropdown} More\n  Inner $a$.\n  ::::\n  :::::\n"
        let document = MarkdownParser.parse(markdown)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        guard case .list(let list)? = document.blocks.first?.kind,
              case .admonition(let outer)? = list.items.first?.blocks.last?.kind,
              case .admonition(let inner)? = outer.blocks.first?.kind else {
            Issue.record("\(document.blocks)")
            return
        }
        #expect(outer.kind == .warning)
        #expect(inner.kind == .dropdown)
        #expect(text(inner.title) == "More")
        #expect(outer.blocks.first?.location == SourceLocation(line: 4, column: 3))
        let math = MarkdownParserTests.mathSpans(inner.blocks)
        #expect(math.map(\.location) == [SourceLocation(line: 5, column: 10)])
    }

    @Test func mistakesAreErrorsAtTheirPositionWithAFix() {
        let untitled = MarkdownParser.parse("```{admonition}\nBody.\n```\n", options: .init(file: "nb.md"))
        #expect(untitled.diagnostics.map(\.message) == ["{admonition} needs a title"])
        #expect(untitled.diagnostics.first?.location == SourceLocation(line: 1, column: 5))
        let misspelt = MarkdownParser.parse(":::{tip}\n:clas: wide\nBody.\n:::\n", options: .init(file: "nb.md"))
        #expect(misspelt.diagnostics.map(\.message) == ["unknown option ':clas:' for {tip}"])
        #expect(misspelt.diagnostics.first?.fix == "did you mean 'class'?")
        #expect(misspelt.diagnostics.first?.location == SourceLocation(line: 2, column: 1))
        let valued = MarkdownParser.parse(":::{dropdown} D\n:open: yes\n:::\n")
        #expect(valued.diagnostics.map(\.message) == ["':open:' takes no value, found 'yes'"])
    }

    @Test func nestingDeeperThanTheCapIsAnErrorNotACrash() {
        let depth = MySTBlockExpander.maximumNesting + 5
        let opening = (0..<depth).map { String(repeating: ":", count: 3 + depth - $0) + "{note}\n" }.joined()
        let closing = (0..<depth).reversed().map { String(repeating: ":", count: 3 + depth - $0) + "\n" }.joined()
        let document = MarkdownParser.parse(opening + "deep\n" + closing)
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.message.hasPrefix("admonitions nested more than 20 deep") == true)
    }

    @Test func misspeltNamesStayDirectivesForTheRunnerToReport() {
        let document = MarkdownParser.parse(":::{notee}\nx\n:::\n")
        #expect(document.directiveFences.map(\.name) == ["notee"])
        #expect(MySTDirectiveNames.all.contains("seealso") && MySTDirectiveNames.all.contains("dropdown"))
    }
}
