import Testing
@testable import ParzenMath

/// The tutorial-style corpus (`Corpus/TutorialCorpus.swift`) as one document: no errors, no
/// warnings, well-formed XML, and the references inside it resolve.
@Suite struct CorpusTests {
    private let formulas = SeedFormulas.extract(from: TutorialCorpus.text, kramdownInline: false)

    @Test func corpusHasAtLeastThreeHundredFormulas() {
        #expect(formulas.count >= 300)
    }

    @Test func everyCorpusFormulaIsCleanAndWellFormed() {
        let document = MathDocument(macros: [:])
        // Two passes, as a page does: number everything, then write with every label known.
        let parsed = formulas.enumerated().map { document.parse($1.tex, display: $1.display, origin: $0) }
        var pages: [String] = []
        for (formula, parse) in zip(formulas, parsed) {
            let result = document.write(parse) { label in
                document.equationNumbers[label].map { ReferenceTarget(text: $0, anchor: MathDocument.anchor(for: label)) }
            }
            #expect(!result.html.contains("<merror>"), "\(formula.tex)")
            #expect(result.diagnostics.isEmpty, "\(formula.tex): \(result.diagnostics)")
            #expect(isWellFormedXML(result.html), "\(formula.tex)")
            pages.append(result.html)
        }
        let html = pages.joined()
        #expect(html.contains("<a class=\"eqref\" href=\"#eqn-eq:corpus-tagged\">(E)</a>"))
        #expect(html.contains("<a class=\"eqref\" href=\"#eqn-eq:corpus-kde\">(1)</a>"))
    }
}
