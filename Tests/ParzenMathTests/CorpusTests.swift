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
        var pages: [String] = []
        for (index, formula) in formulas.enumerated() {
            let result = document.typeset(formula.tex, display: formula.display, origin: index)
            #expect(!result.html.contains("<merror>"), "\(formula.tex)")
            #expect(result.diagnostics.isEmpty, "\(formula.tex): \(result.diagnostics)")
            #expect(isWellFormedXML(result.html), "\(formula.tex)")
            pages.append(result.html)
        }
        let (html, diagnostics) = document.resolveReferences(in: pages.joined())
        #expect(diagnostics.isEmpty)
        #expect(html.contains("<a class=\"eqref\" href=\"#eqn-eq:corpus-tagged\">(E)</a>"))
        #expect(html.contains("<a class=\"eqref\" href=\"#eqn-eq:corpus-kde\">(1)</a>"))
    }
}
