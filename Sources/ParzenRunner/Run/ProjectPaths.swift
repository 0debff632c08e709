import Foundation
import ParzenFormat

/// Where a notebook's files may come from: paths in a notebook resolve relative to the
/// notebook and must stay inside the project root — the folder of the `parzen.yml` that
/// `ProjectFile.locate(from:)` finds (the search stops at a `.git`, as everywhere else that
/// looks for the project), or else the notebook's own folder — unless the user passed
/// `--allow-outside`.
public struct ProjectPaths: Sendable {
    /// The folder the notebook is in (absolute, symlinks resolved).
    public let notebookFolder: String
    /// The project root (absolute, symlinks resolved).
    public let root: String
    /// Whether `root` holds a `parzen.yml` (else it is the notebook's own folder).
    public let isProject: Bool
    public let allowOutside: Bool

    /// - Parameter notebookPath: the notebook's path as given on the command line.
    public init(notebookPath: String, allowOutside: Bool) {
        let folder = URL(fileURLWithPath: notebookPath).deletingLastPathComponent().resolvingSymlinksInPath().path
        self.notebookFolder = folder
        let projectFile = ProjectFile.locate(from: folder)
        self.root = projectFile.map { ($0 as NSString).deletingLastPathComponent } ?? folder
        self.isProject = projectFile != nil
        self.allowOutside = allowOutside
    }

    /// `resolved` relative to the notebook's folder when it is inside it, else as it is.
    public func relative(_ resolved: String) -> String {
        let prefix = notebookFolder.hasSuffix("/") ? notebookFolder : notebookFolder + "/"
        return resolved.hasPrefix(prefix) ? String(resolved.dropFirst(prefix.count)) : resolved
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
