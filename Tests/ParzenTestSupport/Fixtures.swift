import Foundation

/// Where the test suites find their input files: the repository's own fixtures
/// (`Tests/Fixtures/`, always there) and the project's shared reference files (`../shared/`
/// beside the repository: present in CI, absent in a user's clone).
///
/// Both are located from this source file, so tests work from any working directory.
public enum Fixtures {
    /// The repository's root folder.
    public static let repositoryRoot: URL = {
        // Resolve symlinks: a development package may link this folder from elsewhere.
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/ParzenTestSupport/Fixtures.swift
        return url
    }()

    /// A file of the repository, by its path from the root (`templates`, `notebooks/x.md`).
    public static func repositoryFile(_ relativePath: String) -> URL {
        repositoryRoot.appendingPathComponent(relativePath)
    }

    /// A self-written fixture in `Tests/Fixtures/`.
    public static func file(_ relativePath: String) -> URL {
        repositoryFile("Tests/Fixtures/" + relativePath)
    }

    /// `../shared/` beside the repository, or nil when it is absent. Tests that need it carry
    /// the `.requiresSharedFolder` trait, which skips them with a notice.
    public static let sharedFolder: URL? = {
        let folder = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory)
        return exists && isDirectory.boolValue ? folder : nil
    }()

    /// A file in `../shared/`; only call it from tests that carry `.requiresSharedFolder`.
    public static func sharedFile(_ relativePath: String) -> URL {
        (sharedFolder ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared"))
            .appendingPathComponent(relativePath)
    }
}
