/// A mistake in the author's TeX that stops the formula from being typeset (an unterminated
/// environment, `\left` without `\right`, a runaway macro). Not used for bugs in Parzen.
///
/// The whole formula is then shown as `<merror>` with its source, and the error becomes a
/// `MathDiagnostic` at `offset`.
struct TeXError: Error, Equatable {
    var message: String
    var fix: String?
    /// UTF-8 byte offset into the formula's TeX.
    var offset: Int

    init(_ message: String, fix: String? = nil, at offset: Int) {
        self.message = message
        self.fix = fix
        self.offset = offset
    }
}
