import ParzenReport
import ParzenRunner

/// `parzen check` on a notebook: ``FuzzTarget/notebook``.
enum NotebookFuzzing {
    static let path = FuzzTarget.notebookPath
    static let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)

    static func violations(_ text: String) -> [String] {
        let build = builder.build(text: text, path: path, checkOnly: true)
        return TextExtent(text).outsiders(build.diagnostics, file: path)
    }
}
