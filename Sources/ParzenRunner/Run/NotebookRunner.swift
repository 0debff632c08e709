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
        /// Where each labelled directive that failed opens, so that a `{value}` or `{ref}` to
        /// it can say so (`DirectiveError.failed`).
        public var failedLabels: [String: SourceLocation]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Runs in two phases. Validation, for every directive in order: its options, the
    /// rules between them, and its checks against the shapes above it (`Directive.validate`).
    /// Then, unless `context.checkOnly`, each directive that validated runs. A mistake that
    /// needs no computing is thus found in the first phase, by the same code in `check` and
    /// `render`, before anything slow starts.
    public func run(_ sources: [DirectiveSource], in context: RunContext) -> Outcome {
        let clock = ContinuousClock()
        var seenLabels: [String: SourceLocation] = [:]
        var validated: [Validated] = []
        var durations: [Duration] = []
        for source in sources {
            let start = clock.now
            validated.append(validate(source, in: context, seenLabels: &seenLabels))
            durations.append(clock.now - start)
        }
        var cells: [CellOutcome] = []
        var diagnostics: [Diagnostic] = []
        for (index, item) in validated.enumerated() {
            let start = clock.now
            let (cell, cellDiagnostics) = switch item {
            case .settled(let cell, let found): (cell, found)
            case .ready(let call, let directive, let found):
                context.checkOnly ? (.checked, found) : runOne(call, directive, in: context, found: found)
            }
            durations[index] += clock.now - start
            cells.append(cell)
            diagnostics += cellDiagnostics
        }
        return Outcome(cells: cells, durations: durations, diagnostics: diagnostics, results: context.resultsByLabel,
                       failedLabels: context.failedLabels)
    }

    /// A directive after validation: settled (failed, or failed as expected), or ready to run
    /// with the warnings found so far.
    private enum Validated {
        case settled(CellOutcome, [Diagnostic])
        case ready(DirectiveCall, any Directive.Type, [Diagnostic])
    }

    private func validate(_ source: DirectiveSource, in context: RunContext,
                          seenLabels: inout [String: SourceLocation]) -> Validated {
        let file = context.file
        guard let directive = registry.directive(named: source.name) else {
            // MyST names too: a misspelt `{notte}` reaches the runner as an unknown directive.
            let known = registry.names + MySTDirectiveNames.all
            let d = Diagnostic(.unknownDirective(source.name, known: known), file: file, at: source.nameLocation)
            if let label = source.label, seenLabels[label] == nil {
                seenLabels[label] = source.labelLocation ?? source.location
                context.recordFailure(label, at: source.location)
            }
            return .settled(.failure([d]), [d])
        }
        var early: [Diagnostic] = []
        if let label = source.label {
            if let first = seenLabels[label] {
                early.append(Diagnostic(.duplicateLabel(label, firstLine: first.line), file: file,
                                        at: source.labelLocation ?? source.location))
            } else {
                seenLabels[label] = source.labelLocation ?? source.location
            }
        }
        var checker = OptionChecker(file: file, context: context)
        let options = checker.check(source, as: directive)
        let call = DirectiveCall(name: source.name, label: source.label, location: source.location, options: options)
        let problems = early + checker.diagnostics
        // A duplicate label belongs to the first directive that used it: nothing is recorded.
        let ownLabel = early.isEmpty ? source.label : nil
        if let label = ownLabel {
            context.declare(label, kind: directive.resultKind, at: source.labelLocation ?? source.location)
        }
        if problems.contains(where: { $0.severity == .error }) {
            if let label = ownLabel { context.recordFailure(label, at: source.location) }
            return .settled(.failure(problems), problems)
        }
        var errors = directive.rules.flatMap {
            $0.violations(in: options, directive: source.name, at: source.location)
        }.map { Self.diagnostic(for: $0, file: file, fallback: source.location) }
        if errors.isEmpty {
            do {
                let shape = try directive.validate(call, in: ValidationContext(context))
                if let label = ownLabel { context.recordShape(label, shape) }
            } catch {
                errors = [Self.diagnostic(for: error, file: file, fallback: source.location)]
            }
        }
        guard errors.isEmpty else {
            if let label = ownLabel { context.recordFailure(label, at: source.location) }
            if options.text("expect") == "error" {
                return .settled(.expectedFailure(message: errors[0].text), problems)
            }
            return .settled(.failure(problems + errors), problems + errors)
        }
        return .ready(call, directive, problems)
    }

    private func runOne(_ call: DirectiveCall, _ directive: any Directive.Type, in context: RunContext,
                        found problems: [Diagnostic]) -> (CellOutcome, [Diagnostic]) {
        let file = context.file
        let expectsError = call.options.text("expect") == "error"
        do {
            let result = try directive.run(call, in: context)
            if expectsError {
                let d = Diagnostic(.expectedErrorDidNotHappen, file: file,
                                   at: call.options.location(of: "expect") ?? call.location)
                return (.failure(problems + [d]), problems + [d])
            }
            if let label = call.label { context.record(label, result) }
            let warnings = result.warnings.map {
                Diagnostic(.warning, file: file, at: $0.location ?? call.location, $0.message, fix: $0.fix)
            }
            return (.success(result), problems + warnings)
        } catch {
            let diagnostic = Self.diagnostic(for: error, file: file, fallback: call.location)
            if let label = call.label { context.recordFailure(label, at: call.location) }
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
