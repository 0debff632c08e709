import Foundation
import ParzenFormat
import ParzenReport
import ParzenRunner
import Testing

@Suite struct ReportBuilderTests {
    @Test func directiveOutputRolesAndMathInterleave() throws {
        let result = try build("""
        ---
        title: T
        ---
        # Intro

        Before.

        ```{echo} e
        value: 0.25
        ```

        The value was {value}`e.value` and its name {value}`e.name`.
        """)
        #expect(result.diagnostics.isEmpty)
        let html = try #require(result.bodyHTML)
        #expect(html.contains("<div class=\"directive directive-echo directive-result\" id=\"e\">"))
        #expect(html.contains("<td class=\"number\">0.25</td>"))
        #expect(html.contains("<span class=\"value\">0.25</span>"))
        #expect(html.contains("<span class=\"value\">&lt;b&gt;&amp;&lt;/b&gt;</span>"))
        #expect(html.contains("<math"))
        #expect(html.range(of: "Before.")!.lowerBound < html.range(of: "directive-echo")!.lowerBound)
    }

    @Test func failingDirectiveShowsAnErrorBoxAndTheRestStillRuns() throws {
        let result = try build("""
        ```{echo} bad
        value: 1
        fail: true
        ```

        ```{echo} good
        value: 2
        ```
        """)
        #expect(result.hasErrors)
        #expect(result.diagnostics.map(\.text) == ["echo failed as asked"])
        #expect(result.diagnostics[0].location == SourceLocation(line: 3, column: 7))
        let html = try #require(result.bodyHTML)
        #expect(html.contains("directive-error"))
        #expect(html.contains("echo failed as asked"))
        #expect(html.contains("<td class=\"number\">2</td>"))
    }

    @Test func expectedErrorIsShownAsIntended() throws {
        let result = try build("```{echo} bad\nvalue: 1\nfail: true\nexpect: error\n```\n")
        #expect(!result.hasErrors)
        #expect(result.bodyHTML?.contains("Refused, as intended:</span> echo failed as asked") == true)
    }

    @Test func unknownValueRoleIsAnErrorAtItsPosition() throws {
        let result = try build("```{echo} e\nvalue: 1\n```\n\nSee {value}`e.valeu` and {value}`f.value`.\n")
        #expect(result.diagnostics.map(\.description).sorted() == [
            "\(result.path):5:13: error: 'e' has no value 'valeu'; did you mean 'value'?",
            "\(result.path):5:34: error: no result labelled 'f'; did you mean 'e'?",
        ].sorted())
    }

    @Test func valueRoleTakesDigits() throws {
        let result = try build("```{echo} e\nvalue: 3.14159265\n```\n\n{value}`e.value:7`\n")
        #expect(result.bodyHTML?.contains("<span class=\"value\">3.141593</span>") == true)
    }

    @Test func figuresAreNumberedAndReferencable() throws {
        let result = try build("See {ref}`b`.\n\n```{echo} a\nvalue: 1\ncaption: First\n```\n\n```{echo} b\nvalue: 2\ncaption: Second *one*\n```\n")
        #expect(result.diagnostics.isEmpty)
        let html = try #require(result.bodyHTML)
        #expect(html.contains("<a class=\"figure-ref\" href=\"#figure-b\">Figure 2</a>"))
        #expect(html.contains("<span class=\"figure-number\">Figure 1.</span> First"))
        #expect(html.contains("<span class=\"figure-number\">Figure 2.</span> Second <em>one</em>"))
    }

    @Test func checkModeValidatesWithoutRunning() throws {
        let result = try build("```{echo} e\nvalue: 1\nfail: true\n```\n\n```{echo} f\nvalu: 1\n```\n", checkOnly: true)
        #expect(result.bodyHTML == nil)
        #expect(result.diagnostics.map(\.text) == [
            "{echo} needs the option 'value' (a number); add a line 'value: …' to its body",  // at the fence, line 6
            "unknown option 'valu' for {echo}; did you mean 'value'?",  // line 7
        ])
    }

    @Test func diagnosticsAreSortedByPosition() throws {
        let result = try build("---\ntitel: x\n---\n```{echo} e\nvalue: x\n```\n")
        #expect(result.diagnostics.map { $0.location.line } == [2, 5])
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let text = "---\ntitle: T\nseed: 3\n---\n# A\n\n$$\\begin{equation}x^2\\label{e}\\end{equation}$$\n\n```{echo} e\nvalue: 1\n```\n\nSee \\eqref{e}.\n"
        let templates = try Templates(folder: Repository.templates)
        let pages = try (0..<2).map { _ in Site(builds: [try build(text)], templates: templates).pages().map(\.html) }
        // Different temporary folders, same file name: pages must not depend on the path.
        #expect(pages[0] == pages[1])
    }
}

@Suite struct CheckModeReferenceTests {
    @Test func referencesToWhatDirectivesWouldMakeAreNotFlagged() throws {
        let result = try build("See {ref}`e`.\n\n```{echo} e\nvalue: 1\ncaption: c\n```\n", checkOnly: true)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func unknownLabelIsTheSameErrorInCheckAndRender() throws {
        let text = "See {ref}`nothing` and \\eqref{eq:e}.\n\n```{echo} e\nvalue: 1\ncaption: c\n```\n"
        let expected = ["1:11 reference to undefined label 'nothing'; the labels on this page are: e",
                        "1:24 reference to undefined label 'eq:e'; the labels on this page are: e"]
        for checkOnly in [true, false] {
            let result = try build(text, checkOnly: checkOnly)
            #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.text)" } == expected)
        }
    }

    @Test func duplicateEquationLabelIsAnErrorNamingBothPlaces() throws {
        let text = "$$\\begin{equation}a\\label{x}\\end{equation}$$\n\n$$\nb \\tag{B}\\label{x}\n$$\n"
        for checkOnly in [true, false] {
            let result = try build(text, checkOnly: checkOnly)
            let file = result.diagnostics.first?.file ?? "?"
            #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.text)" } == [
                "4:10 label 'x' is defined twice; references go to its first definition (first at \(file):1:20); "
                    + "rename one of the two, e.g. '\\label{x-2}', and the references meant for it",
            ])
        }
    }
}
