import Testing
@testable import ParzenFormat

/// MyST `{math}` (with `:label:`) and `{code-block}`: read by the parser into display math and
/// code blocks, with TeX positions mapped into the notebook.
struct MySTMathAndCodeTests {
    static func displayMath(_ block: MarkdownBlock?) -> MathSpan? {
        if case .displayMath(let math)? = block?.kind { math } else { nil }
    }

    @Test func mathWithALabelIsDisplayMathEndingInLabel() throws {
        let document = MarkdownParser.parse("Intro\n\n```{math}\n:label: eq-kl\nD = \\int p \\log \\frac{p}{q}\n```\n",
                                            options: .init(lineOffset: 3))
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        let math = try #require(Self.displayMath(document.blocks.last))
        #expect(math.tex == "\\begin{equation}\nD = \\int p \\log \\frac{p}{q}\n\\label{eq-kl}\\end{equation}")
        #expect(math.isDisplay)
        // The added `\begin` maps to the fence, `\int` to column 5 of line 8, the label's name
        // to the option's value.
        #expect(math.location == SourceLocation(line: 6, column: 1))
        let tex = Array(math.tex.utf8)
        let int = try #require(math.tex.range(of: "\\int")).lowerBound.utf16Offset(in: math.tex)
        #expect(math.location(ofUTF8Offset: int) == SourceLocation(line: 8, column: 5))
        let name = try #require(math.tex.range(of: "eq-kl")).lowerBound.utf16Offset(in: math.tex)
        #expect(math.location(ofUTF8Offset: name + 3) == SourceLocation(line: 7, column: 12))
        #expect(tex.count == math.tex.utf8.count)
    }

    @Test func labelledRowsAreSplitInsideTheEquation() throws {
        let document = MarkdownParser.parse(":::{math}\n:label: eq-rows\na &= b \\\\\nc &= d\n:::\n")
        let math = try #require(Self.displayMath(document.blocks.first))
        #expect(math.tex == "\\begin{equation}\\begin{split}\na &= b \\\\\nc &= d\n"
            + "\\end{split}\\label{eq-rows}\\end{equation}")
    }

    @Test func multiLineMathInAColonFenceKeepsItsLines() throws {
        let document = MarkdownParser.parse("- x\n\n  :::{math}\n  a &= b \\\\\n  c &= d\n  :::\n")
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        guard case .list(let list)? = document.blocks.first?.kind else { Issue.record("\(document.blocks)"); return }
        let math = try #require(Self.displayMath(list.items.first?.blocks.last))
        #expect(math.tex == "a &= b \\\\\nc &= d")
        #expect(math.location(ofUTF8Offset: 10) == SourceLocation(line: 5, column: 3))
    }

    @Test func mathMistakesAreErrorsAtTheirLine() {
        let argument = MarkdownParser.parse("```{math} eq-kl\nx\n```\n")
        #expect(argument.diagnostics.map(\.message) == ["{math} takes no argument, found 'eq-kl'"])
        #expect(argument.diagnostics.first?.fix
            == "give the equation's label as ':label: eq-kl' on the line after the fence")
        let badLabel = MarkdownParser.parse("```{math}\n:label: a}b\nx\n```\n")
        #expect(badLabel.diagnostics.first?.location == SourceLocation(line: 2, column: 9))
        let misspelt = MarkdownParser.parse("```{math}\n:lable: a\nx\n```\n")
        #expect(misspelt.diagnostics.map(\.fix) == ["did you mean 'label'?"])
    }

    @Test func codeBlockHasItsLanguageAndRejectsSphinxOptions() {
        let document = MarkdownParser.parse("```{code-block} python\nprint(1)\n```\n\n:::{code}\n:linenos:\nx\n:::\n")
        #expect(document.blocks.map(\.kind)
            == [.codeBlock(info: "python", text: "print(1)\n"), .codeBlock(info: "", text: "x\n")])
        #expect(document.diagnostics.map(\.message) == ["unknown option ':linenos:' for {code}"])
        #expect(document.diagnostics.first?.location == SourceLocation(line: 6, column: 1))
        #expect(document.directiveFences.isEmpty)
    }
}
