/// How much of a directive's explanatory output the page shows (`output:` on a directive, or
/// as a default in the front matter or `parzen.yml`).
public enum OutputDetail: String, Sendable, Equatable, CaseIterable {
    /// Figures and tables only: the result without words or formulas.
    case none
    /// Figures, tables and formulas — the model with its numbers — without sentences or derivations.
    case brief
    /// Everything the directive writes (the default).
    case full
}
