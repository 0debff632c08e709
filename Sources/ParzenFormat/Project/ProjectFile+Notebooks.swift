import Foundation

extension ProjectFile {
    /// The project's notebooks: every file matched by a `notebooks:` glob, relative to the
    /// project folder — glob by glob in the author's order, each glob's matches sorted, each
    /// notebook once. Hidden folders and the output folder are not searched.
    ///
    /// A glob that matches nothing is a warning (an empty `drafts/` folder is fine), a project
    /// without any notebook an error.
    public func notebookPaths() -> (paths: [String], diagnostics: [Diagnostic]) {
        let files = projectFiles()
        var paths: [String] = [], seen: Set<String> = [], diagnostics: [Diagnostic] = []
        for glob in notebooks {
            let matcher = NotebookGlob(glob.text)
            let matches = files.filter(matcher.matches)
            if matches.isEmpty {
                diagnostics.append(Diagnostic(.warning, file: path, at: glob.location,
                                              "'notebooks' glob '\(glob.text)' matches no file",
                                              fix: "check the glob against the folders beside parzen.yml"))
            }
            for match in matches where seen.insert(match).inserted { paths.append(match) }
        }
        if paths.isEmpty {
            let location = notebooks.first?.location ?? SourceLocation(line: 1, column: 1)
            diagnostics.append(Diagnostic(.error, file: path, at: location, "the project has no notebooks",
                                          fix: "add Markdown files or set 'notebooks:' to globs that match them"))
        }
        return (paths, diagnostics)
    }

    /// Every regular file under the project folder, relative to it, sorted; hidden entries and
    /// the output folder left out.
    private func projectFiles() -> [String] {
        let root = URL(fileURLWithPath: directory, isDirectory: true).standardizedFileURL
        let output = URL(fileURLWithPath: outputDirectory, isDirectory: true).standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey, .isDirectoryKey],
            options: [.skipsHiddenFiles, .skipsPackageDescendants])
        else { return [] }
        var found: [String] = []
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey])
            if values?.isDirectory == true, url.standardizedFileURL.path == output {
                walker.skipDescendants()
                continue
            }
            guard values?.isRegularFile == true, url.path.hasPrefix(prefix) else { continue }
            found.append(String(url.path.dropFirst(prefix.count)))
        }
        return found.sorted()
    }
}
