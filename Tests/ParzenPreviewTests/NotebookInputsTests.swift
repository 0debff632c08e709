import Foundation
import ParzenPreview
import ParzenRunner
import ParzenTestSupport
import Testing

/// The files a notebook reads are the path options its author wrote.
struct NotebookInputsTests {
    @Test func theTutorialReadsOldFaithful() {
        let notebook = Fixtures.repositoryFile("notebooks/what-is-a-generative-model.md").path
        let files = NotebookInputs.files(readBy: notebook, registry: StandardDirectives.registry)
        #expect(files == [Fixtures.repositoryFile("notebooks/data/old-faithful.csv").standardizedFileURL.path])
    }

    /// A missing file is still an input: creating it is the change that fixes the page.
    @Test func aMissingFileIsStillWatched() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-inputs-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let notebook = folder.appendingPathComponent("n.md")
        try "```{data} d\nsource: later/points.csv\n```\n\n```{data} e\nsource: \"quoted.csv\"\n```\n"
            .write(to: notebook, atomically: true, encoding: .utf8)
        let files = NotebookInputs.files(readBy: notebook.path, registry: StandardDirectives.registry)
        let root = folder.standardizedFileURL.path
        #expect(files == [root + "/later/points.csv", root + "/quoted.csv"])
    }

    @Test func anUnreadableNotebookHasNoOtherInputs() {
        #expect(NotebookInputs.files(readBy: "/nonexistent/n.md", registry: StandardDirectives.registry).isEmpty)
    }
}
