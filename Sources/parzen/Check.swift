import ArgumentParser
import ParzenCommandLine
import ParzenReport
import ParzenRunner

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Check notebooks — front matter, directives, options, data paths, math — without running the computations.",
        discussion: "Prints the same diagnostics as render and exits 1 if any is an error."
    )

    @OptionGroup var notebookOptions: NotebookOptions

    func run() throws {
        let plan = try notebookOptions.plan(output: nil)
        let builder = notebookOptions.builder(for: plan)
        let builds = plan.entries.map { builder.build(path: $0.path, checkOnly: true) }
        notebookOptions.diagnostics.print(plan.diagnostics + builds.flatMap(\.diagnostics))
        if plan.diagnostics.contains(where: { $0.severity == .error }) || builds.contains(where: \.hasErrors) {
            throw ExitStatus.notebookErrors
        }
    }
}
