import Testing
@testable import ParzenMath

/// Errors: what the author sees and where, with did-you-mean from the command registry.
@Suite struct DiagnosticTests {
    @Test func unknownCommandIsAnMerrorWithADidYouMean() {
        let result = MathDocument(macros: [:]).typeset("a+\\fracc{1}{2}", display: false, origin: 3)
        #expect(result.html.contains("<merror><mtext>\\fracc</mtext></merror>"))
        #expect(result.diagnostics == [MathDiagnostic(severity: .error, message: "unknown command '\\fracc'",
                                                      fix: "did you mean '\\frac'?", origin: 3, offset: 2)])
    }

    @Test func suggestionsIncludeUserMacros() {
        let document = MathDocument(macros: ["KLdiv": "D"])
        #expect(document.typeset("\\KLdiw", display: false, origin: 0).diagnostics.first?.fix == "did you mean '\\KLdiv'?")
    }

    @Test func farMisspellingGetsNoSuggestion() {
        #expect(MathDocument(macros: [:]).typeset("\\qwertyuiop", display: false, origin: 0).diagnostics.first?.fix == nil)
    }

    @Test func offsetsAreUTF8Bytes() {
        // "θ" is two bytes in UTF-8.
        #expect(MathDocument(macros: [:]).typeset("θ\\foo", display: false, origin: 0).diagnostics.first?.offset == 2)
    }

    @Test func unknownEnvironmentSuggestsTheClosestName() {
        let result = MathDocument(macros: [:]).typeset("\\begin{aligne}a\\end{aligne}", display: true, origin: 0)
        #expect(result.diagnostics.first?.message == "unknown environment 'aligne'")
        #expect(result.diagnostics.first?.fix == "did you mean 'align'?")
        #expect(result.html.contains("<merror>"))
    }

    @Test func misplacedAmpersandIsReported() {
        let result = MathDocument(macros: [:]).typeset("a&b", display: false, origin: 0)
        #expect(result.html.contains("<merror><mtext>&amp;</mtext></merror>"))
        #expect(result.diagnostics.first?.offset == 1)
    }

    @Test func mismatchedEndNamesTheBegin() {
        let result = MathDocument(macros: [:]).typeset("\\begin{align}a\\end{aligned}", display: true, origin: 0)
        #expect(result.diagnostics.first?.message == "'\\begin{align}' is ended by '\\end{aligned}'")
    }

    @Test func failedFormulaKeepsItsWholeSourceInMerror() {
        let result = MathDocument(macros: [:]).typeset("\\frac{a", display: true, origin: 0)
        #expect(result.html == "<math display=\"block\" alttext=\"\\frac{a\"><semantics><merror><mtext>\\frac{a</mtext></merror><annotation encoding=\"application/x-tex\">\\frac{a</annotation></semantics></math>")
        #expect(result.diagnostics.first?.message == "'{' is never closed")
        #expect(result.diagnostics.first?.offset == 5)
    }

    @Test func everyRegisteredCommandParsesWithoutCrashing() {
        // Each command alone, then with arguments: the registry must not hold a handler that traps.
        for name in CommandRegistry.standard.names {
            for tex in [name, name + "{x}{y}", name + "[2]{x}{y}"] {
                let result = MathDocument(macros: [:]).typeset(tex, display: true, origin: 0)
                #expect(result.html.hasPrefix("<math"))
                #expect(isWellFormedXML(result.html), "\(tex)")
            }
        }
    }
}
