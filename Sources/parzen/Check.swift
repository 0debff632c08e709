import ArgumentParser
import ParzenReport
import ParzenRunner

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Check notebooks — front matter, directives, options, data paths, math — without running the computations.",
        discussion: "Prints the same diagnostics as render and exits 1 if any is an error."
    )

    @OptionGroup var notebookOptions: NotebookOptions

    func run() throws {
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: notebookOptions.allowOutside,
                                    safe: notebookOptions.safe)
        let builds = notebookOptions.notebooks.map { builder.build(path: $0, checkOnly: true) }
        notebookOptions.diagnostics.print(builds.flatMap(\.diagnostics))
        if builds.contains(where: \.hasErrors) { throw ExitStatus.notebookErrors }
    }
}
