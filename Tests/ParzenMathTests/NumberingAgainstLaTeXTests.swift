import Foundation
import ParzenTestSupport
import Testing
@testable import ParzenMath

/// Equation numbers and labels as real LaTeX with amsmath gives them: every display of
/// `LaTeXNumberingCases.body` typeset as one Parzen display formula, in order, must give each
/// label the number LaTeX wrote into its `.aux` file (subequations 2a, 2b; the empty numbered
/// row a trailing `\\` leaves in `align`, `gather` and `eqnarray` but not in `multline`; a
/// `\notag` row's label carried to the next numbered row; tags; `\eqref` inside `\text`).
@Suite struct NumberingAgainstLaTeXTests {
    /// LaTeX's label → number, from `\newlabel{name}{{number}{page}}` (a tag's number is braced).
    static func labels(fromAux aux: String) -> [String: String] {
        var result: [String: String] = [:]
        for match in aux.matches(of: /\\newlabel\{([^}]*)\}\{\{(.*)\}\{\d+\}\}/) {
            var number = Substring(match.output.2)
            while number.hasPrefix("{") && number.hasSuffix("}") { number = number.dropFirst().dropLast() }
            result[String(match.output.1)] = String(number)
        }
        return result
    }

    /// The displays of a document body, as Parzen formulas: each top-level
    /// `\begin{name}…\end{name}` whole, and the inside of each `\[…\]`.
    static func displays(of body: String) -> [String] {
        var result: [String] = []
        var rest = Substring(body)
        while let start = rest.firstMatch(of: /\\begin\{([^}]*)\}|\\\[/) {
            if let name = start.output.1 {
                let end = "\\end{\(name)}"
                var depth = 0
                var index = start.range.lowerBound
                // Same-name environments may nest; find the matching end.
                while let next = rest[index...].firstMatch(of: /\\(begin|end)\{([^}]*)\}/) {
                    if next.output.2 == name { depth += next.output.1 == "begin" ? 1 : -1 }
                    index = next.range.upperBound
                    if depth == 0 { break }
                }
                precondition(rest[..<index].hasSuffix(end), "unbalanced \\begin{\(name)} in the cases")
                result.append(String(rest[start.range.lowerBound..<index]))
                rest = rest[index...]
            } else {
                let close = rest[start.range.upperBound...].firstRange(of: "\\]")!
                result.append(String(rest[start.range.upperBound..<close.lowerBound]))
                rest = rest[close.upperBound...]
            }
        }
        return result
    }

    static let typeset: (numbers: [String: String], results: [TypesetFormula]) = {
        let document = MathDocument(macros: [:])
        let parsed = displays(of: LaTeXNumberingCases.body).enumerated().map { index, tex in
            document.parse(tex, display: true, origin: index)
        }
        let results = parsed.map { formula in
            document.write(formula) { label in
                document.equationNumbers[label].map {
                    ReferenceTarget(text: $0, anchor: MathDocument.anchor(for: label))
                }
            }
        }
        return (document.equationNumbers, results)
    }()

    @Test func everyLabelHasLaTeXsNumber() {
        let latex = Self.labels(fromAux: LaTeXNumberingCases.auxLabels)
        #expect(latex.count == 41)
        #expect(Self.typeset.numbers == latex)
    }

    /// Only the `\\` inside `equation`, which LaTeX ignores, is worth a warning.
    @Test func theCasesTypesetWithoutProblems() {
        let displays = Self.displays(of: LaTeXNumberingCases.body)
        for (index, result) in Self.typeset.results.enumerated() {
            let expected = displays[index].contains("\\label{eqbreak}")
                ? ["LaTeX does not break lines inside 'equation' (it sets one line)"] : []
            #expect(result.diagnostics.map(\.message) == expected, "display \(index)")
            #expect(!result.html.contains("<merror"), "display \(index)")
        }
    }

    /// The numbers shown beside the rows of the display that holds `label`, in order.
    static func shownNumbers(inDisplayWith label: String) -> [String] {
        let displays = displays(of: LaTeXNumberingCases.body)
        let index = displays.firstIndex { $0.contains("\\label{\(label)}") }!
        let html = typeset.results[index].html
        let numberCell = /<mtd style="width:[^"]*;padding:[^"]*;text-align:right[^"]*">(?:<mtext>([^<]*)<\/mtext>)?<\/mtd>/
        return html.matches(of: numberCell)
            .map { String($0.output.1 ?? "") }
    }

    @Test func aTrailingRowBreakInAlignShowsAnEmptyNumberedRow() {
        // LaTeX: t1 = 4, t2 = 5, and the next equation is 7, so the empty row shows (6).
        #expect(Self.shownNumbers(inDisplayWith: "t2") == ["(4)", "(5)", "(6)"])
        #expect(Self.shownNumbers(inDisplayWith: "g2") == ["(8)", "", "(9)", "(10)"])
    }

    @Test func aTrailingRowBreakInMultlineAddsNothing() {
        #expect(Self.shownNumbers(inDisplayWith: "m2") == ["", "(12)"])
    }

    @Test func subequationsLetterTheirRowsAndLinkTheGroupLabel() {
        let shown = Self.shownNumbers(inDisplayWith: "sub")
        #expect(shown == ["(2a)", "(2b)", "", "(T)", "(2c)"])
        let html = Self.typeset.results[1].html
        #expect(html.contains("<mtable id=\"eqn-sub\""))
        #expect(html.contains("<mtr id=\"eqn-s1\">"))
        // Two displays one under the other, as in LaTeX: one `<math>` each, with its own source.
        #expect(html.components(separatedBy: "<math display=\"block\"").count - 1 == 2)
        #expect(html.contains("<annotation encoding=\"application/x-tex\">\\begin{equation}x\\label{s4}"
            + "\\end{equation}\n\\end{subequations}</annotation>"))
    }

    @Test func referencesInsideTextResolveToLaTeXsNumbers() {
        let latex = Self.labels(fromAux: LaTeXNumberingCases.auxLabels)
        let html = Self.typeset.results[Self.displays(of: LaTeXNumberingCases.body)
            .firstIndex { $0.contains("\\label{txt}") }!].html
        // amsmath: \eqref prints "(1)", \ref "2a" (what LaTeX showed: "see (1) and 2a").
        #expect(html.contains(
            "<mtext>see\u{00A0}</mtext><mtext><a class=\"eqref\" href=\"#eqn-e1\">(\(latex["e1"]!))</a>"))
        #expect(html.contains("<a class=\"eqref\" href=\"#eqn-s1\">\(latex["s1"]!)</a>"))
    }

    @Test(.enabled(if: latex != nil, "latex is not on PATH (Debian: texlive-latex-base); skipped"))
    func latexStillAgrees() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-numbering-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try LaTeXNumberingCases.document.write(
            to: folder.appendingPathComponent("n.tex"), atomically: true, encoding: .utf8)
        for _ in 1...2 {
            let run = try await ExternalProcess.run(Self.latex!, ["-interaction=nonstopmode", "-halt-on-error", "n.tex"],
                                                    in: folder)
            #expect(run.succeeded)
        }
        let aux = try String(contentsOf: folder.appendingPathComponent("n.aux"), encoding: .utf8)
        let lines = aux.split(separator: "\n").filter { $0.hasPrefix("\\newlabel") }.joined(separator: "\n")
        #expect(lines == LaTeXNumberingCases.auxLabels, "LaTeX now writes:\n\(lines)")
    }

    static let latex: String? = {
        let found = ExternalProcess.onPath("latex")
        if found == nil { print("notice: skipping NumberingAgainstLaTeXTests.latexStillAgrees: latex is not on PATH") }
        return found
    }()
}
