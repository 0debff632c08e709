import Foundation
import Testing
@testable import ParzenCore

@Suite struct ExpressionTests {
    @Test func evaluatesWithMathematicalPrecedence() throws {
        #expect(try Expression("1 + 2 * 3").value(at: 0) == 7)
        #expect(try Expression("-x^2").value(at: 3) == -9)  // −(x²), not (−x)²
        #expect(try Expression("2^3^2").value(at: 0) == 512)  // right-associative
        #expect(try Expression("(-2)^3").value(at: 0) == -8)
        #expect(try Expression("x^-1").value(at: 4) == 0.25)
        #expect(try Expression("8 / 4 / 2").value(at: 0) == 1)
        #expect(try Expression("1 - 2 - 3").value(at: 0) == -4)
        #expect(try Expression("1.5e-3 * 2e2").value(at: 0) == 0.3)
    }

    @Test func knowsTheFunctionsAndConstants() throws {
        let x = 0.7
        let cases: [(String, Double)] = [
            ("abs(-x)", x), ("exp(x)", exp(x)), ("log(x)", log(x)), ("sqrt(x)", x.squareRoot()),
            ("sin(x)", sin(x)), ("cos(x)", cos(x)), ("tanh(x)", tanh(x)), ("cosh(x)", cosh(x)),
            ("pi", Double.pi), ("e", M_E), ("exp(-x^2/2)/sqrt(2*pi)", exp(-x * x / 2) / (2 * Double.pi).squareRoot()),
        ]
        for (source, expected) in cases { #expect(try Expression(source).value(at: x) == expected, "\(source)") }
    }

    /// Each mistake names its offset (0-based, in characters) and what was expected.
    @Test func reportsMistakesWithTheirOffset() {
        let cases: [(String, Int, String)] = [
            ("", 0, "expected a formula in x, got nothing"),
            ("1 +", 3, "expected a number, x, a function or '(' but the formula ended"),
            ("exp(x", 5, "expected ')' to close '(' at offset 3"),
            ("2 * y", 4, "unknown name 'y'; the variable is x, constants pi and e, functions abs, exp, log, sqrt, sin, cos, tanh, cosh"),
            ("x)", 1, "unmatched ')'"),
            ("x x", 2, "unexpected 'x'; expected an operator (+ − * / ^) or the end"),
            ("sqrt x", 5, "expected '(' after 'sqrt'"),
            ("1..2", 0, "'1..2' is not a number"),
            ("2 * # 3", 4, "unexpected '#'; expected a number, x, a function or '('"),
        ]
        for (source, offset, message) in cases {
            #expect(throws: ExpressionError(source: source, offset: offset, message: message)) { try Expression(source) }
        }
        let error = ExpressionError(source: "exp(x", offset: 5, message: "expected ')'")
        #expect(error.description == "expected ')' at offset 5\n  exp(x\n       ^")
    }

    /// 10⁵ nested parentheses must be refused quickly, not overflow the stack.
    @Test func refusesPathologicalNesting() throws {
        let deep = String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000)
        #expect(throws: ExpressionError.self) { try Expression(deep) }
        let minuses = String(repeating: "-", count: 100_000) + "x"
        #expect(throws: ExpressionError.self) { try Expression(minuses) }
        #expect(try Expression(String(repeating: "(", count: 50) + "x" + String(repeating: ")", count: 50)).value(at: 2) == 2)
    }
}
