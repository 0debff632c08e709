import Testing
@testable import ParzenMath

/// Environments: full-width numbered displays, inner alignments, cases and matrices.
/// Alignment is CSS on each `<mtd>` because MathML Core has no `columnalign`; the `-webkit-`
/// value follows the standard one because Chromium needs it (see `MathMLWriter.textAlign`).
@Suite struct EnvironmentTests {
    private let left = "<mtd style=\"width:50%;padding:0\"></mtd>"
    private func number(_ text: String) -> String { "<mtd style=\"width:50%;padding:0;text-align:right;text-align:-webkit-right\"><mtext>\(text)</mtext></mtd>" }
    private let noNumber = "<mtd style=\"width:50%;padding:0;text-align:right;text-align:-webkit-right\"></mtd>"
    /// TeX's row heights: \\strut in display rows, \\@arstrut in arrays, 1.2 × that in cases.
    private let strut = "<mspace height=\"0.85em\" depth=\"0.35em\"></mspace>"
    private let arrayStrut = "<mspace height=\"0.84em\" depth=\"0.36em\"></mspace>"
    private let casesStrut = "<mspace height=\"1.008em\" depth=\"0.432em\"></mspace>"

    @Test func equationIsAFullWidthTableWithItsNumberOnTheRight() {
        #expect(presentation("\\begin{equation}x\\end{equation}", display: true)
                == "<mtable displaystyle=\"true\" style=\"width:100%\"><mtr>" + left
                + "<mtd style=\"padding:0.15em 0\">" + strut + M.mi("x") + "</mtd>" + number("(1)") + "</mtr></mtable>")
    }

    @Test func alignPairsRightAndLeftColumnsAndKeepsRelationSpacing() {
        let expected = "<mtable displaystyle=\"true\" style=\"width:100%\">"
            + "<mtr>" + left
            + "<mtd style=\"text-align:right;text-align:-webkit-right;padding:0.15em 0 0.15em 0\">" + strut + M.mi("a") + "</mtd>"
            + "<mtd style=\"text-align:left;text-align:-webkit-left;padding:0.15em 0\"><mo form=\"infix\">=</mo>" + M.mi("b") + "</mtd>"
            + number("(1)") + "</mtr>"
            + "<mtr>" + left
            + "<mtd style=\"text-align:right;text-align:-webkit-right;padding:0.15em 0 0.15em 0\">" + strut + "</mtd>"
            + "<mtd style=\"text-align:left;text-align:-webkit-left;padding:0.15em 0\"><mo form=\"infix\">=</mo><mo form=\"prefix\">−</mo>" + M.mi("c") + "</mtd>"
            + number("(2)") + "</mtr></mtable>"
        #expect(presentation("\\begin{align}a&=b\\\\&=-c\\end{align}", display: true) == expected)
    }

    @Test func columnPairsSpreadAcrossTheLineLikeAmsmath() {
        // Two pairs: the free width is shared by the two margins and the gap, a third each.
        let html = presentation("\\begin{align*}a&=b&c&=d\\end{align*}", display: true)
        let third = "<mtd style=\"width:33.333%;padding:0\"></mtd>"
        #expect(html.hasPrefix("<mtable displaystyle=\"true\" style=\"width:100%\"><mtr>" + third))
        #expect(html.contains("=</mo>" + M.mi("b") + "</mtd>" + third + "<mtd style=\"text-align:right;text-align:-webkit-right;padding:0.15em 0 0.15em 0\">" + M.mi("c")))
        #expect(html.contains("<mtd style=\"width:33.333%;padding:0;text-align:right;text-align:-webkit-right\"></mtd></mtr>"))
        #expect(!html.contains("<mtext>("))
    }

    @Test func innerAlignedKeepsItsPairsTwoEmApart() {
        let html = presentation("\\begin{aligned}a&=b&c&=d\\end{aligned}", display: true)
        #expect(html.contains("<mtd style=\"text-align:right;text-align:-webkit-right;padding:0.15em 0 0.15em 2em\">" + M.mi("c") + "</mtd>"))
    }

    /// LaTeX's `\\[len]` (amsmath and array alike) puts `len` of extra space below the row:
    /// 4 pt = 0.4 em at 10 pt, added to the depth of the row's strut (0.35 em in displays).
    @Test func rowSpacingAfterALineBreakDeepensThatRow() {
        let html = presentation("\\begin{aligned}a\\\\[4pt]b\\\\c\\end{aligned}", display: true)
        #expect(html.components(separatedBy: "<mspace height=\"0.85em\" depth=\"0.75em\"></mspace>").count - 1 == 1)
        #expect(html.components(separatedBy: "<mspace height=\"0.85em\" depth=\"0.35em\"></mspace>").count - 1 == 2)
        let matrix = presentation("\\begin{matrix}a\\\\[1em]b\\end{matrix}")
        #expect(matrix.contains("<mspace height=\"0.84em\" depth=\"1.36em\"></mspace>"))
    }

    /// What LaTeX (TeX Live 2022, amsmath) shows: in `aligned`, `matrix` and `align`,
    /// `\\\\ [4pt]` is a line break and a row starting with "[4pt]", and so is `\\cr[4pt]`;
    /// in `array`, `\\\\ [4pt]` is spacing (LaTeX's `\\@ifnextchar` skips the space).
    @Test func rowSpacingNeedsItsBracketRightAfterTheBreakExceptInArray() {
        for tex in ["\\begin{aligned}a\\\\ [4pt]b\\end{aligned}", "\\begin{matrix}a\\cr[4pt]b\\end{matrix}"] {
            let result = MathDocument(macros: [:]).typeset(tex, display: true, origin: 0)
            #expect(result.diagnostics.isEmpty, "\(tex)")
            #expect(result.html.contains("<mo stretchy=\"false\">[</mo><mn>4</mn>"), "\(tex)")
        }
        let array = presentation("\\begin{array}{c}a\\\\ [4pt]b\\end{array}", display: true)
        #expect(array.contains("<mspace height=\"0.84em\" depth=\"0.76em\"></mspace>"))
        #expect(!array.contains("<mn>4</mn>"))
    }

    @Test func rowSpacingThatIsNoLengthIsAnError() {
        let result = MathDocument(macros: [:]).typeset(
            "\\begin{aligned}a\\\\[four]b\\end{aligned}", display: true, origin: 0)
        #expect(result.diagnostics.map(\.message) == ["'four' after '\\\\' is not a length"])
        #expect(result.diagnostics.first?.offset == 18)
    }

    /// LaTeX sets two displays one under the other; Chromium cannot spread a table nested in a
    /// table cell, so each is a `<math display="block">` of its own.
    @Test func twoEnvironmentsInOneDisplayAreTwoDisplays() {
        let html = MathDocument(macros: [:]).typeset(
            "\\begin{equation}a\\end{equation} \\begin{align*}b&=c\\end{align*}", display: true, origin: 0).html
        #expect(html.components(separatedBy: "<math display=\"block\"").count - 1 == 2)
        #expect(html.contains("alttext=\"\\begin{equation}a\\end{equation}\""))
        #expect(html.contains("alttext=\"\\begin{align*}b&amp;=c\\end{align*}\""))
        #expect(html.contains("<mtext>(1)</mtext>"))
    }

    /// In unnumbered environments the empty row a trailing `\\` leaves shows nothing; in
    /// numbered ones amsmath numbers it (NumberingAgainstLaTeXTests).
    @Test func trailingRowBreakInAnUnnumberedEnvironmentAddsNoRow() {
        for name in ["gather*", "aligned", "pmatrix"] {
            let html = presentation("\\begin{\(name)}a\\\\b\\\\\\end{\(name)}", display: true)
            #expect(html.components(separatedBy: "<mtr>").count - 1 == 2, "\(name)")
        }
    }

    @Test func casesIsALeftBraceBeforeALeftAlignedTable() {
        let expected = M.row(M.open("{"), "<mtable>"
            + "<mtr><mtd style=\"text-align:left;text-align:-webkit-left;padding:0 1em 0 0\">" + casesStrut + M.mn("1") + "</mtd>"
            + "<mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0 0 0\">" + M.mi("x") + M.mo("&gt;") + M.mn("0") + "</mtd></mtr>"
            + "<mtr><mtd style=\"text-align:left;text-align:-webkit-left;padding:0 1em 0 0\">" + casesStrut + M.mn("0") + "</mtd>"
            + "<mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0 0 0\"><mtext>otherwise</mtext></mtd></mtr></mtable>")
        #expect(presentation("\\begin{cases}1&x>0\\\\0&\\text{otherwise}\\end{cases}") == expected)
    }

    @Test func matricesHaveTheirFences() {
        let body = "<mtable><mtr><mtd style=\"padding:0 0.5em 0 0\">" + arrayStrut + M.mi("a") + "</mtd>"
            + "<mtd style=\"padding:0 0 0 0.5em\">" + M.mi("b") + "</mtd></mtr></mtable>"
        #expect(presentation("\\begin{pmatrix}a&b\\end{pmatrix}") == M.row(M.open("("), body, M.close(")")))
        #expect(presentation("\\begin{bmatrix}a&b\\end{bmatrix}") == M.row(M.open("["), body, M.close("]")))
        #expect(presentation("\\begin{Bmatrix}a&b\\end{Bmatrix}") == M.row(M.open("{"), body, M.close("}")))
        #expect(presentation("\\begin{vmatrix}a&b\\end{vmatrix}") == M.row(M.open("|"), body, M.close("|")))
        #expect(presentation("\\begin{Vmatrix}a&b\\end{Vmatrix}") == M.row(M.open("‖"), body, M.close("‖")))
        #expect(presentation("\\begin{matrix}a&b\\end{matrix}") == body)
    }

    @Test func smallmatrixIsOneScriptLevelDown() {
        #expect(presentation("\\begin{smallmatrix}a\\end{smallmatrix}")
                == "<mtable scriptlevel=\"1\"><mtr><mtd style=\"padding:0 0 0 0\">" + arrayStrut + M.mi("a") + "</mtd></mtr></mtable>")
    }

    @Test func arrayAlignsColumnsByItsPreamble() {
        #expect(presentation("\\begin{array}{lr}a&b\\end{array}")
                == "<mtable><mtr><mtd style=\"text-align:left;text-align:-webkit-left;padding:0 0.5em 0 0\">" + arrayStrut + M.mi("a") + "</mtd>"
                + "<mtd style=\"text-align:right;text-align:-webkit-right;padding:0 0 0 0.5em\">" + M.mi("b") + "</mtd></mtr></mtable>")
    }

    @Test func alignedInsideEquationIsNotNumberedItself() {
        let html = presentation("\\begin{equation}\\begin{aligned}a&=b\\\\c&=d\\end{aligned}\\end{equation}", display: true)
        #expect(html.components(separatedBy: "<mtext>(").count - 1 == 1)
        #expect(html.contains("<mtable displaystyle=\"true\"><mtr><mtd style=\"text-align:right;text-align:-webkit-right;padding:0.15em 0 0.15em 0\">"))
    }

    @Test func splitInsideEquationGetsOneNumber() {
        let html = presentation("\\begin{equation}\\begin{split}a&=b\\\\&=c\\end{split}\\end{equation}", display: true)
        #expect(html.components(separatedBy: "<mtext>(1)</mtext>").count - 1 == 1)
    }

    @Test func multlineAlignsFirstLeftLastRightAndNumbersTheLast() {
        // The lines take the whole width, \\multlinegap (1 em) from the margins; the number
        // column keeps 1 em from the last line.
        let html = presentation("\\begin{multline}a\\\\b\\\\c\\end{multline}", display: true)
        let side = "<mtd style=\"width:0;padding:0\"></mtd>"
        let numberCell = { (text: String) in "<mtd style=\"width:0;padding:0 0 0 1em;text-align:right;text-align:-webkit-right\">\(text)</mtd>" }
        #expect(html.contains(side + "<mtd style=\"width:100%;text-align:left;text-align:-webkit-left;padding:0.15em 0 0.15em 1em\">" + strut + M.mi("a") + "</mtd>" + numberCell("")))
        #expect(html.contains(side + "<mtd style=\"width:100%;padding:0.15em 0\">" + strut + M.mi("b") + "</mtd>" + numberCell("")))
        #expect(html.contains(side + "<mtd style=\"width:100%;text-align:right;text-align:-webkit-right;padding:0.15em 1em 0.15em 0\">" + strut + M.mi("c") + "</mtd>"
                              + numberCell("<mtext>(1)</mtext>")))
    }

    @Test func gatherStarredIsUnnumbered() {
        #expect(!presentation("\\begin{gather*}a\\\\b\\end{gather*}", display: true).contains("<mtext>("))
    }
}
