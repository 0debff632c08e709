import ParzenFormat

extension NotebookRunner {
    /// Runs a directive, or takes its outcome from the cache when its key has one; records
    /// the result's digest for the keys of the directives that read it. A failure is cached
    /// too (the inputs that made it fail make it fail again), but gives no digest, so what
    /// reads it runs and says where it failed now. A cached result gets the current call's
    /// caption, and its warnings at their current places.
    func runOrReuse(
        _ call: DirectiveCall, _ directive: any Directive.Type, inputs: DirectiveInputs, in context: RunContext,
        slots: CellSlots, found problems: [Diagnostic], from provenance: inout Provenance
    ) -> (CellOutcome, [Diagnostic]) {
        provenance = .computed
        guard let cache,
              let key = ResultKey.make(
                for: call, version: directive.version, seed: context.seed(for: call), inputs: inputs,
                upstream: slots.resultDigests, fileDigest: context.digest(ofFile:))
        else { return runOne(call, directive, in: context, found: problems) }
        var notices: [Diagnostic] = []
        switch cache.lookup(key) {
        case .hit(.result(var result, let warnings), let digest):
            result.warnings = warnings.map { $0.error(in: call) }
            let caption = call.options.text("caption").map {
                AuthoredText($0, at: call.options.location(of: "caption")!)
            }
            result.output = result.output.map { $0.captioned(caption) }
            provenance = .cached
            if let label = call.label { slots.recordDigest(digest, of: label) }
            return settle(result, of: call, in: context, found: problems)
        case .hit(.failure(let error), _):
            provenance = .cached
            return fail(error.error(in: call), of: call, in: context, found: problems)
        case .unusable(let reason):
            notices.append(Diagnostic(CacheNotice.entryUnusable(reason), file: context.file, at: call.location))
        case .miss:
            break
        }
        let computed = compute(call, directive, in: context)
        let outcome: ResultCache.CachedOutcome = switch computed {
        case .success(let result): .result(result, warnings: result.warnings.map { CachedMessage($0, of: call) })
        case .failure(let error): .failure(CachedMessage(error, of: call))
        }
        do {
            let digest = try cache.store(outcome, under: key)
            if case .success = computed, let label = call.label { slots.recordDigest(digest, of: label) }
        } catch {
            notices.append(Diagnostic(CacheNotice.notWritten(folder: cache.folder.path, reason: "\(error)"),
                                      file: context.file, at: call.location))
        }
        return switch computed {
        case .success(let result): settle(result, of: call, in: context, found: problems + notices)
        case .failure(let error): fail(error, of: call, in: context, found: problems + notices)
        }
    }
}
