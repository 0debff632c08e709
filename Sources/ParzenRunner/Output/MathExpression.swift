/// A formula as a value: what a directive shows as mathematics (a model's definition, the
/// KL derivation with this notebook's numbers) without writing TeX. Each writer spells it in
/// its own language — TeX for MathML and LaTeX, `$…$` for notebooks — so the runner holds no
/// markup and numbers stay numbers until they are printed.
public indirect enum MathExpression: Sendable, Equatable {
    /// A variable in italics: `x`, `N`, `h`.
    case variable(String)
    /// A Greek letter.
    case greek(Greek)
    /// A number, printed to its precision.
    case number(Quantity)
    /// An operator, relation or punctuation mark.
    case symbol(MathSymbol)
    /// Upright words inside a formula.
    case text(String)
    /// A letter or name in a special alphabet: 𝒩, 𝔼, KL.
    case styled(MathAlphabet, String)
    /// A sequence, written side by side.
    case row([MathExpression])
    case fraction(MathExpression, MathExpression)
    case squareRoot(MathExpression)
    case subscripted(MathExpression, MathExpression)
    case superscripted(MathExpression, MathExpression)
    /// An estimate's hat: μ̂.
    case hat(MathExpression)
    /// A vector or matrix symbol in bold.
    case bold(MathExpression)
    /// An expression between delimiters that grow with it.
    case fenced(MathExpression, Fence)
    /// Σ with limits.
    case sum(from: MathExpression, to: MathExpression?)
    /// ∫.
    case integral
    /// A matrix in parentheses, rows of cells.
    case matrix([[MathExpression]])
    /// A thin space.
    case thinSpace

    public enum Greek: String, Sendable, CaseIterable, Codable {
        case alpha, beta, delta, lambda, mu, nu, pi, sigma, theta, Sigma
    }

    public enum MathAlphabet: String, Sendable, Codable {
        /// 𝒩 (the normal density).
        case calligraphic
        /// 𝔼 (expectation).
        case blackboard
        /// Upright letters: KL, IQR, emp.
        case roman
    }

    public enum Fence: String, Sendable, Codable {
        /// ( … ) and [ … ] at the size of the text.
        case parentheses, brackets
        /// ( … ) and [ … ] that grow with what they enclose.
        case stretchyParentheses, stretchyBrackets
    }

    /// `base_sub`.
    public static func sub(_ base: MathExpression, _ script: MathExpression) -> MathExpression {
        .subscripted(base, script)
    }

    /// `base^sup`.
    public static func sup(_ base: MathExpression, _ script: MathExpression) -> MathExpression {
        .superscripted(base, script)
    }

    /// A number.
    public static func num(_ x: Double) -> MathExpression { .number(Quantity(x)) }

    /// A whole number.
    public static func int(_ n: Int) -> MathExpression { .number(.count(n)) }

    /// Items separated by ", " — a tuple's inside.
    public static func commaSeparated(_ items: [MathExpression]) -> MathExpression {
        var out: [MathExpression] = []
        for (index, item) in items.enumerated() {
            if index > 0 { out.append(.symbol(.comma)) }
            out.append(item)
        }
        return .row(out)
    }
}

/// Operators, relations and punctuation that formulas use.
public enum MathSymbol: String, Sendable, CaseIterable, Codable {
    case equals, approximately, plus, minus, mid, comma, slash, lessThan, greaterThan
    case transpose, parallel, integralDifferential
    /// The operators min and log, upright.
    case minimum, logarithm
}

/// Rows of an aligned derivation (`lhs = step = step ≈ result`), which a writer lays out
/// as amsmath's `align` does. Derivations that directives insert are numbered in their own
/// sequence — (D1), (D2), … — so the author's equation numbers are never taken.
public struct Derivation: Sendable, Equatable {
    /// Each row: what stands left of the alignment point (empty for continuation rows) and
    /// what follows it, starting with the relation.
    public var rows: [(left: MathExpression?, right: MathExpression)]
    /// The label of the derivation as a whole (on its last row), for `\eqref` and `{ref}`.
    public var label: String?

    public init(rows: [(left: MathExpression?, right: MathExpression)], label: String?) {
        self.rows = rows
        self.label = label
    }

    public static func == (a: Derivation, b: Derivation) -> Bool {
        a.label == b.label && a.rows.count == b.rows.count
            && zip(a.rows, b.rows).allSatisfy { $0.left == $1.left && $0.right == $1.right }
    }
}
