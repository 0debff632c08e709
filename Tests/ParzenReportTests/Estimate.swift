import ParzenFormat
import ParzenReport
import ParzenRunner

/// A directive for the tests of computed numbers in prose and math: exposes `value` with a
/// standard error under both names results use (`nll_kde`/`nll_se_kde`,
/// `nll_difference`/`nll_difference_se`), an exact value (error 0), a broken one (error NaN),
/// a number without an error and a text.
enum Estimate: Directive {
    static let name = "estimate"
    static let version = 1
    static let summary = "Exposes a number with its standard error."
    static let resultKind = ResultKind(rawValue: "estimate")
    static let example = "value: 0.2915\nse: 0.1234\n"
    static let options = [
        OptionSpec("value", .number, required: true, help: "The number."),
        OptionSpec("se", .number, required: true, help: "Its standard error."),
    ]

    static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        let value = call.options.number("value")!
        let error = call.options.number("se")!
        var values = ResultValues()
        values["best"] = .text("kde")
        values["nll_kde"] = .number(value)
        values["nll_se_kde"] = .number(error)
        values["nll_difference"] = .number(value)
        values["nll_difference_se"] = .number(error)
        values["exact"] = .number(1.5)
        values["exact_se"] = .number(0)
        values["broken"] = .number(2)
        values["broken_se"] = .number(.nan)
        values["mmd2_kde"] = .number(0.0042)
        return DirectiveResult(kind: resultKind, values: values)
    }
}

/// The registry of the writing-values tests: `{echo}`, `{estimate}` and the standard `{assert}`.
let valuesRegistry = DirectiveRegistry([Echo.self, Estimate.self, AssertDirective.self])

/// Builds `text` as a notebook with `valuesRegistry`.
func buildValues(_ text: String, checkOnly: Bool = false) throws -> NotebookBuild {
    let path = try temporaryNotebook(text)
    return ReportBuilder(registry: valuesRegistry, allowOutside: false).build(path: path, checkOnly: checkOnly)
}
