import Testing
@testable import ParzenMath

/// The `<math>` element around every formula: display attribute, alttext, TeX annotation.
@Suite struct FormulaEnvelopeTests {
    @Test func inlineMathIsAMathElementWithAnnotationAndAlttext() {
        let html = MathDocument(macros: [:]).typeset("x", display: false, origin: 0).html
        #expect(html == "<math alttext=\"x\"><semantics><mi>x</mi><annotation encoding=\"application/x-tex\">x</annotation></semantics></math>")
    }

    @Test func displayMathIsABlock() {
        let html = MathDocument(macros: [:]).typeset("a+b", display: true, origin: 0).html
        #expect(html == "<math display=\"block\" alttext=\"a+b\"><semantics><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><annotation encoding=\"application/x-tex\">a+b</annotation></semantics></math>")
    }

    @Test func sourceIsEscapedInAlttextAndAnnotationAndFoldedToOneLineInAlttext() {
        let html = MathDocument(macros: [:]).typeset("a<b\n\\quad \"c\"", display: false, origin: 0).html
        #expect(html.hasPrefix("<math alttext=\"a&lt;b \\quad &quot;c&quot;\">"))
        #expect(html.hasSuffix("<annotation encoding=\"application/x-tex\">a&lt;b\n\\quad &quot;c&quot;</annotation></semantics></math>"))
    }

    @Test func emptyFormulaIsAnEmptyRow() {
        #expect(presentation("") == "<mrow></mrow>")
    }
}
