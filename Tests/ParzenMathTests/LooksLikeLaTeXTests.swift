import Testing
@testable import ParzenMath

extension M {
    /// A subscript without superscript: raised from Chromium's shift to TeX's sub1 (see
    /// `MathMLWriter.writeScript`).
    static func sub(_ base: String, _ script: String) -> String {
        "<msub>" + base + "<mpadded voffset=\"0.14em\">" + script + "</mpadded></msub>"
    }

    /// A `\dots` symbol: an inner atom, spaced only by the parser's thin spaces.
    static func dots(_ text: String) -> String { "<mo lspace=\"0em\" rspace=\"0em\">\(text)</mo>" }

    /// A delimiter at one of TeX's fixed sizes, with the margins that undo Chromium's box.
    static func sized(_ text: String, _ form: String, height: String, margin: String) -> String {
        "<mo form=\"\(form)\" fence=\"true\" stretchy=\"true\" symmetric=\"true\" minsize=\"\(height)\" maxsize=\"\(height)\""
            + " style=\"margin:0 \(margin)\">\(text)</mo>"
    }
}

/// The MathML that makes Chromium's rendering look like LaTeX's, one test per defect found side
/// by side with `latex` + `dvipng` (scripts/compare-with-latex.sh on scripts/looks-like-latex.md;
/// what Chromium cannot do is in docs/math-browser-limits.md). The reference is TeX's own rule,
/// cited in each test: The TeXbook's spacing table (p. 170) and appendix G, amsmath, cmex10.
@Suite struct LooksLikeLaTeXTests {
    // MARK: Spacing

