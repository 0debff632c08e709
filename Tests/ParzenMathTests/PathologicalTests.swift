import Foundation
import Testing
@testable import ParzenMath

/// Hostile input must give errors quickly, never crash, hang or drop the formula
/// (in the spirit of cmark-gfm's pathological tests).
@Suite struct PathologicalTests {
    /// Generous bound for a debug build on a shared machine; the work is linear and finishes in
    /// milliseconds, a hang or quadratic blow-up would not.
    private let timeLimit = 2.0

    private func typesetTimed(_ tex: String, display: Bool = false) -> (TypesetFormula, Double) {
        let start = Date()
        let result = MathDocument(macros: [:]).typeset(tex, display: display, origin: 0)
        return (result, Date().timeIntervalSince(start))
    }

    @Test func tenThousandNestedBraces() {
        let tex = String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
        let (result, seconds) = typesetTimed(tex)
        #expect(result.html.contains("<merror>"))
        #expect(result.diagnostics.first?.message == "the formula nests deeper than 60 levels")
        #expect(seconds < timeLimit)
    }

    @Test func tenThousandNestedFractionsAndScripts() {
        for (open, close) in [("\\frac{", "}{x}"), ("x^{", "}"), ("\\left(", "\\right)"), ("\\sqrt{", "}")] {
            let tex = String(repeating: open, count: 10_000) + "x" + String(repeating: close, count: 10_000)
            let (result, seconds) = typesetTimed(tex)
            #expect(result.diagnostics.first?.severity == .error)
            #expect(seconds < timeLimit)
        }
    }

    @Test func nestingUpToTheLimitStillWorks() {
        let tex = String(repeating: "{", count: 25) + "x" + String(repeating: "}", count: 25)
        #expect(typesetTimed(tex).0.diagnostics.isEmpty)
    }

    @Test func unterminatedEnvironment() {
        let (result, _) = typesetTimed("\\begin{align}a&=b\\\\c&=d", display: true)
        #expect(result.diagnostics.first?.message == "'\\begin{align}' is never ended")
        #expect(result.diagnostics.first?.fix == "add \\end{align}")
        #expect(result.html.contains("<merror>"))
    }

    @Test func leftWithoutRight() {
        let (result, _) = typesetTimed("a\\left(b")
        #expect(result.diagnostics.first?.message == "'\\left(' has no matching '\\right'")
        #expect(result.diagnostics.first?.offset == 1)
    }

    @Test func rightWithoutLeft() {
        #expect(typesetTimed("a\\right)").0.diagnostics.first?.message == "'\\right' has no matching '\\left'")
    }

    @Test func recursiveMacroStops() {
        let (result, seconds) = typesetTimed("\\newcommand{\\x}{\\x\\x}\\x")
        #expect(result.diagnostics.first?.severity == .error)
        #expect(seconds < timeLimit)
    }

    @Test func exponentialMacroExpansionStops() {
        var tex = "\\def\\a{xxxxxxxxxx}"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g", "h"], ["a", "b", "c", "d", "e", "f", "g"]) {
            tex += "\\def\\\(name){" + String(repeating: "\\\(previous)", count: 10) + "}"
        }
        let (result, seconds) = typesetTimed(tex + "\\h")
        // Either cap may trip first: every expansion here also produces ten tokens.
        let message = result.diagnostics.first?.message ?? ""
        #expect(message.hasPrefix("macro expansion produced more than") || message.hasPrefix("more than 2000 macro expansions"))
        #expect(seconds < timeLimit)
    }

    @Test func unmatchedClosingBrace() {
        #expect(typesetTimed("a}b").0.diagnostics.first?.message == "'}' has no matching '{'")
    }

    @Test func longFlatFormulaIsLinear() {
        let tex = String(repeating: "a+\\frac{b}{c}-", count: 20_000) + "d"
        let (result, seconds) = typesetTimed(tex)
        #expect(result.diagnostics.isEmpty)
        #expect(seconds < timeLimit * 5)
    }

    @Test func strayBackslashAndHalfCharacters() {
        #expect(typesetTimed("a\\").0.html.contains("<merror>"))
        #expect(typesetTimed("x^").0.diagnostics.first?.message == "'^' is missing its script")
        #expect(typesetTimed("\\frac").0.diagnostics.first?.message == "'\\frac' is missing an argument")
    }
}
