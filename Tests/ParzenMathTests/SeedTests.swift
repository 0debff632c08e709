import Foundation
import Testing
@testable import ParzenMath

/// Every formula of the seed tutorial, typeset as one document, in order.
@Suite struct SeedTests {
    private func typesetSeed() throws -> (formulas: [SeedFormulas.Formula], results: [TypesetFormula], document: MathDocument) {
        let formulas = try SeedFormulas.load()
        let document = MathDocument(macros: [:])
        let results = formulas.enumerated().map { document.typeset($1.tex, display: $1.display, origin: $0) }
        return (formulas, results, document)
    }

    @Test func seedHas55InlineAnd15DisplayFormulas() throws {
        let formulas = try SeedFormulas.load()
        #expect(formulas.filter { !$0.display }.count == 55)
        #expect(formulas.filter(\.display).count == 15)
    }

    @Test func everyFormulaTranslatesWithoutErrorsOrWarnings() throws {
        let (formulas, results, _) = try typesetSeed()
        for (formula, result) in zip(formulas, results) {
            #expect(!result.html.contains("<merror>"), "\(formula.tex)")
            #expect(result.diagnostics.isEmpty, "\(formula.tex): \(result.diagnostics)")
            #expect(isWellFormedXML(result.html), "\(formula.tex)")
        }
    }

    @Test func nineteenEquationNumbersInOrder() throws {
        let (_, results, _) = try typesetSeed()
        let html = results.map(\.html).joined()
        let numbers = html.components(separatedBy: "text-align:-webkit-right\"><mtext>(").dropFirst().map { $0.prefix { $0 != ")" } }
        #expect(numbers == (1...19).map { Substring(String($0)) })
    }

    @Test func proseEqrefToRBFKDEIsTwo() throws {
        let (_, results, document) = try typesetSeed()
        let label = "eq:RBF-KDE"
        let target = document.equationNumbers[label].map { ReferenceTarget(text: $0, anchor: MathDocument.anchor(for: label)) }
        let prose = "Anyway, in equation " + MathDocument.referenceMarkup(target, label: label, parenthesized: true)
        #expect(prose.hasSuffix("in equation <a class=\"eqref\" href=\"#eqn-eq:RBF-KDE\">(2)</a>"))
        #expect(results.map(\.html).joined().contains("<mtr id=\"eqn-eq:RBF-KDE\">"))
    }

    @Test func argMinHasItsLimitUnderneathInDisplay() throws {
        let (_, results, _) = try typesetSeed()
        #expect(results.contains { $0.html.contains("<munder><mi>min</mi><mrow><mi>θ</mi><mo lspace=\"0em\" rspace=\"0em\">∈</mo><mi mathvariant=\"normal\">Θ</mi></mrow></munder>") })
    }
}
