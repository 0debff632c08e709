import Foundation
import ParzenFormat
import ParzenRunner

/// The files a notebook reads besides itself, found from what the author wrote: every option
/// that a directive declares as a path (`source: data/x.csv` on `{data}`), read from the
/// fences' YAML and resolved against the notebook's folder.
///
/// Taken from the written options rather than from the run's results so that a path whose file
/// is missing, or whose fence failed, is still watched: creating or fixing that file is exactly
/// the change that should re-render the page. Paths outside the project are watched too (the
/// run reports them; watching them shows nothing the author did not name).
public enum NotebookInputs {
    /// Absolute, standardised paths of the files the notebook at `path` names, sorted; empty
    /// when the notebook cannot be read (the notebook itself is watched regardless).
    public static func files(readBy path: String, registry: DirectiveRegistry) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        let notebook = Notebook(text: text, path: path)
        let folder = URL(fileURLWithPath: absolute(path)).deletingLastPathComponent()
        var files = Set<String>()
        for fence in notebook.directiveFences {
            guard let directive = registry.directive(named: fence.name) else { continue }
            let (body, _) = YAMLReader.read(fence.body, file: path, firstLine: fence.bodyStart.line)
            guard let body else { continue }
            for option in directive.options where option.type.namesPaths {
                for written in writtenPaths(body[option.name]) {
                    files.insert(folder.appendingPathComponent(written).standardizedFileURL.path)
                }
            }
        }
        return files.sorted()
    }

    /// `path` made absolute against the current directory and standardised.
    public static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The scalar texts of a path option's value: one path, or a list of them.
    private static func writtenPaths(_ value: YAMLValue?) -> [String] {
        guard let value else { return [] }
        if let text = value.scalarText { return text.isEmpty ? [] : [text] }
        if case .sequence(let items, _) = value { return items.flatMap { writtenPaths($0) } }
        return []
    }
}

extension OptionType {
    /// Whether values of this type are file paths (a path, or a list of paths).
    var namesPaths: Bool {
        switch self {
        case .path: true
        case .list(let item): item.namesPaths
        default: false
        }
    }
}
