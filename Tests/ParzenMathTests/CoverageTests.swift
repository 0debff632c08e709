import Foundation
import Testing

@testable import ParzenMath

/// The commands added for LaTeX users' formulas, each checked against what LaTeX's own
/// definitions make of it: plain TeX's `\over` is what `\frac` expands to, amsmath's `\binom`
/// is a `\genfrac`, braket's `\braket` is `\langle…\rangle`, and so on.
@Suite struct CoverageTests {
    private func same(_ tex: String, as reference: String, display: Bool = false) {
        #expect(presentation(tex, display: display) == presentation(reference, display: display), "\(tex)")
    }

    private func clean(_ tex: String, display: Bool = false) -> String {
        let result = MathDocument(macros: [:]).typeset(tex, display: display, origin: 0)
        #expect(result.diagnostics.isEmpty, "\(tex): \(result.diagnostics)")
        #expect(!result.html.contains("<merror>"), "\(tex)")
        #expect(isWellFormedXML(result.html), "\(tex)")
        return presentation(tex, display: display)
    }

    @Test func generalizedFractionsAreWhatLaTeXDefinesFracAndBinomBy() {
        same("{a \\over b}", as: "\\frac{a}{b}")
        same("{n \\choose k}", as: "\\binom{n}{k}")
        same("\\genfrac(){0pt}{}{n}{k}", as: "\\binom{n}{k}")
        same("\\genfrac{}{}{}{0}{a}{b}", as: "\\dfrac{a}{b}")
        #expect(clean("{a \\atop b}").contains("<mfrac linethickness=\"0\">"))
        #expect(clean("{a \\brack b}").contains("[</mo>"))
        #expect(clean("{a \\above 2pt b}").contains("<mfrac linethickness=\"0.2em\">"))
        #expect(clean("{a \\overwithdelims [ ] b}").contains("]</mo>"))
    }

    @Test func twoGeneralizedFractionsInOneGroupAreAnError() {
        let result = MathDocument(macros: [:]).typeset("a \\over b \\over c", display: false, origin: 0)
        #expect(result.diagnostics.first?.message == "'\\over' after another generalized fraction in the same group")
    }

    @Test func macroDefinitionsOfTeX() {
        same("\\let\\x=\\alpha \\x", as: "\\alpha")
        same("\\let\\x\\alpha \\let\\alpha\\beta \\x", as: "\\alpha")
        same("\\def\\pair(#1,#2){#1+#2}\\pair(a,b)", as: "a+b")
        same("\\def\\x#1.{[#1]}\\x ab.", as: "[ab]")
        same("\\newenvironment{p}{\\left(}{\\right)}\\begin{p}\\frac12\\end{p}", as: "\\left(\\frac12\\right)")
        same("\\newenvironment{w}[1]{#1[}{]}\\begin{w}{x}y\\end{w}", as: "x[y]")
        same("\\begingroup a\\endgroup", as: "{a}")
        same("\\global\\def\\x{y}\\x", as: "y")
        same("\\DeclarePairedDelimiter\\abs{\\lvert}{\\rvert}\\abs{x}", as: "\\mathopen{\\lvert}x\\mathclose{\\rvert}")
        same("\\DeclarePairedDelimiter\\abs{\\lvert}{\\rvert}\\abs*{x}", as: "\\left\\lvert x\\right\\rvert")
    }

