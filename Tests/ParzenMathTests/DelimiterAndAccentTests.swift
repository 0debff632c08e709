import Testing
@testable import ParzenMath

/// `\left…\right`, `\middle`, `\big` sizes, accents, braces and stacked material.
@Suite struct DelimiterAndAccentTests {
    @Test func leftRightAroundAFractionStretches() {
        let fraction = "<mfrac>" + M.mi("a") + M.mi("b") + "</mfrac>"
        #expect(presentation("\\left(\\frac{a}{b}\\right)") == M.row(M.open("("), fraction, M.close(")")))
    }

    @Test func leftRightAroundFlatContentKeepsTheNormalGlyph() {
        // TeX picks the ordinary "(" for \left(x_i^2\right); so does Parzen.
        #expect(presentation("\\left(x_i^2\\right)")
                == M.row(M.flatOpen("("), "<msubsup>" + M.mi("x") + M.mi("i") + M.mn("2") + "</msubsup>", M.flatClose(")")))
    }

    @Test func displaySumInsideFencesMakesThemStretch() {
        let html = presentation("\\left(\\sum_i x_i\\right)", display: true)
        #expect(html.hasPrefix("<mrow>" + M.open("(")))
        #expect(!presentation("\\left(\\sum_i x_i\\right)").contains("stretchy=\"true\""))
    }

    @Test func leftDotLeavesOutTheFence() {
        #expect(presentation("\\left.\\frac{a}{b}\\right|") == M.row("<mfrac>" + M.mi("a") + M.mi("b") + "</mfrac>", M.close("|")))
    }

    @Test func middleStretchesWithoutSpaces() {
        let middle = "<mo form=\"infix\" stretchy=\"true\" lspace=\"0em\" rspace=\"0em\">|</mo>"
        let fraction = "<mfrac>" + M.mi("a") + M.mi("b") + "</mfrac>"
        #expect(presentation("\\left(\\frac{a}{b}\\middle|b\\right)") == M.row(M.open("("), fraction, middle, M.mi("b"), M.close(")")))
    }

    @Test func angleBracketsAndBraces() {
        #expect(presentation("\\left\\langle x\\right\\rangle") == M.row(M.flatOpen("⟨"), M.mi("x"), M.flatClose("⟩")))
        #expect(presentation("\\left\\{x\\right\\}") == M.row(M.flatOpen("{"), M.mi("x"), M.flatClose("}")))
    }

    @Test func bigSizesAreFixedHeights() {
        // cmex10's 12, 18, 24 and 30 pt variants; the margins undo Chromium's widest-variant box
        // (DelimiterMargins); \\big without l/r is an ordinary symbol, without spaces.
        #expect(presentation("\\big(") == "<mo stretchy=\"true\" symmetric=\"true\" lspace=\"0em\" rspace=\"0em\" minsize=\"1.2em\" maxsize=\"1.2em\" style=\"margin:0 -0.208em\">(</mo>")
        #expect(presentation("\\Bigl[") == "<mo form=\"prefix\" fence=\"true\" stretchy=\"true\" symmetric=\"true\" minsize=\"1.8em\" maxsize=\"1.8em\" style=\"margin:0 -0.098em\">[</mo>")
        #expect(presentation("\\biggr)") == "<mo form=\"postfix\" fence=\"true\" stretchy=\"true\" symmetric=\"true\" minsize=\"2.4em\" maxsize=\"2.4em\" style=\"margin:0 -0.070em\">)</mo>")
        #expect(presentation("\\Biggm|") == "<mo form=\"infix\" stretchy=\"true\" symmetric=\"true\" minsize=\"3em\" maxsize=\"3em\">|</mo>")
    }

    @Test func accentsAreOversWithAccentTrue() {
        // Fixed accents are spacing marks, wide ones combining marks (see AccentCommands).
        #expect(presentation("\\hat x") == "<mover accent=\"true\">" + M.mi("x") + "<mo stretchy=\"false\">\u{2C6}</mo></mover>")
        #expect(presentation("\\widehat{xy}") == "<mover accent=\"true\">" + M.row(M.mi("x"), M.mi("y")) + "<mo stretchy=\"true\">\u{302}</mo></mover>")
        #expect(presentation("\\bar x") == "<mover accent=\"true\">" + M.mi("x") + "<mo stretchy=\"false\">¯</mo></mover>")
        #expect(presentation("\\vec v") == "<mover accent=\"true\">" + M.mi("v") + "<mo stretchy=\"false\" mathsize=\"60%\">→</mo></mover>")
        #expect(presentation("\\ddot x") == "<mover accent=\"true\">" + M.mi("x") + "<mo stretchy=\"false\">¨</mo></mover>")
        #expect(presentation("\\overline{x}") == "<mover accent=\"true\">" + M.mi("x") + "<mo stretchy=\"true\">‾</mo></mover>")
        #expect(presentation("\\widetilde{x}") == "<mover accent=\"true\">" + M.mi("x") + "<mo stretchy=\"true\">\u{303}</mo></mover>")
    }

    @Test func underbraceTakesItsLabelAsALimit() {
        #expect(presentation("\\underbrace{a+b}_{n}")
                == "<munder><munder>" + M.row(M.mi("a"), M.mo("+"), M.mi("b")) + "<mo stretchy=\"true\">⏟</mo></munder>" + M.mi("n") + "</munder>")
        #expect(presentation("\\overbrace{a}^{n}")
                == "<mover><mover>" + M.mi("a") + "<mo stretchy=\"true\">⏞</mo></mover>" + M.mi("n") + "</mover>")
    }

    @Test func oversetUndersetAndStackrel() {
        let question = "<mo lspace=\"0em\" rspace=\"0em\">?</mo>"
        // The stacked relation keeps its infix spacing (Chromium would look up ∼ as prefix).
        let infix = { (text: String) in "<mo form=\"infix\">\(text)</mo>" }
        // The label's ink moves down to TeX's gap (see MathMLWriter, `.stack`).
        let lowered = { (label: String) in "<mpadded voffset=\"-0.25em\">\(label)</mpadded>" }
        #expect(presentation("\\overset{?}{=}") == "<mover>" + infix("=") + lowered(question) + "</mover>")
        #expect(presentation("x\\overset{\\text{iid}}{\\sim}q") == M.row(M.mi("x"), "<mover>" + infix("∼") + lowered("<mtext>iid</mtext>") + "</mover>", M.mi("q")))
        #expect(presentation("\\underset{x}{\\max}") == "<munder>" + M.row(M.mi("max"), M.apply) + M.mi("x") + "</munder>")
        #expect(presentation("a\\stackrel{?}{>}b") == M.row(M.mi("a"), "<mover>" + infix("&gt;") + lowered(question) + "</mover>", M.mi("b")))
    }

    @Test func xrightarrowStretchesOverItsLabel() {
        // amsmath pads the label by 5 mu and 9 mu, so the arrow reaches beyond it.
        let label = M.row("<mspace width=\"0.2778em\"></mspace>", M.mi("f"), "<mspace width=\"0.5em\"></mspace>")
        #expect(presentation("\\xrightarrow{f}") == "<mover><mo form=\"infix\" stretchy=\"true\">→</mo>" + label + "</mover>")
    }
}
