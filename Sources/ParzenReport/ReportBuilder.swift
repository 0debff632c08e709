import Foundation
import ParzenFormat
import ParzenRunner

/// Reads, runs and renders one notebook at a time: front matter → Markdown tree →
/// directives in order → HTML body with math, directive output and inline values.
public struct ReportBuilder: Sendable {
    public let registry: DirectiveRegistry
    public let allowOutside: Bool
    /// Render untrusted notebooks: raw HTML reduced to an allow-list, no remote images (see
    /// `HTMLRenderer.Options.safe` and docs/security.md).
    public let safe: Bool

    public init(registry: DirectiveRegistry, allowOutside: Bool, safe: Bool = false) {
        self.registry = registry
        self.allowOutside = allowOutside && !safe
        self.safe = safe
    }

    /// Builds the notebook at `path`. In check mode directives are validated but not run,
    /// and the body is still typeset so that math errors are found.
    public func build(path: String, checkOnly: Bool) -> NotebookBuild {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            let diagnostic = Diagnostic(.error, file: path, at: SourceLocation(line: 1, column: 1),
                                        "cannot read the notebook as UTF-8 text", fix: "save it as UTF-8")
            return NotebookBuild(path: path, frontMatter: FrontMatter(), bodyHTML: nil, headings: [], diagnostics: [diagnostic], results: [])
        }
        return build(text: text, path: path, checkOnly: checkOnly)
    }

    /// Builds a notebook from its text; `path` names it in diagnostics and anchors its files.
    public func build(text: String, path: String, checkOnly: Bool) -> NotebookBuild {
        let (repairedText, repairs) = MojibakeRepair.repair(text)
        let repairDiagnostics = repairs.map {
            Diagnostic(.warning, file: path, at: SourceLocation(line: $0.line, column: $0.column),
                       "repaired mis-encoded text '\($0.original)' as '\($0.repaired)' (UTF-8 that was read as Windows-1252)",
                       fix: "save the file as UTF-8 with the intended characters")
        }
        let (split, splitDiagnostics) = FrontMatterParser.split(repairedText, file: path)
        let (frontMatter, frontMatterDiagnostics) = FrontMatterParser.parse(split, file: path)
        let document = MarkdownParser.parse(split.body, options: .init(
            file: path, lineOffset: split.bodyFirstLine - 1, kramdownMathEscapes: frontMatter.compatibility == .jekyll))

        let fences = document.directiveFences
        let context = RunContext(file: path, paths: ProjectPaths(notebookPath: path, allowOutside: allowOutside),
                                 globalSeed: frontMatter.seed, checkOnly: checkOnly)
        let outcome = NotebookRunner(registry: registry).run(fences.map(DirectiveSource.init), in: context)

        let body = BodyRenderer(file: path, frontMatter: frontMatter, fences: fences, outcome: outcome, safe: safe)
        let html = body.render(document)

        let diagnostics = (repairDiagnostics + splitDiagnostics + frontMatterDiagnostics + document.diagnostics + outcome.diagnostics + body.diagnostics)
            .sorted { ($0.location, $0.severity.rank) < ($1.location, $1.severity.rank) }
        let results = zip(fences, outcome.cells).compactMap { fence, cell -> (String, String, DirectiveResult)? in
            guard let label = fence.label, case .success(let result) = cell else { return nil }
            return (label, fence.name, result)
        }
        let timings = zip(fences, outcome.durations).map {
            DirectiveTiming(directive: $0.name, label: $0.label, location: $0.location, duration: $1)
        }
        return NotebookBuild(path: path, frontMatter: frontMatter, bodyHTML: checkOnly ? nil : html,
                             headings: body.headings, diagnostics: diagnostics,
                             results: results.map { (label: $0.0, directive: $0.1, result: $0.2) }, timings: timings)
    }
}

extension Diagnostic.Severity {
    /// Errors first when two diagnostics share a position.
    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }
}

extension DirectiveSource {
    /// The runner's view of a fence found by the Markdown layer.
    init(_ fence: DirectiveFence) {
        self.init(name: fence.name, nameLocation: fence.nameLocation, label: fence.label, labelLocation: fence.labelLocation,
                  location: fence.location, body: fence.body, bodyLine: fence.bodyStart.line, bodyColumn: fence.bodyStart.column)
    }
}

extension MarkdownDocument {
    /// Every directive fence, in document order, wherever it is nested (lists, quotes, details).
    var directiveFences: [DirectiveFence] {
        var fences: [DirectiveFence] = []
        func visit(_ blocks: [MarkdownBlock]) {
            for block in blocks {
                switch block.kind {
                case .directive(let fence): fences.append(fence)
                case .blockQuote(let children), .details(_, let children): visit(children)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                default: break
                }
            }
        }
        visit(blocks)
        footnotes.forEach { visit($0.blocks) }
        return fences
    }
}
