import Foundation

/// Paths to the project's shared reference files (`../shared/` beside the repository),
/// located from this source file so tests work from any working directory.
enum SharedFiles {
    static let repositoryRoot: String = {
        // Resolve symlinks: a development package may link this folder from elsewhere.
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/ParzenFormatTests/SharedFiles.swift
        return url.path
    }()
    static let sharedFolder = repositoryRoot + "/../shared"
    static let seedPost = sharedFolder + "/seed/what-is-a-generative-model.md"
}
