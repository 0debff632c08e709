import ArgumentParser
import Foundation
import ParzenReport
import ParzenRunner

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run notebooks and write one self-contained HTML report per notebook, plus an index.",
        discussion: "parzen render a.md b.md -o out/ writes out/a.html, out/b.html and out/index.html. Reports are written atomically, also when a notebook has errors (they appear in red boxes at their place); the exit status is then 1."
    )

    @OptionGroup var notebookOptions: NotebookOptions

    @Option(name: [.short, .customLong("output")], help: "The folder to write the reports into. Default: out.")
    var output = "out"

    @Option(help: "Also write every directive's results, by notebook and label, to this JSON file.")
    var json: String?

    func run() throws {
        let templates = try notebookOptions.loadTemplates()
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: notebookOptions.allowOutside)
        let builds = notebookOptions.notebooks.map { builder.build(path: $0, checkOnly: false) }
        let site = Site(builds: builds, templates: templates)
        notebookOptions.diagnostics.print(builds.flatMap(\.diagnostics))
        do {
            for page in site.pages() {
                try AtomicFile.write(page.html, to: (output as NSString).appendingPathComponent(page.fileName))
            }
            if let json {
                try AtomicFile.write(site.resultsJSON().serialized() + "\n", to: json)
            }
        } catch {
            throw ValidationError("Cannot write the report: \(error.localizedDescription)")
        }
        if builds.contains(where: \.hasErrors) { throw ExitStatus.notebookErrors }
    }
}
