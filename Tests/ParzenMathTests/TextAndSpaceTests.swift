import Testing
@testable import ParzenMath

/// `\text` and friends, explicit spaces, styles and colours.
@Suite struct TextAndSpaceTests {
    @Test func textIsMtextWithEdgeSpacesKept() {
        #expect(presentation("\\text{otherwise}") == "<mtext>otherwise</mtext>")
        #expect(presentation("\\text{ if }") == "<mtext>\u{00A0}if\u{00A0}</mtext>")
    }

    @Test func mathInsideText() {
        #expect(presentation("\\text{for $i>0$}")
                == M.row("<mtext>for\u{00A0}</mtext>", M.row(M.mi("i"), M.mo("&gt;"), M.mn("0"))))
    }

    @Test func textbfIsBoldText() {
        #expect(presentation("\\textbf{a}") == "<mtext style=\"font-weight:bold\">a</mtext>")
    }

    @Test func textEscapesMarkup() {
        #expect(presentation("\\text{a<b \\& c}") == "<mtext>a&lt;b &amp; c</mtext>")
    }

    /// TeX's text-mode names for the characters that are special in math: a formula kernel
    /// such as `1/(1+x^2)` is shown inside `\text` through them.
    @Test func textModeSymbolsForSpecialCharacters() {
        #expect(presentation("\\text{x\\textasciicircum 2 \\textbackslash\\ \\textasciitilde}") == "<mtext>x^2 \\ ~</mtext>")
    }

    @Test func spacesAreMspaces() {
        #expect(presentation("a\\,b\\;c\\quad d\\qquad e\\ f\\!g")
                == M.row(M.mi("a"), "<mspace width=\"0.1667em\"></mspace>", M.mi("b"), "<mspace width=\"0.2778em\"></mspace>",
                         M.mi("c"), "<mspace width=\"1em\"></mspace>", M.mi("d"), "<mspace width=\"2em\"></mspace>",
                         M.mi("e"), "<mspace width=\"0.3333em\"></mspace>", M.mi("f"), "<mspace style=\"margin-left:-0.1667em\"></mspace>", M.mi("g")))
    }

    @Test func hspaceConvertsUnitsToEm() {
        // 18 mu = 1 em; 10 pt = 1 em at TeX's 10 pt.
        #expect(presentation("\\hspace{5pt}") == "<mspace width=\"0.5em\"></mspace>")
        #expect(presentation("\\mkern9mu") == "<mspace width=\"0.5em\"></mspace>")
    }

    @Test func displaystyleActsToTheEndOfTheGroup() {
        #expect(presentation("a{\\displaystyle b c}d")
                == M.row(M.mi("a"), "<mstyle displaystyle=\"true\" scriptlevel=\"0\">" + M.row(M.mi("b"), M.mi("c")) + "</mstyle>", M.mi("d")))
    }

    @Test func colorAndTextcolor() {
        #expect(presentation("\\color{red}x") == "<mstyle mathcolor=\"red\">" + M.mi("x") + "</mstyle>")
        #expect(presentation("\\textcolor[HTML]{FF0000}{x}y") == M.row("<mstyle mathcolor=\"#FF0000\">" + M.mi("x") + "</mstyle>", M.mi("y")))
    }

    @Test func unsupportedColorIsIgnoredWithAWarning() {
        let result = MathDocument(macros: [:]).typeset("\\color{red!50}x", display: false, origin: 1)
        #expect(result.html.contains("<semantics><mi>x</mi><annotation"))
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.diagnostics.first?.offset == 0)
    }

    @Test func phantomKeepsTheSpace() {
        #expect(presentation("\\phantom{x}") == "<mphantom>" + M.mi("x") + "</mphantom>")
    }
}
