import Foundation
import ParzenPreview
import Testing

/// A real browser (Debian's headless Chromium) on a preview page: after an edit of the
/// notebook's title, the open tab's title changes without anyone reloading it — the injected
/// script heard the event and reloaded. The tab's title is read from Chromium's DevTools HTTP
/// endpoint (`/json/list`), so no WebSocket client is needed.
@Suite(.serialized)
struct BrowserReloadTests {
    /// The browser binary itself first: Debian's /usr/bin/chromium is a shell wrapper, and
    /// terminating the wrapper would leave the browser running.
    static let chromium = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "chromium is not installed (Debian: apt-get install chromium); skipped"))
    func anOpenPageReloadsAfterAnEdit() async throws {
        try await PreviewProject.serve { project in
            let profile = project.folder.appendingPathComponent("chromium-profile")
            let browser = Process()
            browser.executableURL = URL(fileURLWithPath: Self.chromium!)
            browser.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                 "--remote-debugging-port=0", "--user-data-dir=\(profile.path)",
                                 project.baseURL.appendingPathComponent("fixture.html").absoluteString]
            browser.standardError = FileHandle.nullDevice
            browser.standardOutput = FileHandle.nullDevice
            try browser.run()
            defer { browser.terminate(); browser.waitUntilExit() }

            let devTools = try await Self.devToolsPort(profile: profile)
            try await Self.waitForTabTitle("Preview fixture", devTools: devTools)
            // The page's script has connected its event stream before we edit.
            try await Self.until { await project.previewer.openEventStreams > 0 }
            try project.save(PreviewProject.notebookText(prose: "Edited.").replacingOccurrences(
                of: "title: Preview fixture", with: "title: Reloaded by itself"), to: project.notebook)
            try await Self.waitForTabTitle("Reloaded by itself", devTools: devTools)
        }
    }

    /// Chromium writes the port it chose into `DevToolsActivePort` in its profile.
    static func devToolsPort(profile: URL) async throws -> Int {
        var port: Int?
        try await until {
            let text = try? String(contentsOf: profile.appendingPathComponent("DevToolsActivePort"), encoding: .utf8)
            port = text?.split(separator: "\n").first.flatMap { Int($0) }
            return port != nil
        }
        return port!
    }

    static func waitForTabTitle(_ title: String, devTools: Int) async throws {
        try await until {
            guard let list = try? RawHTTPStream(port: devTools, path: "/json/list") else { return false }
            return (try? await list.wait(for: "\"title\": \"\(title)\"", seconds: 1)) != nil
        }
    }

    struct TimedOut: Error {}

    /// Polls `condition` every 100 ms for up to 30 s (a guard against hanging, not a speed test).
    static func until(_ condition: () async -> Bool) async throws {
        for _ in 0..<300 {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw TimedOut()
    }
}
