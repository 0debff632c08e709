import ParzenMath
import Testing
@testable import ParzenReport
import ParzenRunner

/// The TeX the writer spells must be TeX that LaTeX (and ParzenMath) read as meant.
@Suite struct TeXWriterTests {
    typealias M = MathExpression

    @Test func commandArgumentsAreBracedUnlessOneControlWord() {
        #expect(TeXWriter.tex(.hat(.variable("p"))) == "\\hat{p}")
        #expect(TeXWriter.tex(.hat(.greek(.mu))) == "\\hat\\mu")
        #expect(TeXWriter.tex(.fraction(.int(1), .variable("N"))) == "\\frac{1}{N}")
        #expect(TeXWriter.tex(.row([.greek(.theta), .variable("x")])) == "\\theta x")
        #expect(TeXWriter.tex(.sup(.sub(.greek(.sigma), .variable("j")), .int(2))) == "\\sigma_j^2")
    }

    @Test func everyFamilyOfExpressionTypesetsWithoutErrors() {
        let expressions: [M] = [
            .hat(.variable("p")), .squareRoot(.variable("h")), .bold(.variable("x")), .bold(.greek(.mu)),
            .styled(.calligraphic, "N"), .styled(.blackboard, "E"), .text("a_b & {c}"),
            .sum(from: .row([.variable("i"), .symbol(.equals), .int(1)]), to: .variable("N")),
            .matrix([[.num(1), .num(2)], [.num(3), .num(4)]]),
            .fenced(.row([.variable("x"), .symbol(.mid), .greek(.mu)]), .stretchyParentheses),
        ]
        for expression in expressions {
            let formula = MathDocument(macros: [:]).typeset(TeXWriter.tex(expression), display: false, origin: 0)
            #expect(formula.diagnostics.isEmpty, "\(TeXWriter.tex(expression)): \(formula.diagnostics)")
            #expect(!formula.html.contains("merror"))
        }
    }
}
