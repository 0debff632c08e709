import Foundation
import ParzenTestSupport
import Testing
@testable import ParzenRunner

/// The result-key tables that `parzen check` validates `{from: label.key}` against (issue 13):
/// every value a result holds must be declared for its shape, with its kind — otherwise
/// `check` would refuse a reference the run accepts — checked on every directive of the
/// bundled notebooks and on one directive of every model family.
@Suite struct ResultKeyDeclarationTests {
    /// Runs `notebook` as the runner does and returns, per label, the result values and the
    /// keys declared in validation.
    static func run(_ text: String, files: [String: String] = [:])
        -> [(label: String, values: ResultValues, declared: [ResultKeyDeclaration]?)] {
        let notebook = DirectiveNotebook(text, files: files)
        let path = notebook.folder.appendingPathComponent("nb.md").path
        let context = RunContext(file: "nb.md", paths: ProjectPaths(notebookPath: path, allowOutside: false),
                                 globalSeed: 0, checkOnly: false)
        let outcome = NotebookRunner(registry: StandardDirectives.registry).run(notebook.sources, in: context)
        return outcome.results.sorted { $0.key < $1.key }.map { ($0.key, $0.value.values, context.resultKeys[$0.key]) }
    }

    /// Every value is declared, with the kind it has.
    static func expectDeclared(_ results: [(label: String, values: ResultValues, declared: [ResultKeyDeclaration]?)],
                               sourceLocation: SourceLocation = #_sourceLocation) {
        for (label, values, declared) in results {
            guard let declared else { continue }
            for (key, value) in values.entries {
                let kind = declared.lazy.compactMap { $0.kind(of: key) }.first
                #expect(kind != nil, "\(label).\(key) is not declared", sourceLocation: sourceLocation)
                guard let kind else { continue }
                let fits = switch value {
                case .number: kind == .number
                case .integer: kind == .integer
                case .text: kind == .text
                case .boolean: kind == .boolean
                case .numbers: kind == .numbers
                }
                #expect(fits, "\(label).\(key) is \(value), declared \(kind)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: ["what-is-a-generative-model", "a-linear-model", "directives-tour"])
    func everyValueOfTheBundledNotebooksIsDeclared(_ name: String) throws {
        let text = try String(contentsOf: Fixtures.repositoryFile("notebooks/\(name).md"), encoding: .utf8)
        let folder = Fixtures.repositoryFile("notebooks/data")
        var files: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".csv") {
            files["data/" + file] = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        }
        let results = Self.run(text, files: files)
        #expect(results.count > 5)
        Self.expectDeclared(results)
    }

    /// One fit of every family, 1-D and 2-D, a sample and a comparison of each.
    @Test func everyFamilyDeclaresItsValues() {
        let csv = "a,b\n" + (0..<40).map { i in
            let x = Double(i) / 7, y = sin(Double(i)) + x
            return "\(x),\(y)"
        }.joined(separator: "\n") + "\n"
        var text = "```{data} one\nsource: s.csv\ncolumns: [a]\nholdout: {last: 5}\n```\n"
            + "```{data} two\nsource: s.csv\n```\n"
        let fits = [
            ("g1", "one", "gaussian"), ("k1", "one", "kde\nboundary: {lower: 0}"), ("m1", "one", "gmm\ncomponents: 2"),
            ("t1", "one", "student_t"), ("e1", "one", "empirical"), ("g2", "two", "gaussian"),
            ("k2", "two", "kde"), ("m2", "two", "gmm\ncomponents: 2"), ("t2", "two", "student_t"),
            ("p2", "two", "ppca\nlatent: 1"), ("l2", "two", "latent\nsamples: 50"),
        ]
        for (label, data, model) in fits { text += "```{fit} \(label)\ndata: \(data)\nmodel: \(model)\n```\n" }
        text += "```{sample} s1\nfit: g1\nn: 100\n```\n```{sample} s2\nfit: g2\nn: 100\n```\n"
            + "```{compare} c1\nmodels: [g1, k1]\ncriterion: all\nsamples: 200\n```\n"
            + "```{plot} b1\ndata: one\nkind: bandwidth\n```\n"
        let results = Self.run(text, files: ["s.csv": csv])
        #expect(results.filter { $0.declared != nil }.count == fits.count + 6)
        Self.expectDeclared(results)
    }

    @Test func placeholdersStandForAnyNonEmptyText() {
        let declaration = ResultKeyDeclaration([("nll_<label>", .number), ("kind", .text)], "")
        #expect(declaration.kind(of: "nll_kde") == .number)
        #expect(declaration.kind(of: "nll_") == nil && declaration.kind(of: "nl_kde") == nil)
        #expect(declaration.kind(of: "kind") == .text && declaration.kind(of: "kinds") == nil)
    }
}
