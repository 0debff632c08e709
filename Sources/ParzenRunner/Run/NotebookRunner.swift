import ParzenCore
import ParzenFormat
import ParzenMarkup

/// Runs a notebook's directives in document order. Each sees the results of those above it;
/// a failing directive becomes a failure at its place and the rest still run, so one mistake
/// never hides the other cells' results.
public struct NotebookRunner: Sendable {
    public let registry: DirectiveRegistry

    public init(registry: DirectiveRegistry) {
        self.registry = registry
    }

    /// The outcome of every directive, in order, and all diagnostics.
    public struct Outcome: Sendable {
        public var cells: [CellOutcome]
        /// How long each directive took, in the order of `cells` (for `parzen render --timings`).
        public var durations: [Duration]
        public var diagnostics: [Diagnostic]
        public var results: [String: DirectiveResult]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    public func run(_ sources: [DirectiveSource], in context: RunContext) -> Outcome {
        var cells: [CellOutcome] = []
        var durations: [Duration] = []
        let clock = ContinuousClock()
        var diagnostics: [Diagnostic] = []
        var seenLabels: [String: SourceLocation] = [:]

        for source in sources {
            let start = clock.now
            let (cell, cellDiagnostics) = runOne(source, in: context, seenLabels: &seenLabels)
            durations.append(clock.now - start)
            cells.append(cell)
            diagnostics += cellDiagnostics
        }
        return Outcome(cells: cells, durations: durations, diagnostics: diagnostics, results: context.resultsByLabel)
    }

    private func runOne(_ source: DirectiveSource, in context: RunContext, seenLabels: inout [String: SourceLocation]) -> (CellOutcome, [Diagnostic]) {
        let file = context.file
        guard let directive = registry.directive(named: source.name) else {
            let d = Diagnostic(.error, file: file, at: source.nameLocation, "unknown directive '{\(source.name)}'",
                               fix: Suggestion.fix(for: source.name, among: registry.names))
            return (.failure([d]), [d])
        }
        var early: [Diagnostic] = []
        if let label = source.label {
            if let first = seenLabels[label] {
                early.append(Diagnostic(.error, file: file, at: source.labelLocation ?? source.location,
                                        "label '\(label)' is already used at line \(first.line)",
                                        fix: "labels must be unique in a notebook; rename one"))
            } else {
                seenLabels[label] = source.labelLocation ?? source.location
            }
        }
        var checker = OptionChecker(file: file, context: context)
        let options = checker.check(source, as: directive)
        let call = DirectiveCall(name: source.name, label: source.label, location: source.location, options: options)
        let expectsError = options.text("expect") == "error"
        let problems = early + checker.diagnostics
        if let label = source.label, early.isEmpty {
            context.declare(label, kind: directive.resultKind, at: source.labelLocation ?? source.location)
        }

        if problems.contains(where: { $0.severity == .error }) {
            if let label = source.label { context.recordFailure(label, at: source.location) }
            return (.failure(problems), problems)
        }
        if context.checkOnly { return (.checked, problems) }

        do {
            let result = try directive.run(call, in: context)
            if expectsError {
                let d = Diagnostic(.error, file: file, at: options.location(of: "expect") ?? source.location,
                                   "this directive was expected to fail (expect: error) but it succeeded",
                                   fix: "remove 'expect: error' or change the input so that it fails")
                return (.failure(problems + [d]), problems + [d])
            }
            if let label = source.label { context.record(label, result) }
            return (.success(result), problems)
        } catch {
            let diagnostic = Self.diagnostic(for: error, file: file, fallback: source.location)
            if let label = source.label { context.recordFailure(label, at: source.location) }
            if expectsError { return (.expectedFailure(message: diagnostic.text), problems) }
            return (.failure(problems + [diagnostic]), problems + [diagnostic])
        }
    }

    static func diagnostic(for error: any Error, file: String, fallback: SourceLocation) -> Diagnostic {
        if let error = error as? DirectiveError {
            return Diagnostic(.error, file: file, at: error.location ?? fallback, error.message, fix: error.fix)
        }
        if let error = error as? ModelError {
            return Diagnostic(.error, file: file, at: fallback, error.problem, fix: error.fix)
        }
        return Diagnostic(.error, file: file, at: fallback, String(describing: error))
    }
}
