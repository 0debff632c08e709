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
        // Concurrently, as render builds them, and at the same output paths (links to sibling
        // notebooks are checked relative to the page), so that check reports what render would.
        let entries = plan.entries
        let builds = DependencyScheduler(independentJobs: entries.count).map { index in
            builder.build(path: entries[index].path, checkOnly: true, outputPath: entries[index].outputPath)
        }
        notebookOptions.diagnostics.print(plan.diagnostics + builds.flatMap(\.diagnostics))
        if plan.diagnostics.contains(where: { $0.severity == .error }) || builds.contains(where: \.hasErrors) {
            throw ExitStatus.notebookErrors
        }
    }
}
