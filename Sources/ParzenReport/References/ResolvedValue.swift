import ParzenMarkup

/// What a `{value}` role or `\val{…}` resolved to, before a writer prints it: in prose as
/// text, in a formula as TeX (which ParzenMath typesets as `<mn>`, LaTeX as it is).
enum ResolvedValue: Equatable {
    /// A number at `digits` significant digits.
    case number(Double, digits: Int)
    /// A number with its standard error (`label.key:se`).
    case measured(MeasuredNumber)
    case text(String)
    /// A vector, e.g. a mean.
    case numbers([Double], digits: Int)

    /// For prose: `0.1329`, `0.29 ± 0.12`, `(1.2, −0.5)`, text as it is.
    var prose: String {
        switch self {
        case .number(let x, let digits): NumberFormat.prose(x, digits: digits)
        case .measured(let measured): measured.prose
        case .text(let text): text
        case .numbers(let xs, let digits):
            "(" + xs.map { NumberFormat.prose($0, digits: digits) }.joined(separator: ", ") + ")"
        }
    }

    /// For a formula: `3.2 \times 10^{-5}`, `0.29 \pm 0.12`, `\left(1.2, -0.5\right)`, text in `\text{…}`.
    var tex: String {
        switch self {
        case .number(let x, let digits): NumberFormat.tex(x, digits: digits)
        case .measured(let measured): measured.tex
        case .text(let text): "\\text{" + LaTeXText.escaped(text) + "}"
        case .numbers(let xs, let digits):
            "\\left(" + xs.map { NumberFormat.tex($0, digits: digits) }.joined(separator: ", ") + "\\right)"
        }
    }
}
