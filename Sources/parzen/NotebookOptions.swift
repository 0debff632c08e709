import ArgumentParser
import Foundation
import ParzenReport

/// Options shared by the commands that read notebooks.
struct NotebookOptions: ParsableArguments {
    @Argument(help: "The notebooks (Markdown files) to process.")
    var notebooks: [String]

    @Option(help: "How to print diagnostics on standard error: text (path:line:column: …) or json. Default: text.")
    var diagnostics: DiagnosticsFormat = .text

    @Flag(help: "Allow notebooks to read files outside their project folder (the nearest folder with parzen.yml, else the notebook's folder).")
    var allowOutside = false

    @Option(help: "The folder with page.mustache, index.mustache and *.css. Default: the templates/ folder of the Parzen checkout, or $PARZEN_TEMPLATES.")
    var templates: String?

    func validate() throws {
        for path in notebooks where !FileManager.default.isReadableFile(atPath: path) {
            throw ValidationError("Cannot read the notebook '\(path)'. Please check the path.")
        }
    }

    /// Loads the templates, or fails with a usage error that says where they were looked for.
    func loadTemplates() throws -> Templates {
        guard let folder = templates ?? Templates.defaultFolder() else {
            throw ValidationError("Cannot find Parzen's templates folder. Please pass --templates DIR or set PARZEN_TEMPLATES.")
        }
        do {
            return try Templates(folder: folder)
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
