import Foundation
import ParzenCore
import ParzenFormat
import ParzenMarkup

/// Runs a notebook's directives in document order. Each sees the results of those above it;
/// a failing directive becomes a failure at its place and the rest still run, so one mistake
/// never hides the other cells' results. With a cache, a directive whose key (its options,
/// seed, inputs and code versions: `ResultKey`) has a stored result is not run.
public struct NotebookRunner: Sendable {
    public let registry: DirectiveRegistry
    /// Where results are kept between renders; nil computes everything and stores nothing.
    public let cache: ResultCache?
    /// Told when directives start and finish computing (progress lines).
    public let observer: (any RunObserver)?
    /// How many directives may compute at once: every core by default.
    public let jobs: Int

    public init(registry: DirectiveRegistry, cache: ResultCache? = nil, observer: (any RunObserver)? = nil,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.registry = registry
        self.cache = cache
        self.observer = observer
        self.jobs = max(1, jobs)
    }

    /// Where a cell's result came from.
    public enum Provenance: Sendable, Equatable {
        /// Computed in this run (and stored, with a cache).
        case computed
        /// Taken from the cache.
        case cached
        /// Not run: it failed validation, or this is `parzen check`.
        case notRun
    }

    /// The outcome of every directive, in order, and all diagnostics.
    public struct Outcome: Sendable {
        public var cells: [CellOutcome]
        /// How long each directive took, in the order of `cells` (for `parzen render --timings`).
        public var durations: [Duration]
        /// Whether each directive was computed or taken from the cache, in the order of `cells`.
        public var provenance: [Provenance]
        public var diagnostics: [Diagnostic]
        public var results: [String: DirectiveResult]
        /// Where each labelled directive that failed opens, so that a `{value}` or `{ref}` to
        /// it can say so (`DirectiveError.failed`).
        public var failedLabels: [String: SourceLocation]
        /// The values each labelled directive declares (`ResultKeyDeclaration`), so that
        /// `parzen check`, which computes no result, can still check a `{value}`'s key.
        public var resultKeys: [String: [ResultKeyDeclaration]]
        /// How each directive is shown, in the order of `cells` (its output already cut to its `output:`).
        public var presentations: [DirectivePresentation]
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    /// Runs in two phases. Validation, for every directive in order: its options, the
    /// rules between them, and its checks against the shapes above it (`Directive.validate`).
    /// Then, unless `context.checkOnly`, each directive that validated runs. A mistake that
    /// needs no computing is thus found in the first phase, by the same code in `check` and
    /// `render`, before anything slow starts.
    ///
    /// The second phase runs directives concurrently, each once the results it reads (the
    /// labels its options name and its validation looked up) are there. Every directive's
    /// randomness is its own and explanations are kept once per page afterwards
    /// (`OncePerPage`), so the outcome — cells, diagnostics, in page order — is the same as
    /// one after another's.
    public func run(_ sources: [DirectiveSource], in context: RunContext,
                    defaults: DirectivePresentation = DirectivePresentation()) -> Outcome {
        let clock = ContinuousClock()
        var seenLabels: [String: SourceLocation] = [:]
        var validated: [Validated] = []
        var validation: [Duration] = []
        for source in sources {
            let start = clock.now
            context.beginTracking()
            let item = validate(source, in: context, seenLabels: &seenLabels)
            let inputs = context.endTracking()
            if case .ready(let call, let directive, let found, _) = item {
                validated.append(.ready(call, directive, found, inputs: inputs))
            } else {
                validated.append(item)
            }
            validation.append(clock.now - start)
        }
        let slots = CellSlots(count: validated.count)
        let (ready, validationTimes) = (validated, validation)
        DependencyScheduler(dependencies: Self.dependencies(of: validated), width: jobs).run { index in
            let start = clock.now
            var provenance = Provenance.notRun
            let (cell, diagnostics) = switch ready[index] {
            case .settled(let cell, let found): (cell, found)
            case .ready(let call, let directive, let found, let inputs):
                context.checkOnly ? (.checked, found)
                    : runOrReuse(call, directive, inputs: inputs, in: context, slots: slots, found: found,
                                 from: &provenance)
            }
            slots.fill(index, cell: cell, diagnostics: diagnostics, provenance: provenance,
                       duration: validationTimes[index] + (clock.now - start))
        }
        // Output cut to each `output:` before explanations are kept once, so that an
        // explanation hidden with its directive is shown by the next one that shows it.
        let presentations = ready.map { item in
            guard case .ready(let call, _, _, _) = item else { return defaults }
            return DirectivePresentation(call, defaults: defaults)
        }
        let cells = OncePerPage.resolve(zip(slots.cells, presentations).map { cell, presentation in
            guard case .success(var result) = cell else { return cell }
            result.output = result.output.filter(presentation.shows)
            return .success(result)
        })
        // The results by label as the page shows them (explanations kept once).
        var results = context.resultsByLabel
        for (item, cell) in zip(ready, cells) {
            if case .ready(let call, _, _, _) = item, let label = call.label, case .success(let result) = cell,
               results[label] != nil {
                results[label] = result
            }
        }
        return Outcome(cells: cells, durations: slots.durations, provenance: slots.provenance,
                       diagnostics: slots.diagnostics.flatMap { $0 }, results: results,
                       failedLabels: context.failedLabels, resultKeys: context.resultKeys,
                       presentations: presentations)
    }

