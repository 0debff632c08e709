import Foundation
import ParzenFormat
import Testing
@testable import ParzenRunner

/// Runs the standard directives on a tiny notebook: every line "```{name} label" opens a
/// directive whose body runs to the next "```", with the positions the Markdown layer
/// reports (name at column 5, label after it, body from column 1 of the next line). Files
/// are written to a fresh folder that is the project root.
struct DirectiveNotebook {
    let folder: URL
    let sources: [DirectiveSource]

    init(_ text: String, files: [String: String] = [:]) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-directives-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, content) in files {
            let url = folder.appendingPathComponent(name)
            try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try! content.write(to: url, atomically: true, encoding: .utf8)
        }
        var sources: [DirectiveSource] = []
        let lines = text.components(separatedBy: "\n")
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("```{"), let close = line.firstIndex(of: "}") {
                let name = String(line[line.index(line.startIndex, offsetBy: 4)..<close])
                let rest = line[line.index(after: close)...]
                let label = rest.trimmingCharacters(in: .whitespaces)
                let labelColumn = 4 + name.count + 2 + (rest.count - rest.drop(while: { $0 == " " }).count)
                var body: [String] = []
                var j = i + 1
                while j < lines.count, lines[j] != "```" { body.append(lines[j]); j += 1 }
                sources.append(DirectiveSource(name: name, nameLocation: SourceLocation(line: i + 1, column: 5),
                                               label: label.isEmpty ? nil : label,
                                               labelLocation: label.isEmpty ? nil : SourceLocation(line: i + 1, column: labelColumn),
                                               location: SourceLocation(line: i + 1, column: 1),
                                               body: body.joined(separator: "\n") + "\n", bodyLine: i + 2, bodyColumn: 1))
                i = j
            }
            i += 1
        }
        self.sources = sources
    }

    func run(seed: UInt64 = 0, observer: (any RunObserver)? = nil) -> NotebookRunner.Outcome {
        let path = folder.appendingPathComponent("nb.md").path
        let context = RunContext(file: "nb.md", paths: ProjectPaths(notebookPath: path, allowOutside: false),
                                 globalSeed: seed, checkOnly: false)
        return NotebookRunner(registry: StandardDirectives.registry, observer: observer).run(sources, in: context)
    }
}

extension NotebookRunner.Outcome {
    /// "line:column message" of every diagnostic, for exact assertions.
    var messages: [String] { diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } }

    func number(_ label: String, _ key: String) -> Double? {
        switch results[label]?.values[key] {
        case .number(let x)?: x
        case .integer(let n)?: Double(n)
        default: nil
        }
    }
}

/// The Old Faithful rows used across tests: the first twelve of R's `faithful`.
let faithfulHead = """
    eruptions,waiting
    3.600,79
    1.800,54
    3.333,74
    2.283,62
    4.533,85
    2.883,55
    4.700,88
    3.600,85
    1.950,51
    4.350,85
    1.833,54
    3.917,84
    """

@Suite struct DirectiveHarnessTests {
    @Test func fencesGetTheMarkdownLayersPositions() {
        let notebook = DirectiveNotebook("text\n```{data} faithful\nvalues: [1, 2]\n```\n")
        #expect(notebook.sources.count == 1)
        let source = notebook.sources[0]
        #expect(source.name == "data" && source.label == "faithful")
        #expect(source.labelLocation == SourceLocation(line: 2, column: 11))
        #expect(source.bodyLine == 3)
    }

    @Test func everyDirectiveIsRegisteredOnceInReferenceOrder() {
        #expect(StandardDirectives.registry.names == ["data", "fit", "sample", "plot", "compare", "assert"])
    }
}
