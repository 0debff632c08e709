import ParzenFormat

extension NotebookRunner {
    /// Runs a directive, or takes its result from the cache when its key has one; records
    /// the result's digest for the keys of the directives that read it. A cached result
    /// gets the current call's caption, and its warnings at their current places.
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
        case .hit(var result, let warnings, let digest):
            result.warnings = warnings.map { $0.warning(in: call) }
            let caption = call.options.text("caption").map {
                AuthoredText($0, at: call.options.location(of: "caption")!)
            }
            result.output = result.output.map { $0.captioned(caption) }
            provenance = .cached
            if let label = call.label { slots.recordDigest(digest, of: label) }
            return settle(result, of: call, in: context, found: problems)
        case .unusable(let reason):
            notices.append(Diagnostic(CacheNotice.entryUnusable(reason), file: context.file, at: call.location))
        case .miss:
            break
        }
        let (cell, diagnostics) = runOne(call, directive, in: context, found: problems + notices)
        guard case .success(let result) = cell else { return (cell, diagnostics) }
        do {
            let digest = try cache.store(result, warnings: result.warnings.map { CachedWarning($0, of: call) },
                                         under: key)
            if let label = call.label { slots.recordDigest(digest, of: label) }
            return (cell, diagnostics)
        } catch {
            let notice = Diagnostic(CacheNotice.notWritten(folder: cache.folder.path, reason: "\(error)"),
                                    file: context.file, at: call.location)
            return (cell, diagnostics + [notice])
        }
    }
}