    @Test func adjacentRelationsHaveNoSpaceBetweenThem() {
        // TeXbook p. 170: Rel followed by Rel gets no space; each <mo> would bring its own.
        #expect(presentation("x := y")
                == M.row(M.mi("x"), "<mo lspace=\"0.2778em\" rspace=\"0em\">:</mo>", "<mo lspace=\"0em\">=</mo>", M.mi("y")))
        #expect(presentation("a \\rightarrow\\to b")
                == M.row(M.mi("a"), "<mo rspace=\"0em\">→</mo>", "<mo lspace=\"0em\">→</mo>", M.mi("b")))
    }

    @Test func colonIsARelationWithThickSpacesBetweenItsNeighbours() {
        // LaTeX's ':' is \mathrel; the dictionary would space it as punctuation.
        #expect(presentation("G:Z") == M.row(M.mi("G"), "<mo lspace=\"0.2778em\" rspace=\"0.2778em\">:</mo>", M.mi("Z")))
        #expect(presentation("x_{a:b}") == M.sub(M.mi("x"), M.row(M.mi("a"), M.tight(":"), M.mi("b"))))
    }

    @Test func largeOperatorAfterARelationTakesNoSpaceOfItsOwn() {
        // Rel–Op is one thick space, the relation's; the dictionary's thin space before ∫ doubled it.
        #expect(presentation("F = \\intop f", display: true)
                == M.row(M.mi("F"), M.mo("="), "<mo lspace=\"0em\">∫</mo>", M.mi("f")))
        #expect(presentation("a + \\int f") == M.row(M.mi("a"), M.mo("+"), "<mo lspace=\"0em\">∫</mo>", M.mi("f")))
    }

    @Test func dotsBetweenBinaryOperatorsTakeNoOperatorSpace() {
        // \cdots is Inner: Bin–Inner is the binary operator's medium space only.
        #expect(presentation("a + \\cdots = b") == M.row(M.mi("a"), M.mo("+"), M.dots("⋯"), M.mo("="), M.mi("b")))
    }

    @Test func labelsOfExtensibleArrowsAreInScriptStyleWithoutOperatorSpaces() {
        // TeXbook p. 170: no Bin or Rel spaces in script style; amsmath pads the label by 5 and 9 mu.
        let label = M.row("<mspace width=\"0.2778em\"></mspace>", M.row(M.mi("f"), M.tight("+"), M.mi("g")),
                          "<mspace width=\"0.5em\"></mspace>")
        #expect(presentation("\\xrightarrow{f + g}")
                == "<mover><mo form=\"infix\" stretchy=\"true\">→</mo>" + label + "</mover>")
    }

    @Test func binaryOperatorMadeOrdinaryHasNoSpace() {
        // TeXbook rule 5: \cdot after an opening is an Ord; the tutorial writes p(\cdot).
        #expect(presentation("\\delta(\\cdot)")
                == M.row(M.mi("δ"), M.fixed("("), "<mo form=\"prefix\" lspace=\"0em\" rspace=\"0em\">⋅</mo>", M.fixed(")")))
        #expect(presentation("=-x") == M.row(M.mo("="), "<mo form=\"prefix\">−</mo>", M.mi("x")))
        #expect(presentation("\\left(\\cdot\\right)") == M.row(M.flatOpen("("), "<mo lspace=\"0em\" rspace=\"0em\">⋅</mo>", M.flatClose(")")))
    }

    @Test func negativeSpacesPullTheirNeighboursTogether() {
        // Chromium treats a negative <mspace width> as 0; a negative CSS margin does what \! does.
        #expect(presentation("x\\!y") == M.row(M.mi("x"), "<mspace style=\"margin-left:-0.1667em\"></mspace>", M.mi("y")))
    }

    // MARK: Script sizes

    @Test func scriptsStopShrinkingAtScriptscriptSize() {
        // TeX has three sizes only: the fourth level of a tower is still scriptscript.
        #expect(presentation("x^{x^{x^x}}")
                == "<msup><mi>x</mi><msup><mi>x</mi><msup><mi>x</mi><mstyle scriptlevel=\"2\"><mi>x</mi></mstyle></msup></msup></msup>")
    }

    @Test func nestedInlineFractionsStopAtScriptscriptSize() {
        let innermost = "<mfrac><mstyle scriptlevel=\"2\">" + M.mn("1") + "</mstyle><mstyle scriptlevel=\"2\">" + M.mi("x") + "</mstyle></mfrac>"
        #expect(presentation("\\frac{1}{1+\\frac{1}{1+\\frac{1}{x}}}").hasSuffix(M.tight("+") + innermost + "</mrow></mfrac></mrow></mfrac>"))
    }

    @Test func rootIndexInAScriptIsHeldAtScriptscriptSize() {
        // MathML puts the index two levels down; TeX sets it in scriptscript style.
        #expect(presentation("\\sqrt[n]{y}") == "<mroot>" + M.mi("y") + M.mi("n") + "</mroot>")
        #expect(presentation("x^{\\sqrt[n]{y}}")
                == "<msup><mi>x</mi><mroot>" + M.mi("y") + "<mstyle scriptlevel=\"2\">" + M.mi("n") + "</mstyle></mroot></msup>")
    }

    // MARK: Subscripts, primes, stacked labels

    @Test func nestedSubscriptsDoNotFormAStaircase() {
        // TeXbook rule 18a: a character base's depth does not push its subscript down.
        let inner = "<msub><mpadded depth=\"0\"><mi>p</mi></mpadded><mpadded voffset=\"0.14em\"><mtext>data</mtext></mpadded></msub>"
        #expect(presentation("\\mathbb{E}_{p_{\\text{data}}}") == M.sub(M.mi("𝔼"), inner))
    }

    @Test func subscriptOverAFractionIsNotRaised() {
        // A tall subscript's own height decides its shift in TeX as in Chromium.
        #expect(presentation("x_{\\frac{a}{b}}")
                == "<msub>" + M.mi("x") + "<mfrac>" + M.mi("a") + M.mi("b") + "</mfrac></msub>")
    }

    @Test func primeStaysWithItsBaseBeforeASuperscript() {
        let prime = "<mo lspace=\"0em\" rspace=\"0em\">′</mo>"
        #expect(presentation("x'^2") == "<msup>" + M.row(M.mi("x"), prime) + M.mn("2") + "</msup>")
    }

    @Test func stackrelLabelSitsCloseAboveItsRelation() {
        // \stackrel is \mathop\limits: big_op_spacing1 (0.111 em) under the label.
        let label = "<mpadded voffset=\"-0.25em\">" + M.sub(M.mi("G"), M.mi("θ")) + "</mpadded>"
        #expect(presentation("z \\stackrel{G_\\theta}{\\mapsto} x")
                == M.row(M.mi("z"), "<mover><mo form=\"infix\">↦</mo>" + label + "</mover>", M.mi("x")))
    }

    // MARK: Delimiters

    @Test func consecutiveSizedDelimitersTouch() {
        let open = M.sized("(", "prefix", height: "1.8em", margin: "-0.139em")
        let close = M.sized(")", "postfix", height: "1.8em", margin: "-0.139em")
        #expect(presentation("\\Bigl(\\Bigl( x \\Bigr)\\Bigr)") == M.row(open, open, M.mi("x"), close, close))
    }

    @Test func binomialParenthesesTakeTheSizeOfTheStyleNotOfTheParts() {
        // TeX's delim2 (10.1 pt: the 12 pt parenthesis) in text style, delim1 (23.9 pt: 24 pt) in display.
        let html = presentation("\\tbinom{n}{k} \\dbinom{n}{k}", display: true)
        #expect(html.contains("<mstyle displaystyle=\"false\" scriptlevel=\"0\"><mrow>"
                              + M.sized("(", "prefix", height: "1.2em", margin: "-0.208em")))
        #expect(html.contains("<mstyle displaystyle=\"true\" scriptlevel=\"0\"><mrow>"
                              + M.sized("(", "prefix", height: "2.4em", margin: "-0.070em")))
    }

    @Test func delimiterMarginsCoverEveryBigSize() {
        #expect(DelimiterMargins.heights.map { DelimiterMargins.margin(of: "(", height: $0) } == ["-0.208em", "-0.139em", "-0.070em", nil])
        #expect(DelimiterMargins.margin(of: "|", height: "1.2em") == nil)
    }

    // MARK: Accents

    @Test func fixedAccentsAreSmallCentredMarks() {
        #expect(presentation("\\tilde x")
                == "<mover accent=\"true\">" + M.mi("x") + "<mo stretchy=\"false\">˜</mo></mover>")
        #expect(presentation("\\hat\\theta")
                == "<mover accent=\"true\">" + M.mi("θ") + "<mo stretchy=\"false\">ˆ</mo></mover>")
    }

    // MARK: Alignment

    @Test func alignatKeepsItsPairsTogether() {
        let html = presentation("\\begin{alignat}{2} a &= b & c &= d \\end{alignat}", display: true)
        #expect(html.contains("<mo form=\"infix\">=</mo>" + M.mi("b") + "</mtd><mtd style=\"text-align:right;text-align:-webkit-right;padding:0.15em 0 0.15em 0\">"
                              + M.mi("c")))
    }

    @Test func flalignPutsItsPairsAgainstTheMargins() {
        let html = presentation("\\begin{flalign} a &= b & c &= d \\end{flalign}", display: true)
        #expect(html.hasPrefix("<mtable displaystyle=\"true\" style=\"width:100%\"><mtr><mtd style=\"width:0;padding:0\"></mtd>"))
        #expect(html.contains("</mtd><mtd style=\"width:100%;padding:0\"></mtd><mtd"))
        #expect(html.contains("<mtd style=\"width:0;padding:0 0 0 1em;text-align:right;text-align:-webkit-right\"><mtext>(1)</mtext></mtd>"))
    }

    @Test func rowStrutDoesNotChangeTheFormOfALeadingMinus() {
        // MathML infers prefix only for a first child: the strut goes after `-x`.
        let strut = "<mspace height=\"1.008em\" depth=\"0.432em\"></mspace>"
        #expect(presentation("\\begin{cases} -x & y \\end{cases}").contains(M.mo("−") + M.mi("x") + strut + "</mtd>"))
    }

    @Test func columnPairSpreadIsAnEqualShareOfTheLine() {
        // Three pairs: two margins and two gaps, a quarter each.
        let html = presentation("\\begin{align*} a&=b & c&=d & e&=f \\end{align*}", display: true)
        #expect(html.components(separatedBy: "<mtd style=\"width:25%;padding:0\"></mtd>").count - 1 == 3)
        #expect(html.contains("<mtd style=\"width:25%;padding:0;text-align:right;text-align:-webkit-right\"></mtd>"))
    }
}
