import Foundation
import ParzenCore
import ParzenFormat
import ParzenMarkup

/// A kernel as written by an author or on the command line: a built-in name, a formula in x
/// (a 1-D kernel) or a radial formula in r = ‖u‖ (a kernel in any dimension where it is
/// integrable), which the core checks (K ≥ 0, ∫K < ∞) and normalises.
///
/// Which one is read from the names in the text: a single word is a kernel's name (so a
/// misspelt name gets "did you mean", not a parse error); a formula naming r is radial,
/// any other formula is in x.
public enum KernelChoice: Error, Sendable {
    /// Not a kernel name and not a formula; `fix` suggests the closest name.
    case unknown(fix: String)
    /// A formula that names both x and r.
    case bothVariables
    /// A formula that does not parse; the error carries the character offset.
    case unreadable(ExpressionError)
    /// A formula that is not a valid kernel, with the core's reason.
    case refused(ModelError)

    /// The kernel named or written as `text`.
    public static func kernel(_ text: String) throws(KernelChoice) -> Kernel {
        if let kernel = Kernel(named: text) { return kernel }
        let names = identifiers(in: text)
        guard !names.isEmpty, names != [text.trimmingCharacters(in: .whitespaces)] else {
            throw .unknown(fix: Suggestion.didYouMean(text, among: Kernel.builtInNames)
                ?? "use one of \(Kernel.builtInNames.joined(separator: ", ")), a formula in x, "
                    + "or a radial formula in r")
        }
        if names.contains("r"), names.contains("x") { throw .bothVariables }
        let radial = names.contains("r")
        return try formulas.kernel(text) { () throws(KernelChoice) -> Kernel in
            try formulaKernel(text, radial: radial)
        }
    }

    /// Checking and integrating a formula kernel takes ~10⁴ evaluations (≈10 ms): each text is
    /// checked once per process, so that `parzen preview` re-renders it, and validation and
    /// the run share it, without doing it again. The kernel is an immutable value.
    private static let formulas = FormulaKernelMemo()

    private static func formulaKernel(_ text: String, radial: Bool) throws(KernelChoice) -> Kernel {
        do {
            return radial ? .radial(try RadialFormulaKernel(source: text))
                          : .formula(try FormulaKernel(source: text))
        } catch let error as ExpressionError {
            throw .unreadable(error)
        } catch let error as ModelError {
            throw .refused(error)
        } catch {
            preconditionFailure("kernel formulas throw only ExpressionError or ModelError, got \(error)")
        }
    }

    /// The names (maximal runs of letters, digits and underscores starting with a letter) in
    /// a formula: variables, functions and constants.
    static func identifiers(in text: String) -> [String] {
        var names: [String] = [], current = ""
        for character in text + " " {
            if character.isLetter || character == "_" || (!current.isEmpty && character.isNumber) {
                current.append(character)
            } else {
                if !current.isEmpty { names.append(current) }
                current = ""
            }
        }
        return names
    }

    /// The kernel named or written in the text option `option`; a formula's parse error points
    /// at the offending character where the text maps onto the notebook column for column, and
    /// at the option otherwise (a folded or escaped YAML scalar).
    /// - Throws: `DirectiveError` at the option (or the character).
    public static func kernel(_ option: OptionValue) throws -> Kernel {
        guard case .text(let text) = option.content else {
            preconditionFailure("the kernel options are declared as text")
        }
        let location = option.location
        do {
            return try kernel(text)
        } catch .unknown(let fix) {
            throw DirectiveError("unknown kernel '\(text)'", fix: fix, at: location)
        } catch .bothVariables {
            throw DirectiveError("the kernel formula names both x and r",
                                 fix: "write a 1-D kernel in x, or a radial kernel in r = ‖u‖ (any dimension), "
                                     + "not both",
                                 at: location)
        } catch .unreadable(let error) {
            throw DirectiveError("cannot read the kernel formula: \(error.message)",
                                 at: option.location(ofCharacter: error.offset))
        } catch .refused(let error) {
            throw DirectiveError(error.problem, fix: error.fix, at: location)
        }
    }
}
