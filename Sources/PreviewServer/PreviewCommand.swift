import ArgumentParser
import Dispatch
import Foundation
import ParzenCommandLine
import ParzenFormat
import ParzenPreview
import ParzenReport
import ParzenRunner

/// `parzen-preview`, which `parzen preview` runs: the preview server lives in its own
/// executable so that `parzen` links neither the HTTP library nor FoundationNetworking (and
/// libcurl), which cost every render 10–25 ms of start-up.
@main
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parzen preview",
        abstract: "Serve notebooks as live pages that re-render and reload when a notebook or a file it reads changes.",
        discussion: """
        parzen preview notebooks/ serves every *.md in the folder (or the notebooks named; without \
        arguments, the project's, as parzen render) at http://127.0.0.1:8000/, each page at the \
        path parzen render writes it to, and watches them, the data files their directives name, and the \
        --templates folder. Errors appear over the page (and here, as path:line:column); the last \
        page that built without errors stays underneath. The served pages carry a small reload \
        script; `parzen render` never writes one. Ctrl-C stops. See docs/authoring.md.
        """
    )

    @OptionGroup var notebookOptions: NotebookOptions
    @OptionGroup var cacheOptions: CacheOptions

    @Option(help: "The TCP port to serve on (0 picks a free one). Default: 8000.")
    var port: UInt16 = 8000

    @Option(help: """
        The address to listen on; anything but loopback shows your notebooks to the network. \
        Default: 127.0.0.1.
        """)
    var host = "127.0.0.1"

    @Flag(help: "Open the index in the default browser once the server listens.")
    var open = false

    /// The notebooks: the files named, and every `.md` file directly inside a folder named.
    var notebooks: [String] {
        notebookOptions.notebooks.flatMap { path -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
                return [path]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }.sorted()
                .map { (path as NSString).appendingPathComponent($0) }
        }
    }

    func validate() throws {
        // None named: the project's notebooks (the plan says when there is no project).
        if !notebookOptions.notebooks.isEmpty, notebooks.isEmpty {
            throw ValidationError("No notebooks (*.md) in \(notebookOptions.notebooks.joined(separator: ", ")). "
                                  + "Please name notebooks or a folder that holds some.")
        }
    }

    func run() throws {
        // The last renders' results stay in memory: a save re-renders without reading the cache folder.
        var cache = cacheOptions.policy()
        cache?.memory = ResultMemory()
        // The notebooks, their pages' paths, the project's defaults and navigation as `parzen
        // render` has them: the preview is the rendered site.
        let plan = try notebookOptions.plan(output: nil, notebooks: notebooks)
        let builder = notebookOptions.builder(for: plan, cache: cache)
        let session = PreviewSession(plan: plan, builder: builder, templates: try notebookOptions.loadTemplates(),
                                     templatesFolder: notebookOptions.templateFolder)
        let diagnostics = notebookOptions.diagnostics
        let shouldOpen = open
        let previewer: Previewer
        do {
            previewer = try Previewer(session: session, host: host, port: port) { event in
                Self.print(event, diagnostics: diagnostics, open: shouldOpen)
            }
        } catch {
            throw ValidationError("'\(host)' is not an IPv4 or IPv6 address. "
                                  + "Please give one, such as 127.0.0.1 or ::1.")
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let serving = Task {
            defer { finished.signal() }
            do { try await previewer.run() } catch is CancellationError {} catch {
                failure.error = error
            }
        }
        // Ctrl-C cancels the serving task, which closes the server and the watcher.
        signal(SIGINT, SIG_IGN)
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        interrupt.setEventHandler { serving.cancel() }
        interrupt.resume()
        finished.wait()
        if let error = failure.error {
            throw ValidationError("Cannot serve on \(host):\(port): \(error). Please give another --host or --port.")
        }
        FileHandle.standardError.write(Data("Stopped.\n".utf8))
    }

    /// The serving task's error, read after the task has finished (the semaphore orders the two).
    private final class FailureBox: @unchecked Sendable {
        var error: (any Error)?
    }

    private static func print(_ event: Previewer.Event, diagnostics: DiagnosticsFormat, open: Bool) {
        switch event {
        case .listening(let url):
            FileHandle.standardError.write(Data("Serving \(url.absoluteString) — Ctrl-C stops.\n".utf8))
            if open { openInBrowser(url) }
        case .rendered(let outcome):
            let milliseconds = Double(outcome.duration.components.attoseconds) * 1e-15
                + Double(outcome.duration.components.seconds) * 1e3
            let names = outcome.rebuilt.isEmpty ? "templates" : outcome.rebuilt.joined(separator: ", ")
            FileHandle.standardError.write(Data(String(format: "Rendered %@ in %.0f ms.\n", names, milliseconds).utf8))
            diagnostics.print(outcome.diagnostics)
        }
    }

    /// Hands the address to the desktop's opener (`open` on macOS, `xdg-open` elsewhere).
    private static func openInBrowser(_ url: URL) {
        let process = Process()
        #if os(macOS)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/open")
        process.arguments = [url.absoluteString]
        #else
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["xdg-open", url.absoluteString]
        #endif
        do { try process.run() } catch {
            let message = "Cannot open a browser (\(error)); please open \(url.absoluteString).\n"
            FileHandle.standardError.write(Data(message.utf8))
        }
    }
}
