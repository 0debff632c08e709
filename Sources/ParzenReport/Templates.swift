import Foundation
import Mustache

/// The HTML templates and style sheets a report is rendered with, loaded from a folder
/// (the project's `templates/` by default): `page.mustache`, `index.mustache`, and every
/// `*.css` file, inlined into each page — `parzen.css` first, the rest by name. Sheets named
/// `math*.css` (the math font alone is ~95 KB) go only into pages that contain math.
public struct Templates: Sendable {
    public let folder: String
    let page: MustacheTemplate
    let index: MustacheTemplate
    /// The style sheets by file name, in inlining order.
    let sheets: [(name: String, text: String)]

    /// Why templates could not be loaded.
    public struct LoadError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(folder: String) throws {
        self.folder = folder
        func load(_ name: String) throws -> MustacheTemplate {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw LoadError(description: "template '\(path)' is missing or unreadable")
            }
            do {
                return try MustacheTemplate(string: text)
            } catch {
                throw LoadError(description: "template '\(path)' is not valid Mustache: \(error)")
            }
        }
        page = try load("page.mustache")
        index = try load("index.mustache")
        let sheets = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".css") }
            .sorted { ($0 == "parzen.css" ? 0 : 1, $0) < ($1 == "parzen.css" ? 0 : 1, $1) }
        self.sheets = try sheets.map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            return (name, try String(contentsOfFile: path, encoding: .utf8))
        }
    }

    /// The style sheets to inline into a page, with or without the math sheets.
    public func css(includingMath: Bool) -> String {
        sheets.filter { includingMath || !$0.name.hasPrefix("math") }
            .map { "/* \($0.name) */\n" + $0.text }
            .joined(separator: "\n")
    }

    /// Finds the default templates folder: `$PARZEN_TEMPLATES`, else a `templates/` folder
    /// holding `page.mustache` at or above the executable's folder (a checkout's
    /// `.build/release/parzen`), else at or above the current directory.
    public static func defaultFolder() -> String? {
        if let fromEnvironment = ProcessInfo.processInfo.environment["PARZEN_TEMPLATES"] { return fromEnvironment }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for start in [executable, current] {
            var folder = start
            while true {
                let candidate = folder.appendingPathComponent("templates")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("page.mustache").path) {
                    return candidate.path
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}
