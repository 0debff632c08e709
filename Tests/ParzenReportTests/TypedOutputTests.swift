import Foundation
import ParzenFormat
import ParzenReport
import ParzenRunner
import Testing

/// The typed middle: directives return values, the HTML writer renders them, and nothing a
/// directive or the data says is parsed as Markdown again.
@Suite struct TypedOutputTests {
    private func render(_ text: String, files: [String: String] = [:]) throws -> NotebookBuild {
        let path = try temporaryNotebook(text)
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for (name, content) in files {
            try content.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return ReportBuilder(registry: StandardDirectives.registry, allowOutside: false).build(path: path, checkOnly: false)
    }

    /// Found by a new user: the caption was re-parsed with every hook on and rendered itself
    /// until the stack overflowed.
    @Test func captionThatIsADirectiveFenceIsShownAsText() throws {
        let notebook = """
            ```{data} d
            values: [1, 2, 3, 4]
            ```

            ```{plot} p
            data: d
            caption: "```{plot} p\\ndata: d\\n```"
            ```

            """
        let result = try render(notebook)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty)
        let html = try #require(result.bodyHTML)
        #expect(html.contains("<span class=\"figure-number\">Figure 1.</span> ```{plot} p\ndata: d\n```</figcaption>"))
        #expect(html.components(separatedBy: "<figure").count == 2)
    }

    @Test func captionKeepsInlineMarkdownAndMath() throws {
        let result = try render("```{data} d\nvalues: [1, 2, 3]\n```\n\n```{plot} p\ndata: d\ncaption: \"*Three* points, $x_i$.\"\n```\n")
        let html = try #require(result.bodyHTML)
        #expect(html.contains("<em>Three</em> points, <math"))
        #expect(result.diagnostics.isEmpty)
    }

    /// A column name is data: it is shown as code, never read as Markdown or HTML.
    @Test func columnNamesReachThePageAsText() throws {
        let csv = "\"a*b* <img src=x onerror=alert(1)>\n\n`x`\"\n1\n2\n3\n"
        let result = try render("```{data} d\nsource: t.csv\n```\n", files: ["t.csv": csv])
        let html = try #require(result.bodyHTML)
        #expect(!html.contains("<img"))
        #expect(html.contains("<code>a*b* &lt;img src=x onerror=alert(1)&gt;\n\n`x`</code>"))
    }

    /// Derivations a directive inserts are numbered D1, D2, … so the author's equations
    /// keep the numbers the author sees in the source.
    @Test func derivationsDoNotTakeTheAuthorsEquationNumbers() throws {
        let notebook = """
            $$\\begin{equation}a\\label{first}\\end{equation}$$

            ```{data} d
            generate: {gaussian: {mean: 0, sd: 1}}
            n: 200
            holdout: 0.25
            ```

            ```{fit} g
            data: d
            model: gaussian
            ```

            ```{fit} k
            data: d
            model: kde
            ```

            ```{compare} c
            models: [g, k]
            ```

            $$\\begin{equation}b\\label{second}\\end{equation}$$

            See \\eqref{first}, \\eqref{second} and \\eqref{eq:c}; {ref}`eq:c` too.

            """
        let result = try render(notebook)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let html = try #require(result.bodyHTML)
        #expect(html.contains("<a class=\"eqref\" href=\"#eqn-first\">(1)</a>"))
        #expect(html.contains("<a class=\"eqref\" href=\"#eqn-second\">(2)</a>"))
        #expect(html.contains("<a class=\"eqref\" href=\"#eqn-eq:c\">(D1)</a>"))
        #expect(html.contains("<a class=\"equation-ref\" href=\"#eqn-eq:c\">Equation (D1)</a>"))
    }
}

/// Found by the fuzzer (issue 16): prose holding U+E000, twenty digits, U+E001 trapped on an
/// overflow when references were private-use placeholders patched into the page. With the
/// reference table there are no placeholders: the characters are the author's text.
@Suite struct ReferencePlaceholderOverflowTests {
    @Test func referencePlaceholderOverflow() throws {
        let text = "See \u{E000}" + String(repeating: "9", count: 20) + "\u{E001} and \u{E000}0\u{E001}.\n"
        let result = try build(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.bodyHTML == "<p>" + text.dropLast() + "</p>\n")
    }
}

/// Headings accept `{#id}` and are cited like figures and equations.
@Suite struct HeadingReferenceTests {
    @Test func explicitIDIsTheAnchorAndTheTitleIsTheCitation() throws {
        let result = try build("## Setting up {#sec-setup}\n\nAs in {ref}`sec-setup` and {ref}`later`.\n\n## Later\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let html = try #require(result.bodyHTML)
        #expect(html.contains("<h2 id=\"sec-setup\">Setting up</h2>"))
        #expect(html.contains("<a class=\"section-ref\" href=\"#sec-setup\">Setting up</a>"))
        #expect(html.contains("<a class=\"section-ref\" href=\"#later\">Later</a>"))
    }

    @Test func misspeltSectionLabelIsAnErrorWithADidYouMean() throws {
        let result = try build("## Setting up {#sec-setup}\n\nSee {ref}`sec-setp`.\n")
        #expect(result.diagnostics.map(\.text) == ["reference to undefined label 'sec-setp'; did you mean 'sec-setup'?"])
    }
}

/// Issue 16: `next:`/`previous:` were written verbatim, so `javascript:` there ran on click.
@Suite struct ScriptLinkInFrontMatterTests {
    @Test func nextLinkWithJavaScriptIsLeftOutWithAWarning() throws {
        let result = try build("---\ntitle: T\nnext: \"javascript:alert(1)\"\nprevious: {href: \"JaVaScRiPt:x\", title: P}\n---\n\nText.\n")
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.severity.rawValue)" } == ["3:7 warning", "4:18 warning"])
        #expect(result.frontMatter.next == nil && result.frontMatter.previous == nil)
    }
}

/// Derivations and figures are numbered once, by declaration: an unlabelled `{compare}` (which
/// writes a derivation no one can cite) used to be counted by the writer but not by the table,
/// so the labelled one after it was tagged (D2) on the page and cited as (D1).
@Suite struct DeclarationNumberingTests {
    @Test func anUnlabelledDerivationBeforeALabelledOneKeepsTagsAndCitationsInStep() throws {
        let notebook = """
            ```{data} d
            generate: {gaussian: {mean: 0, sd: 1}}
            n: 120
            holdout: 0.25
            ```

            ```{fit} g
            data: d
            model: gaussian
            ```

            ```{fit} k
            data: d
            model: kde
            ```

            ```{compare}
            models: [g, k]
            ```

            ```{compare} second
            models: [k, g]
            ```

            The second derivation is \\eqref{eq:second}.

            """
        let path = try temporaryNotebook(notebook)
        let result = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false).build(path: path, checkOnly: false)
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics)")
        let html = try #require(result.bodyHTML)
        #expect(html.contains("<mtext>(D1)</mtext>") && html.contains("<mtext>(D2)</mtext>"))
        #expect(html.contains("<a class=\"eqref\" href=\"#eqn-eq:second\">(D2)</a>"))
    }
}
