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

    /// LaTeX warns "Label `x' multiply defined" and links to one of them; here it is an error
    /// at the second definition that names the first, and the page keeps one `id`.
    @Test func duplicateLabelIsAnErrorNamingTheFirstDefinition() {
        let document = MathDocument(macros: [:])
        let first = document.typeset("\\begin{equation}a\\label{x}\\end{equation}", display: true, origin: 4)
        let second = document.typeset("\\begin{equation}b\\label{x}\\end{equation}", display: true, origin: 5)
        #expect(second.diagnostics == [
            MathDiagnostic(
                severity: .error, message: "label 'x' is defined twice; references go to its first definition",
                fix: "rename one of the two, e.g. '\\label{x-2}', and the references meant for it", origin: 5,
                offset: 17, otherPlace: MathLocation(origin: 4, offset: 17)),
        ])
        #expect(document.equationNumbers == ["x": "1"])
        #expect(first.html.contains("<mtr id=\"eqn-x\">"))
        #expect(!second.html.contains("id=\"eqn-x\""))
        #expect(second.html.contains("<mtext>(2)</mtext>"))
    }

    /// amsmath: "Multiple \\label's: label 'a' will be lost" (one equation, one number).
    @Test func twoLabelsInOneRowAreAnError() {
        let result = MathDocument(macros: [:]).typeset(
            "\\begin{align}a\\label{a}\\label{b}\\end{align}", display: true, origin: 0)
        #expect(result.diagnostics.map(\.severity) == [.error])
        #expect(result.diagnostics.first?.offset == 23)
    }

    @Test func nestedSubequationsAreAnError() {
        let result = MathDocument(macros: [:]).typeset(
            "\\begin{subequations}\\begin{subequations}\\end{subequations}\\end{subequations}", display: true,
            origin: 0)
        #expect(result.diagnostics.map(\.message) == [
            "'subequations' inside 'subequations': amsmath numbers the equations after it wrongly",
        ])
        #expect(result.diagnostics.first?.offset == 20)
    }

    @Test func subequationsInsideAnEnvironmentOrInlineAreAnError() {
        let document = MathDocument(macros: [:])
        let inline = document.typeset("\\begin{subequations}\\end{subequations}", display: false, origin: 0)
        #expect(inline.diagnostics.first?.severity == .error)
        let inside = document.typeset(
            "\\begin{equation}\\begin{subequations}\\end{subequations}\\end{equation}", display: true, origin: 1)
        #expect(inside.diagnostics.first?.offset == 16)
    }

    /// A failed group does not letter the equations of later formulas.
    @Test func anUnclosedGroupEndsWithItsFormula() {
        let document = MathDocument(macros: [:])
        _ = document.typeset("\\begin{subequations}\\begin{equation}a\\end{equation}", display: true, origin: 0)
        let next = document.typeset("\\begin{equation}b\\label{b}\\end{equation}", display: true, origin: 1)
        #expect(next.diagnostics.isEmpty)
        #expect(document.equationNumbers == ["b": "2"])
    }

    /// amsmath's \\alph has 26 letters; LaTeX stops with "Counter too large".
    @Test func aTwentySeventhEquationInAGroupIsAnError() {
        let rows = (1...27).map { "x_{\($0)}" }.joined(separator: "\\\\")
        let result = MathDocument(macros: [:]).typeset(
            "\\begin{subequations}\\begin{gather}" + rows + "\\label{last}\\end{gather}\\end{subequations}",
            display: true, origin: 0)
        #expect(result.html.contains("<mtext>(1z)</mtext>"))
        #expect(result.diagnostics.map(\.severity) == [.error])
    }

    @Test func labelInUnnumberedDisplayWarns() {
        let result = MathDocument(macros: [:]).typeset("\\begin{equation*}a\\label{x}\\end{equation*}", display: true, origin: 0)
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    /// The mathtools manual (§3.2.1, "Customizing tags"): after `\\newtagform{brackets}{[}{]}`
    /// and `\\usetagform{brackets}` numbers read "[1]"; the inner format `[\\textbf]` sets the
    /// number alone in bold; `\\usetagform{default}` goes back to "(…)"; `\\tag*` takes no form.
    /// latex with mathtools 2022 shows the same: [1], (2) with a bold 2, S, (2).
    @Test func mathtoolsTagFormsShapeTheNumbers() {
        let document = MathDocument(macros: [:])
        let brackets = document.typeset(
            "\\newtagform{brackets}{[}{]}\\usetagform{brackets}\\begin{equation}a\\end{equation}", display: true,
            origin: 0)
        #expect(brackets.html.contains("<mtext>[1]</mtext>"))
        #expect(brackets.diagnostics.isEmpty)
        let bold = document.typeset(
            "\\newtagform{bf}[\\textbf]{(}{)}\\usetagform{bf}x\\tag{2}", display: true, origin: 1)
        #expect(bold.html.contains("<mtext>(</mtext><mtext style=\"font-weight:bold\">2</mtext><mtext>)</mtext>"))
        let starred = document.typeset("x\\tag*{S}", display: true, origin: 2)
        #expect(starred.html.contains("<mtext>S</mtext>"))
        let back = document.typeset("\\usetagform{default}\\begin{equation}b\\end{equation}", display: true, origin: 3)
        #expect(back.html.contains("<mtext>(2)</mtext>"))
    }

    @Test func tagFormMistakesAreErrors() {
        let document = MathDocument(macros: [:])
        let unknown = document.typeset("\\usetagform{bracket}x", display: true, origin: 0)
        #expect(unknown.diagnostics.map(\.message) == ["tag form 'bracket' is not defined"])
        _ = document.typeset("\\newtagform{brackets}{[}{]}", display: true, origin: 1)
        let suggested = document.typeset("\\usetagform{bracket}x", display: true, origin: 2)
        #expect(suggested.diagnostics.first?.fix == "did you mean 'brackets'?")
        let twice = document.typeset("\\newtagform{brackets}{<}{>}", display: true, origin: 3)
        #expect(twice.diagnostics.first?.fix == "use \\renewtagform{brackets} to change it")
    }

    /// amsmath's `\\eqref` sets the number with the tag form in use where it stands, so after
    /// `\\usetagform{brackets}` latex + mathtools print "see [1], 1" (and the number "[2]").
    @Test func eqrefUsesTheTagFormInUseWhereItStands() {
        let document = MathDocument(macros: [:])
        _ = document.typeset("\\begin{equation}a\\label{a}\\end{equation}", display: true, origin: 0)
        let html = document.typeset(
            "\\newtagform{brackets}{[}{]}\\usetagform{brackets}"
                + "\\begin{equation}\\text{see \\eqref{a}, \\ref{a}}\\end{equation}", display: true, origin: 1).html
        #expect(html.contains("<a class=\"eqref\" href=\"#eqn-a\">[1]</a></mtext><mtext>,\u{00A0}</mtext>"
            + "<mtext><a class=\"eqref\" href=\"#eqn-a\">1</a>"))
        #expect(html.contains("<mtext>[2]</mtext>"))
    }
}
