import Foundation

/// Where a notebook's files may come from: paths in a notebook resolve relative to the
/// notebook and must stay inside the project root — the nearest folder at or above the
/// notebook that holds a `parzen.yml`, or else the notebook's own folder — unless the user
/// passed `--allow-outside`.
public struct ProjectPaths: Sendable {
    /// The folder the notebook is in (absolute, symlinks resolved).
    public let notebookFolder: String
    /// The project root (absolute, symlinks resolved).
    public let root: String
    public let allowOutside: Bool

    /// - Parameter notebookPath: the notebook's path as given on the command line.
    public init(notebookPath: String, allowOutside: Bool) {
        let folder = URL(fileURLWithPath: notebookPath).deletingLastPathComponent().resolvingSymlinksInPath().path
        self.notebookFolder = folder
        self.root = Self.projectRoot(startingAt: folder)
        self.allowOutside = allowOutside
    }

    static func projectRoot(startingAt folder: String) -> String {
        var candidate = URL(fileURLWithPath: folder)
        while true {
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("parzen.yml").path) {
                return candidate.path
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { return folder }
            candidate = parent
        }
    }

    /// Why a path was refused.
    public enum Problem: Error, Equatable {
        case outsideProject(resolved: String, root: String)
        case missing(resolved: String)
    }

    /// Resolves `written` against the notebook's folder (symlinks followed, so a link cannot
    /// smuggle a file in from outside) and checks that it exists and stays in the project.
    public func resolve(_ written: String) -> Result<String, Problem> {
        let base = URL(fileURLWithPath: notebookFolder, isDirectory: true)
        let url = written.hasPrefix("/") ? URL(fileURLWithPath: written) : base.appendingPathComponent(written)
        let resolved = url.standardizedFileURL.resolvingSymlinksInPath().path
        if !allowOutside, resolved != root, !resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") {
            return .failure(.outsideProject(resolved: resolved, root: root))
        }
        guard FileManager.default.fileExists(atPath: resolved) else { return .failure(.missing(resolved: resolved)) }
        return .success(resolved)
    }
}
