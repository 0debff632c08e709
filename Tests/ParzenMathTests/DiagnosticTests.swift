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
        // A control word is a typo for a control word, not for the control space one edit away.
        #expect(document.typeset("\\x", display: false, origin: 0).diagnostics.first?.fix == "did you mean '\\xi'?")
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
        // 'align' and 'aligned' are both one edit away; 'aligned' starts with all of 'aligne'.
        #expect(result.diagnostics.first?.fix == "did you mean 'aligned'?")
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

    /// Fuzz finding tex-control-character: U+0001 is refused as LaTeX refuses it (category 15,
    /// "Text line contains an invalid character") at its byte offset 1, left out of the
    /// MathML, and shown as its Control Picture ␁ in `alttext` and the annotation, which XML
    /// could not carry otherwise.
    @Test func texControlCharacter() {
        let result = MathDocument(macros: [:]).typeset("a\u{1}b", display: false, origin: 0)
        #expect(result.diagnostics == [MathDiagnostic(severity: .error, message: "invalid character U+0001 (a control character)",
                                                      fix: "remove it", origin: 0, offset: 1)])
        #expect(result.html == "<math alttext=\"a\u{2401}b\"><semantics><mrow><mi>a</mi><mi>b</mi></mrow>"
                    + "<annotation encoding=\"application/x-tex\">a\u{2401}b</annotation></semantics></math>")
    }

    /// DEL and a control character inside \text are refused alike; each is reported once.
    @Test func deleteAndControlCharacterInText() {
        let result = MathDocument(macros: [:]).typeset("\\text{a\u{7F}}\u{1F}", display: false, origin: 0)
        #expect(result.diagnostics.map(\.message) == ["invalid character U+007F (a control character)",
                                                      "invalid character U+001F (a control character)"])
        #expect(result.diagnostics.map(\.offset) == [7, 9])
    }
}
