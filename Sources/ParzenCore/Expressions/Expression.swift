#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A real-valued formula in one variable (x, or r for a radial kernel), as a user writes a
/// kernel: numbers, the variable,
/// `+ − * / ^`, unary minus, the functions `abs exp log sqrt sin cos tanh cosh` and the
/// constants `pi` and `e`.
///
/// Parsed once by `ExpressionParser` into a tree, then compiled to a postfix program so that
/// evaluation (N·M times in a kernel density estimate) is a flat loop over a small stack with
/// no recursion and no allocation.
///
/// Grammar, loosest binding first (`^` is right-associative and binds tighter than unary
/// minus, so `-x^2` is −(x²) as in mathematics):
/// ```
/// sum     = product (('+' | '-') product)*
/// product = unary (('*' | '/') unary)*
/// unary   = '-' unary | power
/// power   = primary ('^' unary)?
/// primary = number | variable | 'pi' | 'e' | function '(' sum ')' | '(' sum ')'
/// ```
public struct Expression: Sendable, Equatable {
    /// The formula as written.
    public let source: String
    /// The name of the variable: "x" unless given.
    public let variable: String
    /// The formula in postfix order.
    let program: [Instruction]

    /// Parses `source`.
    /// - Throws: `ExpressionError` with the character offset of the first mistake.
    public init(_ source: String, variable: String = "x") throws {
        self.source = source
        self.variable = variable
        var parser = ExpressionParser(source, variable: variable)
        program = try parser.parse()
    }

    /// The formula's value at x (IEEE semantics: log(−1) is NaN, 1/0 is +∞).
    public func value(at x: Double) -> Double {
        // Depth is bounded by the parser's nesting cap, so a fixed small stack suffices.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: program.count) { stack in
            var top = -1
            for instruction in program {
                switch instruction {
                case .constant(let c):
                    top += 1
                    stack[top] = c
                case .variable:
                    top += 1
                    stack[top] = x
                case .negate:
                    stack[top] = -stack[top]
                case .function(let f):
                    stack[top] = f.apply(stack[top])
                case .binary(let op):
                    let b = stack[top]
                    top -= 1
                    stack[top] = op.apply(stack[top], b)
                }
            }
            return stack[top]
        }
    }

    /// One step of the postfix program.
    enum Instruction: Sendable, Equatable {
        case constant(Double)
        case variable
        case negate
        case function(Function)
        case binary(Operator)
    }

    /// The binary operators.
    enum Operator: Character, Sendable, Equatable {
        case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"

        func apply(_ a: Double, _ b: Double) -> Double {
            switch self {
            case .add: a + b
            case .subtract: a - b
            case .multiply: a * b
            case .divide: a / b
            case .power: Operator.power(a, b)
            }
        }

        /// aᵇ, with integer exponents by repeated multiplication so that (−2)^3 = −8 and
        /// x^2 is exact, as a reader expects; other exponents through `pow`.
        static func power(_ a: Double, _ b: Double) -> Double {
            if b == b.rounded(), abs(b) <= 64 {
                var result = 1.0, base = a, k = Int(abs(b))
                while k > 0 {
                    if k & 1 == 1 { result *= base }
                    base *= base
                    k >>= 1
                }
                return b < 0 ? 1 / result : result
            }
            return libmPow(a, b)
        }
    }

    /// The functions a formula may call.
    enum Function: String, Sendable, Equatable, CaseIterable {
        case abs, exp, log, sqrt, sin, cos, tanh, cosh

        func apply(_ v: Double) -> Double {
            switch self {
            case .abs: Swift.abs(v)
            case .exp: libmExp(v)
            case .log: libmLog(v)
            case .sqrt: v.squareRoot()
            case .sin: libmSin(v)
            case .cos: libmCos(v)
            case .tanh: libmTanh(v)
            case .cosh: libmCosh(v)
            }
        }
    }
}

// The C library's elementary functions under other names, because inside
// `Expression.Function` the bare names `exp`, `log`, … are the enum's own cases.
private func libmExp(_ v: Double) -> Double { exp(v) }
private func libmLog(_ v: Double) -> Double { log(v) }
private func libmSin(_ v: Double) -> Double { sin(v) }
private func libmCos(_ v: Double) -> Double { cos(v) }
private func libmTanh(_ v: Double) -> Double { tanh(v) }
private func libmCosh(_ v: Double) -> Double { cosh(v) }
private func libmPow(_ a: Double, _ b: Double) -> Double { pow(a, b) }
