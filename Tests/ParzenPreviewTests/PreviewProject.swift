import Foundation
import ParzenPreview
import ParzenReport
import ParzenRunner
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A throw-away project (parzen.yml, one notebook, one CSV file) served by a real `Previewer`
/// on a free loopback port.
final class PreviewProject: @unchecked Sendable {
    let folder: URL
    let previewer: Previewer
    let baseURL: URL

    var notebook: URL { folder.appendingPathComponent("fixture.md") }
    var data: URL { folder.appendingPathComponent("data/points.csv") }

    /// The notebook: a prose line to edit, a `{data}` directive reading `data/points.csv`, and
    /// the data's mean shown inline, so that editing either file changes the page.
    static func notebookText(prose: String, extra: String = "") -> String {
        """
        ---
        title: Preview fixture
        seed: 1
        ---

        \(prose)

        ```{data} points
        source: data/points.csv
        columns: [x]
        ```

        The mean is {value}`points.mean`.
        \(extra)
        """
    }

    init(watcher: (any FileWatcher)? = nil) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-preview-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data"),
                                                withIntermediateDirectories: true)
        try "# project root\n".write(to: folder.appendingPathComponent("parzen.yml"), atomically: true, encoding: .utf8)
        try "x\n1\n2\n3\n".write(to: folder.appendingPathComponent("data/points.csv"), atomically: true,
                                   encoding: .utf8)
        try Self.notebookText(prose: "First version of the prose.")
            .write(to: folder.appendingPathComponent("fixture.md"), atomically: true, encoding: .utf8)
        let plan = try RenderPlan(notebooks: [folder.appendingPathComponent("fixture.md").path], output: nil)
        let session = PreviewSession(plan: plan,
                                     builder: ReportBuilder(registry: StandardDirectives.registry, allowOutside: false),
                                     templates: try Templates.bundled(), templatesFolder: nil)
        previewer = try Previewer(session: session, host: "127.0.0.1", port: 0, watcher: watcher) { _ in }
        baseURL = try await previewer.start()
    }

    /// Saves the notebook the way an editor does: truncate and write in place.
    func save(_ text: String, to file: URL) throws {
        try Data(text.utf8).write(to: file)
    }

    /// GETs `path` and returns the status and the body as text.
    func fetch(_ path: String) async throws -> (status: Int, body: String) {
        let (data, response) = try await URLSession.shared.data(from: baseURL.appendingPathComponent(path))
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Opens the reload event stream; once its first comment arrived, the server has
    /// subscribed it (the subscription is made before the response is sent).
    func openEvents() async throws -> RawHTTPStream {
        let reader = try RawHTTPStream(port: baseURL.port ?? 0, path: LiveReloadScript.eventsPath)
        try await reader.wait(for: ": connected")
        return reader
    }

    /// Runs `body` against a new project and stops its server however `body` ends.
    static func serve(_ body: (PreviewProject) async throws -> Void) async throws {
        let project = try await PreviewProject()
        do {
            try await body(project)
        } catch {
            await project.stop()
            throw error
        }
        await project.stop()
    }

    func stop() async {
        await previewer.stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
