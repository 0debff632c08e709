import ArgumentParser
import Foundation
import ParzenRunner

/// `parzen clean`: deletes the result caches of the given notebooks' projects.
struct Clean: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean",
        abstract: "Delete the result cache (.parzen/cache/ at the project root) of the given notebooks, "
            + "or of the current folder's project.",
        discussion: "The next render computes every directive again. Nothing else is deleted."
    )

    @Argument(help: "Notebooks whose project caches to delete. Default: the project of the current folder.")
    var notebooks: [String] = []

    func run() throws {
        let anchors = notebooks.isEmpty ? ["./notebook.md"] : notebooks
        let folders = Set(anchors.map { ResultCache.folder(forNotebook: $0).standardizedFileURL.path }).sorted()
        for folder in folders where FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.removeItem(atPath: folder)
                print("deleted \(folder)")
            } catch {
                throw ValidationError("Cannot delete the cache \(folder): \(error.localizedDescription)")
            }
        }
    }
}
