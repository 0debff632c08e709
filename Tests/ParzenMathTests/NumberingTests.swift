import Testing
@testable import ParzenMath

/// amsmath numbering and LaTeX cross-references across a document.
@Suite struct NumberingTests {
    @Test func displayDollarMathWithoutEnvironmentIsUnnumbered() {
        let document = MathDocument(macros: [:])
        #expect(document.typeset("x", display: true, origin: 0).html.contains("<mtable") == false)
        #expect(document.typeset("\\begin{equation}y\\end{equation}", display: true, origin: 1).html.contains("<mtext>(1)</mtext>"))
    }

    @Test func countersRunAcrossFormulasAndRows() {
        let document = MathDocument(macros: [:])
        _ = document.typeset("\\begin{equation}a\\end{equation}", display: true, origin: 0)
        let html = document.typeset("\\begin{align}a&=b\\\\c&=d\\nonumber\\\\e&=f\\end{align}", display: true, origin: 1).html
        #expect(html.contains("<mtext>(2)</mtext>"))
        #expect(html.contains("<mtext>(3)</mtext>"))
        #expect(!html.contains("<mtext>(4)</mtext>"))
    }

    @Test func tagOverridesTheNumberAndDoesNotStepTheCounter() {
        let document = MathDocument(macros: [:])
        let tagged = document.typeset("\\begin{equation}a\\tag{A}\\label{a}\\end{equation}", display: true, origin: 0).html
        #expect(tagged.contains("<mtext>(A)</mtext>"))
        #expect(tagged.contains("<mtr id=\"eqn-a\">"))
        let starred = document.typeset("\\begin{equation*}b\\tag*{B}\\end{equation*}", display: true, origin: 1).html
        #expect(starred.contains("<mtext>B</mtext>"))
        #expect(document.typeset("\\begin{equation}c\\end{equation}", display: true, origin: 2).html.contains("<mtext>(1)</mtext>"))
    }

    @Test func tagInPlainDisplayMathNumbersIt() {
        let html = MathDocument(macros: [:]).typeset("x=1\\tag{$\\star$}", display: true, origin: 0).html
        #expect(html.contains("<mtext>(⋆)</mtext>"))
    }

    /// The resolver a page gives pass 2: every label pass 1 numbered.
    private func known(_ document: MathDocument) -> (String) -> ReferenceTarget? {
        { label in document.equationNumbers[label].map { ReferenceTarget(text: $0, anchor: MathDocument.anchor(for: label)) } }
    }

    @Test func eqrefAndRefResolveToTheLabelledNumberAsLinks() {
        let document = MathDocument(macros: [:])
        _ = document.parse("\\begin{equation}a\\end{equation}", display: true, origin: 0)
        _ = document.parse("\\begin{equation}b\\label{eq:b}\\end{equation}", display: true, origin: 1)
        let inMath = document.write(document.parse("\\text{by }\\eqref{eq:b}", display: false, origin: 2), resolve: known(document))
        #expect(inMath.html.contains("<mtext><a class=\"eqref\" href=\"#eqn-eq:b\">(2)</a></mtext>"))
        #expect(inMath.diagnostics.isEmpty)
        #expect(MathDocument.referenceMarkup(known(document)("eq:b"), label: "eq:b", parenthesized: false)
            == "<a class=\"eqref\" href=\"#eqn-eq:b\">2</a>")
    }

    @Test func forwardReferencesResolveInPassTwo() {
        let document = MathDocument(macros: [:])
        let early = document.parse("\\eqref{later}", display: false, origin: 0)
        _ = document.parse("\\begin{equation}x\\label{later}\\end{equation}", display: true, origin: 1)
        #expect(document.write(early, resolve: known(document)).html.contains("<a class=\"eqref\" href=\"#eqn-later\">(1)</a>"))
    }

    @Test func unknownLabelGivesQuestionMarksAndAnErrorAtTheReference() {
        let document = MathDocument(macros: [:])
        let result = document.write(document.parse("x \\eqref{nope}", display: false, origin: 9), resolve: known(document))
        #expect(result.html.contains("<a class=\"eqref\" href=\"#eqn-nope\">(??)</a>"))
        #expect(result.diagnostics == [MathDiagnostic(severity: .error, message: "reference to undefined label 'nope'",
                                                      origin: 9, offset: 2, unresolvedLabel: "nope")])
    }

    @Test func anchorsAreDeterministicAndNeedNoEscaping() {
        #expect(EquationNumbering.anchor(for: "eq:RBF-KDE") == "eqn-eq:RBF-KDE")
        #expect(EquationNumbering.anchor(for: "a b\"<_") == "eqn-a_20b_22_3C_5F")
    }

    @Test func duplicateLabelWarns() {
        let document = MathDocument(macros: [:])
        _ = document.typeset("\\begin{equation}a\\label{x}\\end{equation}", display: true, origin: 0)
        let second = document.typeset("\\begin{equation}b\\label{x}\\end{equation}", display: true, origin: 1)
        #expect(second.diagnostics.map(\.severity) == [.warning])
        #expect(second.diagnostics.first?.offset == 17)
    }

    @Test func labelInUnnumberedDisplayWarns() {
        let result = MathDocument(macros: [:]).typeset("\\begin{equation*}a\\label{x}\\end{equation*}", display: true, origin: 0)
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }
}
