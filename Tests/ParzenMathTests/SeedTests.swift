import Foundation
import ParzenTestSupport
import Testing
@testable import ParzenMath

/// Every formula of a Jekyll post, typeset as one document, in order: our own post always, the
/// seed tutorial when `../shared/` is there.
@Suite struct SeedTests {
    private static func typeset(_ post: JekyllPost) throws -> (formulas: [SeedFormulas.Formula], results: [TypesetFormula], document: MathDocument) {
        let formulas = try SeedFormulas.load(post)
        let document = MathDocument(macros: [:])
        let results = formulas.enumerated().map { document.typeset($1.tex, display: $1.display, origin: $0) }
        return (formulas, results, document)
    }

    /// Counts, no errors or warnings, well-formed XML, equation numbers 1…n in order, and a
    /// prose `\eqref` resolving to its equation's number.
    private static func check(_ post: JekyllPost) throws {
        let (formulas, results, document) = try typeset(post)
        #expect(formulas.filter { !$0.display }.count == post.inlineMathCount)
        #expect(formulas.filter(\.display).count == post.displayMathCount)
        for (formula, result) in zip(formulas, results) {
            #expect(!result.html.contains("<merror>"), "\(formula.tex)")
            #expect(result.diagnostics.isEmpty, "\(formula.tex): \(result.diagnostics)")
            #expect(isWellFormedXML(result.html), "\(formula.tex)")
        }
        let html = results.map(\.html).joined()
        let numbers = html.components(separatedBy: "text-align:-webkit-right\"><mtext>(").dropFirst().map { $0.prefix { $0 != ")" } }
        #expect(numbers == (1...post.equationCount).map { Substring(String($0)) })

        let (label, number) = post.labelledEquation
        let target = document.equationNumbers[label].map { ReferenceTarget(text: $0, anchor: MathDocument.anchor(for: label)) }
        let prose = "Anyway, in equation " + MathDocument.referenceMarkup(target, label: label, parenthesized: true)
        #expect(prose.hasSuffix("in equation <a class=\"eqref\" href=\"#eqn-\(label)\">(\(number))</a>"))
        #expect(html.contains("<mtr id=\"eqn-\(label)\">"))
    }

    @Test func ourPostTypesetsCleanlyWithNumbersAndReferences() throws {
        try Self.check(.own)
    }

    @Test(.requiresSharedFolder) func theSeedTypesetsCleanlyWithNumbersAndReferences() throws {
        try Self.check(.seed)
    }

    @Test(.requiresSharedFolder) func argMinHasItsLimitUnderneathInDisplay() throws {
        let (_, results, _) = try Self.typeset(.seed)
        #expect(results.contains { $0.html.contains("<munder><mi>min</mi><mrow><mi>θ</mi><mo lspace=\"0em\" rspace=\"0em\">∈</mo><mi mathvariant=\"normal\">Θ</mi></mrow></munder>") })
    }
}