    /// For each directive, the earlier directives whose results it reads.
    private static func dependencies(of validated: [Validated]) -> [[Int]] {
        var indexOfLabel: [String: Int] = [:]
        return validated.enumerated().map { index, item in
            guard case .ready(let call, _, _, let inputs) = item else { return [] }
            let reads = inputs.labels.union(call.options.referencedLabels)
            defer { if let label = call.label, indexOfLabel[label] == nil { indexOfLabel[label] = index } }
            return reads.compactMap { indexOfLabel[$0] }.sorted()
        }
    }

    /// A directive after validation: settled (failed, or failed as expected), or ready to run
    /// with the warnings found so far.
    enum Validated {
        case settled(CellOutcome, [Diagnostic])
        case ready(DirectiveCall, any Directive.Type, [Diagnostic], inputs: DirectiveInputs = DirectiveInputs())
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
                if let label = ownLabel {
                    context.recordShape(label, shape)
                    if let documented = directive as? any DocumentedResults.Type {
                        context.recordResultKeys(label, documented.resultKeys(for: shape))
                    }
                }
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

    func runOne(_ call: DirectiveCall, _ directive: any Directive.Type, in context: RunContext,
                found problems: [Diagnostic]) -> (CellOutcome, [Diagnostic]) {
        switch compute(call, directive, in: context) {
        case .success(let result): settle(result, of: call, in: context, found: problems)
        case .failure(let error): fail(error, of: call, in: context, found: problems)
        }
    }

    /// Runs the directive: its result, or the error it threw as a `DirectiveError` (placed
    /// at the fence when it names no place).
    func compute(_ call: DirectiveCall, _ directive: any Directive.Type, in context: RunContext)
        -> Result<DirectiveResult, DirectiveError> {
        observer?.directiveStarted(call, in: context.file)
        defer { observer?.directiveFinished(call, in: context.file) }
        do {
            let resolved = try call.resolvingResults(specs: directive.options, in: context)
            return .success(try DirectiveProgress.reporting(to: observer, call, in: context.file) {
                try directive.run(resolved, in: context)
            })
        } catch {
            let diagnostic = Self.diagnostic(for: error, file: context.file, fallback: call.location)
            return .failure(DirectiveError(diagnostic.message, fix: diagnostic.fix, at: diagnostic.location))
        }
    }

    /// A directive's failure, computed or cached, as the cell's outcome: its label recorded
    /// as failed, shown as an intended example under `expect: error`.
    func fail(_ error: DirectiveError, of call: DirectiveCall, in context: RunContext, found problems: [Diagnostic])
        -> (CellOutcome, [Diagnostic]) {
        let diagnostic = Self.diagnostic(for: error, file: context.file, fallback: call.location)
        if let label = call.label { context.recordFailure(label, at: call.location) }
        if call.options.text("expect") == "error" { return (.expectedFailure(message: diagnostic.text), problems) }
        return (.failure(problems + [diagnostic]), problems + [diagnostic])
    }

    /// A result, computed or cached, as the cell's outcome: recorded under its label, its
    /// warnings reported — or a failure when the author announced `expect: error`.
    func settle(_ result: DirectiveResult, of call: DirectiveCall, in context: RunContext,
                        found problems: [Diagnostic]) -> (CellOutcome, [Diagnostic]) {
        let file = context.file
        if call.options.text("expect") == "error" {
            let d = Diagnostic(.expectedErrorDidNotHappen, file: file,
                               at: call.options.location(of: "expect") ?? call.location)
            return (.failure(problems + [d]), problems + [d])
        }
        if let label = call.label { context.record(label, result) }
        let warnings = result.warnings.map {
            Diagnostic(.warning, file: file, at: $0.location ?? call.location, $0.message, fix: $0.fix)
        }
        return (.success(result), problems + warnings)
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
