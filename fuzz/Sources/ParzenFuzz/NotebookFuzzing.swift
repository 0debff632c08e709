import ParzenReport
import ParzenRunner

/// `parzen check` on a notebook: ``FuzzTarget/notebook``.
enum NotebookFuzzing {
    static let path = FuzzTarget.notebookPath
    static let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)

    static func violations(_ text: String) -> [String] {
        let build = builder.build(text: text, path: path, checkOnly: true)
        let extent = TextExtent(text)
        // Diagnostics about other files (a data file's bad row) point into those files.
        return build.diagnostics.filter { $0.file == path }.compactMap { diagnostic in
            extent.problem(line: diagnostic.location.line, column: diagnostic.location.column)
                .map { "\($0): \(diagnostic)" }
        }
    }
}
