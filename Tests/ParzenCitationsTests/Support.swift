import Foundation
import ParzenCitations
import ParzenFormat

/// Test inputs: the committed `.bib` and Markdown files under `References/`.
enum Fixture {
    static func text(_ name: String, _ ext: String) -> String {
        let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "References")!
        return try! String(contentsOf: url, encoding: .utf8)
    }

    /// The repository's root, found from this source file (Tests/ParzenCitationsTests/Support.swift).
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
}

/// Parses `source` and returns the database and the diagnostics as printed.
func parseBib(_ source: String, file: String = "refs.bib") -> (BibDatabase, [String]) {
    let (database, diagnostics) = BibDatabase.parse(source, file: file)
    return (database, diagnostics.map(\.description))
}

extension BibDatabase {
    /// The plain text of `field` of entry `key`.
    func plain(_ key: String, _ field: String) -> String? { entry(forKey: key)?[field]?.plainText }
}