    @Test func braketIsAngleBracketsAndBars() {
        same("\\braket{\\phi|\\psi}", as: "\\langle{\\phi|\\psi}\\rangle")
        same("\\bra{x}", as: "\\langle{x}\\rvert")
        same("\\ket{x}", as: "\\lvert{x}\\rangle")
        #expect(
            clean("\\Braket{\\frac12|x}").contains(
                "<mo form=\"infix\" stretchy=\"true\" lspace=\"0.1667em\" rspace=\"0.1667em\">|</mo>"))
        #expect(clean("\\Set{x | x > 0}").contains("{</mo>"))
    }

    @Test func limitsAndScriptsOnBothSides() {
        same("\\sum\\displaylimits_i", as: "\\sum\\limits_i", display: true)
        same("\\sum\\displaylimits_i", as: "\\sum\\nolimits_i")
        #expect(
            clean("\\sideset{_a}{^b}\\sum").contains(
                "<mmultiscripts><mo>∑</mo><mrow></mrow><mi>b</mi><mprescripts></mprescripts><mi>a</mi><mrow></mrow></mmultiscripts>"
            ))
        #expect(clean("\\prescript{14}{6}{C}").contains("<mprescripts></mprescripts><mn>6</mn><mn>14</mn>"))
        let stack = clean("\\sum_{\\substack{i<n\\\\j<m}}")
        #expect(stack.components(separatedBy: "<mtr>").count == 3)
    }

    @Test func boxesFramesAndStrikeOuts() {
        #expect(clean("\\boxed{x}").contains("<mrow style=\"border:0.04em solid;padding:0.3em\">"))
        #expect(clean("\\fbox{x}").contains("<mtext>x</mtext>"))
        #expect(clean("\\colorbox{red}{x}").contains("background:red"))
        #expect(clean("\\fcolorbox{red}{blue}{x}").contains("border:0.04em solid red;padding:0.3em;background:blue"))
        #expect(clean("\\cancel{x}").contains("linear-gradient(to bottom right"))
        #expect(clean("\\bcancel{x}").contains("linear-gradient(to top right"))
        #expect(clean("\\cancelto{0}{x}").contains("<msup>"))
        #expect(clean("\\smash{x}").contains("<mpadded height=\"0\" depth=\"0\"><mi>x</mi></mpadded>"))
        #expect(clean("\\smash[b]{y}").contains("<mpadded depth=\"0\">"))
        #expect(clean("\\mathrlap{x}").contains("<mpadded width=\"0\"><mi>x</mi></mpadded>"))
        #expect(clean("\\mathllap{x}").contains("translateX(-100%)"))
        #expect(clean("\\hphantom{x}").contains("<mpadded height=\"0\" depth=\"0\"><mphantom>"))
        #expect(clean("\\vphantom{x}").contains("<mpadded width=\"0\"><mphantom>"))
        same("\\mathstrut", as: "\\vphantom{(}")
        #expect(clean("\\raisebox{1ex}{x}").contains("voffset=\"0.431em\""))
        #expect(
            clean("\\rule{1em}{2pt}").contains(
                "<mspace width=\"1.0em\" height=\"0.2em\" depth=\"0em\" style=\"background:currentcolor\">"))
    }

    @Test func fontSwitchesAndSizes() {
        same("{\\rm d}x", as: "{\\mathrm{d}}x")
        same("{\\bf v}", as: "{\\mathbf{v}}")
        same("\\Bbb{R}", as: "\\mathbb{R}")
        // LaTeX's sizes at 10 pt: \Huge is 24.88 pt, \tiny 5 pt.
        #expect(clean("\\Huge x").contains("font-size:2.488em"))
        #expect(clean("{\\tiny x}").contains("font-size:0.5em"))
    }

    @Test func textAndVerbatim() {
        same("\\text x", as: "\\text{x}")
        #expect(clean("\\verb|a b|").contains("<mtext style=\"font-family:monospace\">a b</mtext>"))
        #expect(clean("\\verb*|a b|").contains("a␣b"))
        #expect(clean("\\textyen").contains("<mtext>¥</mtext>"))
        #expect(clean("\\text{\\textdegree C}").contains("°C"))
    }

    @Test func mathChoicePicksTheCurrentStyle() {
        #expect(clean("\\mathchoice{D}{T}{S}{s}", display: true).contains("<mi>D</mi>"))
        #expect(clean("\\mathchoice{D}{T}{S}{s}").contains("<mi>T</mi>"))
        #expect(clean("x^{\\mathchoice{D}{T}{S}{s}}").contains("<mi>S</mi>"))
    }

    @Test func modAndPodAsAmsmathSpacesThem() {
        same("a\\mod{n}", as: "a{\\mkern12mu\\operatorname{mod}\\,\\,n}")
        same("a\\pod{n}", as: "a{\\mkern8mu(n)}")
    }

    @Test func arrayPreamblesAreDrawn() {
        let ruled = clean("\\begin{array}{|c|}\\hline a\\\\\\hline\\end{array}")
        #expect(ruled.contains("border-top:0.04em solid"))
        #expect(ruled.contains("border-bottom:0.04em solid"))
        #expect(ruled.contains("border-left:0.04em solid"))
        #expect(ruled.contains("border-right:0.04em solid"))
        #expect(clean("\\begin{array}{c:c}a&b\\end{array}").contains("border-right:0.04em dashed"))
        #expect(clean("\\begin{array}{c@{}c}a&b\\end{array}").contains("padding-right:0"))
        #expect(clean("\\begin{array}{c@{:}c}a&b\\end{array}").contains("<mo>:</mo>"))
        #expect(clean("\\begin{array}{p{2cm}}a\\end{array}").contains("width:5.69em"))
        let display = clean("\\begin{array}{>{\\displaystyle}c}\\sum_i\\end{array}")
        #expect(display.contains("displaystyle=\"true\""))
        #expect(display.contains("<munder>"))
        #expect(clean("\\begin{array}{*{3}{c}}a&b&c\\end{array}").components(separatedBy: "<mtd").count == 4)
        #expect(clean("\\begin{array}{cc}\\multicolumn{2}{c}{x}\\\\a&b\\end{array}").contains("<mtd columnspan=\"2\""))
        #expect(
            clean("\\begin{array}{cc}a&b\\\\\\cline{2-2}c&d\\end{array}").components(separatedBy: "border-top").count
                == 2)
    }

    @Test func limitsAfterSomethingElseThanAnOperatorIsALocatedWarning() {
        let result = MathDocument(macros: [:]).typeset("a + \\limits_2", display: false, origin: 0)
        #expect(result.diagnostics.map(\.message) == ["'\\limits' must follow a large operator; it is ignored"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.diagnostics.first?.offset == 4)
        #expect(!result.html.contains("<merror>"))
        let alone = MathDocument(macros: [:]).typeset("\\limits", display: false, origin: 0)
        #expect(alone.diagnostics.map(\.message) == ["'\\limits' must follow a large operator"])
    }

    @Test func unknownColumnTypeIsAnError() {
        let result = MathDocument(macros: [:]).typeset("\\begin{array}{cq}a\\end{array}", display: false, origin: 0)
        #expect(result.diagnostics.first?.message == "unknown column type 'q' in the column specification")
        // At the 'q' (byte 15: `\begin{array}{c` is 15 bytes), not at `\begin`.
        #expect(result.diagnostics.first?.offset == 15)
    }

    @Test func moreEnvironments() {
        #expect(clean("\\begin{pmatrix*}[r]1&-1\\end{pmatrix*}").contains("text-align:right"))
        #expect(clean("\\begin{bsmallmatrix}a\\end{bsmallmatrix}").contains("scriptlevel=\"1\""))
        #expect(clean("\\begin{eqnarray}a&=&b\\end{eqnarray}", display: true).contains("(1)"))
        #expect(clean("\\begin{multlined}a\\\\b\\end{multlined}", display: true).contains("<mtable"))
        #expect(clean("\\begin{subarray}{l}a\\\\b\\end{subarray}").contains("text-align:left"))
        let intertext = clean("\\begin{align*}a&=b\\\\\\intertext{so}c&=d\\end{align*}", display: true)
        #expect(intertext.contains("<mtext>so</mtext>"))
        #expect(
            clean("\\begin{multline*}a\\\\\\shoveleft{b}\\\\c\\end{multline*}", display: true).contains(
                "text-align:left"))
        let cases = clean("\\begin{cases*}1 & if $x>0$\\\\ 0 & otherwise\\end{cases*}")
        #expect(cases.contains("<mtext>if\u{00A0}</mtext>"))
        #expect(cases.contains("<mtext>otherwise</mtext>"))
        #expect(clean("\\cramped{x^2}").contains("math-shift:compact"))
        let diagram = clean("\\begin{CD}A @>f>> B\\\\ @VgVV @VVhV\\\\ C @= D\\end{CD}")
        #expect(diagram.contains("⟶"))
        #expect(diagram.contains("↓"))
        #expect(diagram.components(separatedBy: "<mtr>").count == 4)
    }

    @Test func arrowsAccentsAndIntegrals() {
        #expect(clean("\\underrightarrow{AB}").contains("→</mo></munder>"))
        #expect(clean("\\xLeftarrow{f}").contains("⇐"))
        #expect(clean("\\idotsint").contains("∫⋯∫"))
        #expect(clean("a \\And b").contains("&amp;"))
        #expect(clean("\\overbracket{ab}").contains("⎴"))
        #expect(clean("\\varlimsup_{n}").contains("<mi>lim</mi>"))
    }

    /// Characters from the Unicode charts, by their Unicode names (independent of unicode-math).
    @Test func amssymbSymbolsAreTheirUnicodeCharacters() {
        let expected: [String: String] = [
            "nrightarrow": "↛", "surd": "√", "digamma": "ϝ", "dotplus": "∔", "Subset": "⋐", "sqsubset": "⊏",
            "nsubseteq": "⊈", "supsetneq": "⊋", "eqsim": "≂", "lll": "⋘", "gtreqless": "⋛", "Finv": "Ⅎ",
            "beth": "ℶ", "blacktriangleright": "▶", "circledcirc": "⊚", "curlyvee": "⋎", "leftleftarrows": "⇇",
            "ulcorner": "⌜", "coloneqq": "≔", "ntrianglelefteq": "⋬", "succapprox": "⪸", "Vvdash": "⊪",
        ]
        for (name, character) in expected {
            #expect(clean("\\" + name).contains(">\(character)</"), "\\\(name)")
        }
    }

    /// Every symbol amssymb.sty declares is known, read from the package itself where TeX Live is
    /// installed (skipped with a notice elsewhere).
    @Test func everyAmssymbSymbolIsKnown() throws {
        let path = "/usr/share/texlive/texmf-dist/tex/latex/amsfonts/amssymb.sty"
        guard let text = try? String(contentsOfFile: path, encoding: .isoLatin1) else {
            print("notice: \(path) is absent; the amssymb completeness check is skipped")
            return
        }
        let names = text.components(separatedBy: "\\DeclareMathSymbol{").dropFirst().map { $0.prefix { $0 != "}" } }
        #expect(names.count > 190)
        for name in names where !name.hasPrefix("\\var") || CommandRegistry.standard.knows(String(name)) {
            #expect(CommandRegistry.standard.knows(String(name)), "\(name)")
        }
    }
}
