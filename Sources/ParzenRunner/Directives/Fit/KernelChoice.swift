import ParzenCore
import ParzenFormat
import ParzenMarkup

/// A kernel as written by an author or on the command line: a built-in name, or a formula
/// in x that the core checks (K ≥ 0, ∫K < ∞) and normalises.
public enum KernelChoice: Error, Sendable {
    /// Not a kernel name and not a formula (no x); `fix` suggests the closest name.
    case unknown(fix: String)
    /// A formula that does not parse; the error carries the character offset.
    case unreadable(ExpressionError)
    /// A formula that is not a valid kernel, with the core's reason.
    case refused(ModelError)

    /// The kernel named or written as `text`.
    public static func kernel(_ text: String) throws(KernelChoice) -> Kernel {
        if let kernel = Kernel(named: text) { return kernel }
        guard text.contains("x") else {
            throw .unknown(fix: Suggestion.didYouMean(text, among: Kernel.builtInNames)
                ?? "use one of \(Kernel.builtInNames.joined(separator: ", ")), or a formula in x")
        }
        do {
            return .formula(try FormulaKernel(source: text))
        } catch let error as ExpressionError {
            throw .unreadable(error)
        } catch let error as ModelError {
            throw .refused(error)
        } catch {
            preconditionFailure("FormulaKernel throws only ExpressionError or ModelError, got \(error)")
        }
    }

    /// The kernel named or written as `text` in a notebook option at `location`; a formula's
    /// parse error points at the offending character.
    /// - Throws: `DirectiveError` at the option (or the character).
    public static func kernel(_ text: String, at location: SourceLocation) throws -> Kernel {
        do {
            return try kernel(text)
        } catch .unknown(let fix) {
            throw DirectiveError("unknown kernel '\(text)'", fix: fix, at: location)
        } catch .unreadable(let error) {
            throw DirectiveError("cannot read the kernel formula: \(error.message)",
                                 at: SourceLocation(line: location.line, column: location.column + error.offset))
        } catch .refused(let error) {
            throw DirectiveError(error.problem, fix: error.fix, at: location)
        }
    }
}
