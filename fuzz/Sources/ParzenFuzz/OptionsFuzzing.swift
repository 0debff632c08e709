import Foundation
import ParzenFormat
import ParzenRunner

/// A directive's options: ``FuzzTarget/options``. The input's first line names the directive
/// (any other first line picks one by its length, so no input is wasted); the rest is the
/// YAML body, as it stands between the fences on line 2 onwards.
enum OptionsFuzzing {
    static let registry = StandardDirectives.registry
    static let file = FuzzTarget.notebookPath

    static func violations(_ text: String) -> [String] {
        // Split at the first "\n" scalar (a Character would take "\r\n" as one).
        let scalars = text.unicodeScalars
        let newline = scalars.firstIndex(of: "\n")
        let firstLine = String(scalars[..<(newline ?? scalars.endIndex)])
        let body = newline.map { String(scalars[scalars.index(after: $0)...]) } ?? ""
        let known = registry.directive(named: firstLine) != nil
        let name = known ? firstLine : registry.names[firstLine.utf8.count % registry.names.count]
        let source = DirectiveSource(
            name: name, nameLocation: SourceLocation(line: 1, column: 1), label: nil, labelLocation: nil,
            location: SourceLocation(line: 1, column: 1), body: body, bodyLine: 2, bodyColumn: 1)
        let paths = ProjectPaths(notebookPath: file, allowOutside: false)
        let context = RunContext(file: file, paths: paths, globalSeed: 1, checkOnly: true)
        let outcome = NotebookRunner(registry: registry).run([source], in: context)
        let (_, yamlDiagnostics) = YAMLReader.read(body, file: file, firstLine: 2)
        return TextExtent(text, lineFeedsToo: true).outsiders(yamlDiagnostics + outcome.diagnostics, file: file)
    }
}
