import Testing
@testable import ParzenMath

/// User macros: `\newcommand`, `\renewcommand`, `\def`, `\DeclareMathOperator`, front matter.
@Suite struct MacroTests {
    @Test func newcommandPersistsAcrossTheDocument() {
        let document = MathDocument(macros: [:])
        _ = document.typeset("\\newcommand{\\R}{\\mathbb{R}}", display: false, origin: 0)
        #expect(presentation("x\\in\\R", in: document) == M.row(M.mi("x"), M.mo("∈"), M.mi("ℝ")))
    }

    @Test func argumentsAndOptionalArgumentDefault() {
        let document = MathDocument(macros: [:])
        _ = document.typeset("\\newcommand{\\pair}[2][a]{(#1,#2)}", display: false, origin: 0)
        #expect(presentation("\\pair{b}", in: document) == M.row(M.fixed("("), M.mi("a"), M.mo(","), M.mi("b"), M.fixed(")")))
        #expect(presentation("\\pair[c]{d}", in: document) == M.row(M.fixed("("), M.mi("c"), M.mo(","), M.mi("d"), M.fixed(")")))
    }

    @Test func frontMatterMacrosWithAndWithoutBackslashInferTheirArguments() {
        let document = MathDocument(macros: ["KL": "D_{\\mathrm{KL}}(#1\\|#2)", "\\E": "\\mathbb{E}"])
        #expect(presentation("\\KL{p}{q}", in: document)
                == M.row(M.sub(M.mi("D"), M.mi("KL")), M.fixed("("), M.mi("p"), M.bar("‖"), M.mi("q"), M.fixed(")")))
        #expect(presentation("\\E", in: document) == M.mi("\u{1D53C}"))
    }

    @Test func declareMathOperatorMakesAnOperatorName() {
        let document = MathDocument(macros: [:])
        _ = document.typeset("\\DeclareMathOperator{\\KLD}{KL}\\DeclareMathOperator*{\\amax}{arg\\,max}", display: false, origin: 0)
        #expect(presentation("\\KLD p", in: document) == M.row(M.mi("KL"), M.apply, M.thin, M.mi("p")))
        #expect(presentation("\\amax_x", display: true, in: document) == M.row("<munder>" + M.mi("arg\u{2009}max") + M.mi("x") + "</munder>", M.apply))
    }

    @Test func defWithParameters() {
        let document = MathDocument(macros: [:])
        _ = document.typeset("\\def\\sq#1{#1^2}", display: false, origin: 0)
        #expect(presentation("\\sq{y}", in: document) == "<msup>" + M.mi("y") + M.mn("2") + "</msup>")
    }

    @Test func renewcommandOfAnUndefinedNameWarns() {
        let result = MathDocument(macros: [:]).typeset("\\renewcommand{\\foo}{x}\\foo", display: false, origin: 0)
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(result.html.contains("<semantics><mi>x</mi>"))
    }

    @Test func newcommandOverABuiltinWarnsButRedefines() {
        let result = MathDocument(macros: [:]).typeset("\\newcommand{\\det}{D}\\det", display: false, origin: 0)
        #expect(result.diagnostics.first?.fix == "use \\renewcommand")
        #expect(result.html.contains("<semantics><mi>D</mi>"))
    }

    @Test func diagnosticsInsideMacrosPointAtTheCall() {
        let document = MathDocument(macros: ["bad": "\\fracc{1}{2}"])
        let result = document.typeset("x+\\bad", display: false, origin: 0)
        #expect(result.diagnostics.first?.offset == 2)
    }
}
