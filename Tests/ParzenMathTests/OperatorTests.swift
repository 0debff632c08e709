import Testing
@testable import ParzenMath

/// Operators: binary, relations, unary minus, brackets, bars, large operators and operator names.
@Suite struct OperatorTests {
    @Test func minusIsUnicodeMinusSign() {
        #expect(presentation("a-b") == M.row(M.mi("a"), M.mo("−"), M.mi("b")))
    }

    @Test func binaryOperatorAfterRelationIsPrefix() {
        // TeX rule 5: a Bin after a Rel is an Ord; MathML would infer infix from its position.
        #expect(presentation("a=-b") == M.row(M.mi("a"), M.mo("="), "<mo form=\"prefix\">−</mo>", M.mi("b")))
    }

    @Test func leadingMinusIsLeftToMathMLInference() {
        #expect(presentation("-x") == M.row(M.mo("−"), M.mi("x")))
    }

    @Test func bracketsWithoutLeftRightDoNotStretch() {
        #expect(presentation("p(x)") == M.row(M.mi("p"), M.fixed("("), M.mi("x"), M.fixed(")")))
        #expect(presentation("\\{x\\}") == M.row(M.fixed("{"), M.mi("x"), M.fixed("}")))
    }

    @Test func verticalBarIsAnOrdinarySymbolWithoutSpace() {
        #expect(presentation("p\\vert q") == M.row(M.mi("p"), M.bar(), M.mi("q")))
        #expect(presentation("\\|x\\|") == M.row(M.bar("‖"), M.mi("x"), M.bar("‖")))
    }

    @Test func midIsARelation() {
        #expect(presentation("x\\mid y") == M.row(M.mi("x"), M.mo("∣"), M.mi("y")))
    }

    @Test func relationsAndArrows() {
        let names = ["le", "ge", "ne", "approx", "equiv", "sim", "propto", "in", "notin", "to", "mapsto", "Rightarrow", "iff"]
        #expect(names.map { presentation("\\" + $0) } == ["≤", "≥", "≠", "≈", "≡", "∼", "∝", "∈", "∉", "→", "↦", "⇒", "⟺"].map(M.mo))
    }

    @Test func notNegatesRelations() {
        #expect(presentation("a\\not= b") == M.row(M.mi("a"), M.mo("≠"), M.mi("b")))
    }

