/// The result of typesetting one formula: MathML markup (always present, even for broken input)
/// and what went wrong on the way.
public struct TypesetFormula: Sendable {
    /// A complete `<math>` element, ready to be placed in HTML.
    public var html: String
    /// Errors and warnings, with offsets into the formula's TeX.
    public var diagnostics: [MathDiagnostic]

    /// Creates a result from markup and diagnostics.
    public init(html: String, diagnostics: [MathDiagnostic]) {
        self.html = html
        self.diagnostics = diagnostics
    }
}
