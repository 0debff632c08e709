import ParzenFormat

/// What a directive's validation can see: the *shapes* of the results above it, never the
/// results themselves, so validation cannot depend on anything computed and `parzen check`
/// reaches the same verdict as `parzen render`.
public struct ValidationContext: Sendable {
    /// Internal, for the standard directives' shared helpers (the CSV cache); directives
    /// elsewhere see only the shapes.
    let context: RunContext

    init(_ context: RunContext) {
        self.context = context
    }

    /// The seed the directive's run will use (see `RunContext.seed(for:)`).
    public func seed(for call: DirectiveCall) -> UInt64 { context.seed(for: call) }

    /// Reads a file that an option already resolved and checked (see `RunContext.readText`).
    public func readText(_ resolvedPath: String, written: String? = nil, at location: SourceLocation) throws
        -> String {
        try context.readText(resolvedPath, written: written, at: location)
    }

    /// The shape an earlier directive declared under `label`.
    /// - Throws: `DirectiveError` at `location` when that directive failed ("'d' failed at
    ///   line 3") or there is no such label above.
    public func shape(_ label: String, at location: SourceLocation) throws -> ResultShape {
        context.noteRead(label)
        if let shape = context.shapes[label] { return shape }
        try context.refuseMissing(label, at: location)
    }

    /// Checks that the directive labelled `label` declares a value `key` (its
    /// `ResultKeyDeclaration`s), so a misspelt key is found before anything is computed.
    /// - Throws: `DirectiveError` at `location` naming the declared keys, or the closest.
    public func checkValue(_ key: String, of label: String, at location: SourceLocation) throws {
        if let problem = context.resultKeys[label]?.missing(key, of: label) {
            throw DirectiveError(problem, at: location)
        }
    }

    /// The shape of the data set labelled `label`.
    public func dataset(_ label: String, at location: SourceLocation) throws -> DatasetShape {
        guard case .dataset(let shape) = try shape(label, at: location) else {
            throw wrongKind(label, DataDirective.resultKind, at: location)
        }
        return shape
    }

    /// The shape of the fitted model labelled `label`.
    public func model(_ label: String, at location: SourceLocation) throws -> ModelShape {
        guard case .model(let shape) = try shape(label, at: location) else {
            throw wrongKind(label, FitDirective.resultKind, at: location)
        }
        return shape
    }

    /// The shape of the sample labelled `label`.
    public func sample(_ label: String, at location: SourceLocation) throws -> SampleShape {
        guard case .sample(let shape) = try shape(label, at: location) else {
            throw wrongKind(label, SampleDirective.resultKind, at: location)
        }
        return shape
    }

    private func wrongKind(_ label: String, _ expected: ResultKind, at location: SourceLocation) -> DirectiveError {
        let kind = context.declaredKind(of: label)?.kind.rawValue ?? "result"
        return DirectiveError(.unusableResult(label: label, kind: kind, expected: expected.rawValue), at: location)
    }
}