    @Test func sumTakesLimitsUnderAndOverInDisplay() {
        #expect(presentation("\\sum_{i=1}^{N}x_i", display: true)
                == M.row("<munderover>" + M.mo("∑") + M.row(M.mi("i"), M.tight("="), M.mn("1")) + M.mi("N") + "</munderover>",
                         M.sub(M.mi("x"), M.mi("i"))))
    }

    @Test func relationsAndBinaryOperatorsInScriptsAndInlineFractionsHaveNoSpace() {
        #expect(presentation("x_{a+b}") == M.sub(M.mi("x"), M.row(M.mi("a"), M.tight("+"), M.mi("b"))))
        #expect(presentation("\\frac{a=b}{c}") == "<mfrac>" + M.row(M.mi("a"), M.tight("="), M.mi("b")) + M.mi("c") + "</mfrac>")
        #expect(presentation("\\frac{a=b}{c}", display: true) == "<mfrac>" + M.row(M.mi("a"), M.mo("="), M.mi("b")) + M.mi("c") + "</mfrac>")
    }

    @Test func sumTakesScriptsBesideInline() {
        #expect(presentation("\\sum_{i}^{N}") == "<msubsup>" + M.mo("∑") + M.mi("i") + M.mi("N") + "</msubsup>")
    }

    @Test func intTakesScriptsBesideEvenInDisplayButIntopTakesLimits() {
        #expect(presentation("\\int_0^1", display: true) == "<msubsup>" + M.mo("∫") + M.mn("0") + M.mn("1") + "</msubsup>")
        #expect(presentation("\\intop_0^1", display: true) == "<munderover>" + M.mo("∫") + M.mn("0") + M.mn("1") + "</munderover>")
    }

    @Test func limitsAndNolimitsOverrideTheDefault() {
        #expect(presentation("\\sum\\nolimits_i", display: true) == M.sub(M.mo("∑"), M.mi("i")))
        #expect(presentation("\\int\\limits_a", display: true) == "<munder>" + M.mo("∫") + M.mi("a") + "</munder>")
    }

    @Test func logIsAnUprightNameWithFunctionApplicationAndThinSpace() {
        #expect(presentation("\\log p") == M.row(M.mi("log"), M.apply, M.thin, M.mi("p")))
    }

    @Test func noThinSpaceBeforeAnOpeningBracket() {
        #expect(presentation("\\log(x)") == M.row(M.mi("log"), M.apply, M.fixed("("), M.mi("x"), M.fixed(")")))
    }

    @Test func thinSpaceBetweenAnOrdinaryAndAnOperatorName() {
        #expect(presentation("x\\log y") == M.row(M.mi("x"), M.thin, M.mi("log"), M.apply, M.thin, M.mi("y")))
    }

    @Test func argMinPutsItsLimitUnderMinInDisplay() {
        #expect(presentation("\\arg\\min_{\\theta}f", display: true)
                == M.row(M.mi("arg"), M.apply, M.thin, "<munder>" + M.mi("min") + M.mi("θ") + "</munder>", M.apply, M.thin, M.mi("f")))
    }

    @Test func argMinPutsItsLimitAsSubscriptInline() {
        #expect(presentation("\\min_{\\theta}f") == M.row(M.sub(M.mi("min"), M.mi("θ")), M.apply, M.thin, M.mi("f")))
    }

    @Test func operatorNameAndStarredOperatorName() {
        #expect(presentation("\\operatorname{tr}A") == M.row(M.mi("tr"), M.apply, M.thin, M.mi("A")))
        #expect(presentation("\\operatorname*{sup}_x", display: true) == M.row("<munder>" + M.mi("sup") + M.mi("x") + "</munder>", M.apply))
    }

    @Test func limsupHasAThinSpaceInside() {
        #expect(presentation("\\limsup") == M.row(M.mi("lim\u{2009}sup"), M.apply))
    }

    @Test func dotsAreOperators() {
        #expect(["\\ldots", "\\cdots", "\\vdots", "\\ddots"].map { presentation($0) } == [M.dots("…"), M.dots("⋯"), M.dots("⋮"), M.dots("⋱")])
    }

    @Test func innerAtomsGetThinSpacesAsInTeX() {
        // \left…\right groups, fractions and \ldots are Inner atoms: thin space next to Ord, Op, Punct.
        #expect(presentation("p\\left(x\\right)dx") == M.row(M.mi("p"), M.thin, M.row(M.flatOpen("("), M.mi("x"), M.flatClose(")")), M.thin, M.mi("d"), M.mi("x")))
        #expect(presentation("\\frac{1}{N}\\sum") == M.row("<mfrac>" + M.mn("1") + M.mi("N") + "</mfrac>", M.thin, M.mo("∑")))
        #expect(presentation("x_1,\\ldots,x_n") == M.row(M.sub(M.mi("x"), M.mn("1")), M.mo(","), M.thin, M.dots("…"), M.thin, M.mo(","),
                                                         M.sub(M.mi("x"), M.mi("n"))))
    }

    @Test func noInnerSpacingInScripts() {
        #expect(presentation("e^{\\left(x\\right)y}") == "<msup>" + M.mi("e") + M.row(M.row(M.flatOpen("("), M.mi("x"), M.flatClose(")")), M.mi("y")) + "</msup>")
    }

    @Test func binaryOperatorsOfTheField() {
        #expect(presentation("a\\times b\\cdot c\\circ d\\odot e\\otimes f")
                == M.row(M.mi("a"), M.mo("×"), M.mi("b"), M.mo("⋅"), M.mi("c"), M.mo("∘"), M.mi("d"), M.mo("⊙"), M.mi("e"), M.mo("⊗"), M.mi("f")))
    }
}
