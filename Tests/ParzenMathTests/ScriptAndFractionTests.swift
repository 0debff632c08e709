import Testing
@testable import ParzenMath

/// Sub- and superscripts, primes, fractions, binomials and radicals.
@Suite struct ScriptAndFractionTests {
    @Test func subscriptSuperscriptAndBoth() {
        #expect(presentation("x_i") == M.sub(M.mi("x"), M.mi("i")))
        #expect(presentation("x^2") == "<msup>" + M.mi("x") + M.mn("2") + "</msup>")
        #expect(presentation("x_i^2") == "<msubsup>" + M.mi("x") + M.mi("i") + M.mn("2") + "</msubsup>")
        #expect(presentation("x^2_i") == "<msubsup>" + M.mi("x") + M.mi("i") + M.mn("2") + "</msubsup>")
    }

    @Test func scriptWithoutBracesTakesOneDigit() {
        #expect(presentation("x^23") == M.row("<msup>" + M.mi("x") + M.mn("2") + "</msup>", M.mn("3")))
    }

    @Test func loneOperatorInScriptHasNoSpace() {
        #expect(presentation("\\theta^{\\star}") == "<msup>" + M.mi("θ") + "<mo lspace=\"0em\" rspace=\"0em\">⋆</mo></msup>")
    }

    @Test func primesFollowTheirBaseAndJoinOtherScripts() {
        let prime = "<mo lspace=\"0em\" rspace=\"0em\">′</mo>"
        #expect(presentation("f'") == M.row(M.mi("f"), prime))
        #expect(presentation("f''(x)") == M.row(M.row(M.mi("f"), "<mo lspace=\"0em\" rspace=\"0em\">″</mo>"), M.fixed("("), M.mi("x"), M.fixed(")")))
        // A prime stays with its base at full size; other scripts follow it (see MathMLWriter).
        #expect(presentation("f'^2") == "<msup>" + M.row(M.mi("f"), prime) + M.mn("2") + "</msup>")
        #expect(presentation("f_i'") == M.sub(M.row(M.mi("f"), prime), M.mi("i")))
    }

    @Test func emptyBaseBeforeScripts() {
        #expect(presentation("{}^2") == "<msup><mrow></mrow>" + M.mn("2") + "</msup>")
    }

    @Test func fractionAndShortFormArguments() {
        #expect(presentation("\\frac{1}{N}") == "<mfrac>" + M.mn("1") + M.mi("N") + "</mfrac>")
        #expect(presentation("\\frac12") == "<mfrac>" + M.mn("1") + M.mn("2") + "</mfrac>")
    }

    @Test func dfracAndTfracSetTheStyle() {
        #expect(presentation("\\dfrac{a}{b}") == "<mstyle displaystyle=\"true\" scriptlevel=\"0\"><mfrac>" + M.mi("a") + M.mi("b") + "</mfrac></mstyle>")
        #expect(presentation("\\tfrac{a}{b}") == "<mstyle displaystyle=\"false\" scriptlevel=\"0\"><mfrac>" + M.mi("a") + M.mi("b") + "</mfrac></mstyle>")
    }

    @Test func binomialIsAFractionWithoutRuleInParentheses() {
        // TeX's delim2 size in text style: the 1.2 em parenthesis, at its own width (see DelimiterMargins).
        let size = "stretchy=\"true\" symmetric=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\" style=\"margin:0 -0.208em\""
        let open = "<mo form=\"prefix\" fence=\"true\" \(size)>(</mo>"
        let close = "<mo form=\"postfix\" fence=\"true\" \(size)>)</mo>"
        #expect(presentation("\\binom{n}{k}") == M.row(open, "<mfrac linethickness=\"0\">" + M.mi("n") + M.mi("k") + "</mfrac>", close))
    }

    @Test func squareAndNthRoots() {
        #expect(presentation("\\sqrt{x}") == "<msqrt>" + M.mi("x") + "</msqrt>")
        #expect(presentation("\\sqrt[3]{x}") == "<mroot>" + M.mi("x") + M.mn("3") + "</mroot>")
    }

    @Test func doubleSuperscriptIsAnError() {
        let result = MathDocument(macros: [:]).typeset("x^a^b", display: false, origin: 4)
        #expect(result.html.contains("<merror>"))
        #expect(result.diagnostics == [MathDiagnostic(severity: .error, message: "double superscript", fix: "group them: x^{ab}", origin: 4, offset: 3)])
    }
}
