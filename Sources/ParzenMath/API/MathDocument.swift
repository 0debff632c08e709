import ParzenMarkup

/// Typesets the formulas of one notebook as MathML Core in two passes, keeping what LaTeX
/// keeps across a document: user macros, the equation counter and the labels.
///
/// ```swift
/// let math = MathDocument(macros: ["R": "\\mathbb{R}"])
/// let parsed = math.parse("x \\in \\R", display: false, origin: 7)   // pass 1, in document order
/// // … parse every formula, then build the page's reference table from `math.equationNumbers` …
/// let formula = math.write(parsed) { label in table[label] }           // pass 2
/// ```
///
/// Pass 1 numbers equations and records their labels, so pass 2 can resolve every
/// cross-reference (`\eqref`, `\ref`, forward ones too) from a finished table, as LaTeX does
/// with its aux file — nothing is patched into the page afterwards.
public final class MathDocument {
    private let macros: MacroTable
    private let numbering = EquationNumbering()

    /// Creates a document with the front matter's `math.macros`: name (with or without the
    /// backslash) → body; the argument count is the highest `#n` in the body.
    public init(macros: [String: String]) {
        self.macros = MacroTable(frontMatter: macros)
    }

    /// Pass 1: parses one formula, numbering its equations and recording its labels. Never
    /// fails: broken input is kept as a failure that pass 2 shows as `<merror>`.
    ///
    /// - Parameters:
    ///   - tex: the formula without its delimiters (`$`, `$$`).
    ///   - display: whether it is display math. `$$…$$` alone is unnumbered, like `\[…\]`;
    ///     `equation`, `align`, `gather` and `multline` inside it are numbered as in amsmath.
    ///   - origin: the caller's token for this formula, carried into diagnostics.
    public func parse(_ tex: String, display: Bool, origin: Int) -> ParsedFormula {
        let log = DiagnosticLog()
        numbering.origin = origin
        let parser = Parser(tex, display: display, macros: macros, numbering: numbering, log: log)
        do {
            let node = try parser.parseFormula()
            return ParsedFormula(
                source: tex, display: display, origin: origin, node: node, diagnostics: log.diagnostics(origin: origin))
        } catch let error as TeXError {
            log.fatal(error.message, fix: error.fix, at: error.offset)
            return ParsedFormula(
                source: tex, display: display, origin: origin, node: nil, diagnostics: log.diagnostics(origin: origin))
        } catch {
            preconditionFailure("the TeX parser throws only TeXError, got \(error)")
        }
    }

    /// Every label of a numbered equation parsed so far → the text `\ref` prints ("2", or a
    /// `\tag`'s text).
    public var equationNumbers: [String: String] { numbering.labels }

    /// The HTML `id` of the equation labelled `label` (deterministic; needs no escaping).
    public static func anchor(for label: String) -> String { EquationNumbering.anchor(for: label) }

    /// Pass 2: the formula's MathML. Inline math becomes `<math>`, display math
    /// `<math display="block">` (one per environment when a display holds several, such as the
    /// equations of a `subequations` group, each with its part of the source); both carry the
    /// source in `alttext` and in an `application/x-tex` annotation. A reference is resolved
    /// by `resolve`; a label it does not know is written "??" and reported with
    /// `unresolvedLabel` set.
    public func write(_ formula: ParsedFormula, resolve: (String) -> ReferenceTarget?) -> TypesetFormula {
        guard let node = formula.node else {
            return TypesetFormula(html: MathMLWriter.failedFormula(source: formula.source, display: formula.display),
                                  diagnostics: formula.diagnostics)
        }
        var unresolved: [MathDiagnostic] = []
        let html = withoutActuallyEscaping(resolve) { resolve in
            MathMLWriter.formula(node, source: formula.source, display: formula.display) {
                label, form, offset in
                let target = resolve(label)
                if target == nil {
                    unresolved.append(
                        MathDiagnostic(
                            severity: .error, message: "reference to undefined label '\(label)'",
                                                     origin: formula.origin, offset: offset, unresolvedLabel: label))
                }
                return MathDocument.referenceMarkup(target, label: label, form: form)
            }
        }
        return TypesetFormula(html: html, diagnostics: formula.diagnostics + unresolved)
    }

    /// Both passes at once, for a formula that references nothing defined later.
    public func typeset(_ tex: String, display: Bool, origin: Int) -> TypesetFormula {
        let parsed = parse(tex, display: display, origin: origin)
        return write(parsed) { label in
            self.numbering.labels[label].map { ReferenceTarget(text: $0, anchor: EquationNumbering.anchor(for: label)) }
        }
    }

    /// The link `\eqref` ("(2)") or `\ref` ("2") writes; "??" for an unknown target, as LaTeX does.
    public static func referenceMarkup(_ target: ReferenceTarget?, label: String, parenthesized: Bool) -> String {
        referenceMarkup(target, label: label, form: parenthesized ? TagForm() : nil)
    }

    /// The link, its number in `form`'s delimiters (mathtools' `\usetagform` reaches `\eqref`).
    static func referenceMarkup(_ target: ReferenceTarget?, label: String, form: TagForm?) -> String {
        let text = target?.text ?? "??"
        let anchor = target?.anchor ?? EquationNumbering.anchor(for: label)
        return "<a class=\"eqref\" href=\"#" + Escaping.attribute(anchor) + "\">"
            + Escaping.text(form.map { $0.left + text + $0.right } ?? text) + "</a>"
    }
}

/// What a cross-reference points at: the number it prints and the element id it links to.
public struct ReferenceTarget: Sendable, Equatable {
    public var text: String
    public var anchor: String

    public init(text: String, anchor: String) {
        self.text = text
        self.anchor = anchor
    }
}

/// A formula after pass 1: its parse tree (nil when it could not be parsed) and problems so far.
public struct ParsedFormula: @unchecked Sendable {
    // MathNode is an immutable tree built once by the parser and only read afterwards.
    public let source: String
    public let display: Bool
    public let origin: Int
    let node: MathNode?
    public let diagnostics: [MathDiagnostic]
}
