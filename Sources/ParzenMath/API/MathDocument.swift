import ParzenMarkup

/// Typesets the formulas of one notebook as MathML Core, in document order, keeping what
/// LaTeX keeps across a document: user macros, the equation counter and the labels.
///
/// ```swift
/// let math = MathDocument(macros: ["R": "\\mathbb{R}"])
/// let formula = math.typeset("x \\in \\R", display: false, origin: 7)
/// let (html, problems) = math.resolveReferences(in: page)   // after the whole page is built
/// ```
///
/// Cross-references (`\eqref`, `\ref`, in math or in prose via `reference(to:…)`) are
/// written as placeholders and resolved by `resolveReferences(in:)` once every formula has
/// been typeset, so forward references work as with LaTeX's aux file.
public final class MathDocument {
    private let macros: MacroTable
    private let numbering = EquationNumbering()
    /// References waiting for `resolveReferences`, indexed by their placeholder number.
    private var references: [(label: String, parenthesized: Bool, origin: Int, offset: Int)] = []

    /// Creates a document with the front matter's `math.macros`: name (with or without the
    /// backslash) → body; the argument count is the highest `#n` in the body.
    public init(macros: [String: String]) {
        self.macros = MacroTable(frontMatter: macros)
    }

    /// Typesets one formula. Inline math becomes `<math>`, display math
    /// `<math display="block">`; both carry the source in `alttext` and in an
    /// `application/x-tex` annotation. Never fails: broken input is shown as `<merror>` with
    /// its source and reported in `diagnostics`.
    ///
    /// - Parameters:
    ///   - tex: the formula without its delimiters (`$`, `$$`).
    ///   - display: whether it is display math. `$$…$$` alone is unnumbered, like `\[…\]`;
    ///     `equation`, `align`, `gather` and `multline` inside it are numbered as in amsmath.
    ///   - origin: the caller's token for this formula, carried into diagnostics.
    public func typeset(_ tex: String, display: Bool, origin: Int) -> TypesetFormula {
        let log = DiagnosticLog()
        let parser = Parser(tex, display: display, macros: macros, numbering: numbering, log: log)
        do {
            let node = try parser.parseFormula()
            let html = MathMLWriter.formula(node, source: tex, display: display) { label, parenthesized, offset in
                self.placeholder(for: label, parenthesized: parenthesized, origin: origin, offset: offset)
            }
            return TypesetFormula(html: html, diagnostics: log.diagnostics(origin: origin))
        } catch let error as TeXError {
            log.fatal(error.message, fix: error.fix, at: error.offset)
            return TypesetFormula(html: MathMLWriter.failedFormula(source: tex, display: display), diagnostics: log.diagnostics(origin: origin))
        } catch {
            preconditionFailure("the TeX parser throws only TeXError, got \(error)")
        }
    }

    /// Markup for `\eqref{label}` (parenthesised) or `\ref{label}` written in prose outside
    /// math: a link to the equation whose number is filled in by `resolveReferences(in:)`.
    /// `offset` is where the reference starts in the prose the caller identifies by `origin`.
    public func reference(to label: String, parenthesized: Bool, origin: Int, offset: Int) -> String {
        placeholder(for: label, parenthesized: parenthesized, origin: origin, offset: offset)
    }

    /// Replaces the reference placeholders in the final HTML with "(n)" / "n"; an unknown
    /// label becomes "(??)" / "??" with a warning at the reference, as LaTeX does. Call once,
    /// after every formula and prose reference of the document went through this object.
    public func resolveReferences(in html: String) -> (html: String, diagnostics: [MathDiagnostic]) {
        var diagnostics: [MathDiagnostic] = []
        var output: [UInt8] = []
        let bytes = Array(html.utf8)
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            // U+E000 is EE 80 80 in UTF-8; U+E001 is EE 80 81.
            if bytes[index] == 0xEE, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                var cursor = index + 3
                var number = 0
                while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
                    number = number * 10 + Int(bytes[cursor] - 0x30)
                    cursor += 1
                }
                if cursor + 2 < bytes.count, bytes[cursor] == 0xEE, bytes[cursor + 1] == 0x80, bytes[cursor + 2] == 0x81,
                   number < references.count {
                    let reference = references[number]
                    let text: String
                    if let known = numbering.labels[reference.label] {
                        text = known
                    } else {
                        text = "??"
                        diagnostics.append(MathDiagnostic(severity: .warning, message: "reference to undefined label '\(reference.label)'",
                                                          fix: "add \\label{\(reference.label)} to a numbered equation",
                                                          origin: reference.origin, offset: reference.offset,
                                                          unresolvedLabel: reference.label))
                    }
                    output += Array(Escaping.text(reference.parenthesized ? "(\(text))" : text).utf8)
                    index = cursor + 3
                    continue
                }
            }
            output.append(bytes[index])
            index += 1
        }
        return (String(decoding: output, as: UTF8.self), diagnostics)
    }

    /// A link whose text is a private-use marker (U+E000, index, U+E001) that cannot occur in
    /// escaped author text by accident and survives any HTML assembly around it.
    private func placeholder(for label: String, parenthesized: Bool, origin: Int, offset: Int) -> String {
        references.append((label, parenthesized, origin, offset))
        let anchor = EquationNumbering.anchor(for: label)
        return "<a class=\"eqref\" href=\"#" + Escaping.attribute(anchor) + "\">\u{E000}\(references.count - 1)\u{E001}</a>"
    }
}
