/// The validity checks a user's kernel formula must pass at every probe point, and the
/// wording of a refusal, shared by `FormulaKernel` (K(x)) and `RadialFormulaKernel` (k(r)).
struct KernelFormulaCheck {
    /// The formula.
    let expression: Expression
    /// How the kernel is named in messages, e.g. "the kernel exp(-abs(x))".
    let subject: String
    /// The function as written in messages: "K" or "k".
    let symbol: String
    /// The condition every refusal ends with, e.g. "a kernel must satisfy K(x) ≥ 0 and ∫K dx < ∞".
    let condition: String

    /// A `ModelError` saying why the formula is not a kernel.
    func refuse(_ problem: String) -> ModelError {
        ModelError(.invalidParameter, problem: "\(subject) is not valid: \(problem)", fix: condition)
    }

    /// The formula's value at `t`, refused when it is NaN, negative or infinite.
    func checked(_ t: Double) throws -> Double {
        let v = expression.value(at: t)
        guard v.isNaN || v < 0 || v == .infinity else { return v }
        // Only now: formatting t for the message cost more than evaluating the formula.
        let at = "\(symbol)(\(t))"
        if v.isNaN { throw refuse("\(at) is not a number") }
        if v < 0 { throw refuse("\(at) = \(v) < 0") }
        if v == .infinity { throw refuse("\(at) is infinite") }
        return v
    }
}
