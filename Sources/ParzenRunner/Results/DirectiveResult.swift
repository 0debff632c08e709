/// What one directive leaves behind: values for prose and JSON, an object for later
/// directives, and the blocks to show in the report.
public struct DirectiveResult: Sendable {
    public var kind: ResultKind
    /// Named numbers and text: `{value}`label.key`` and `--json` read these.
    public var values: ResultValues
    /// The typed object later directives use (a data set, a fitted model, …).
    public var payload: (any Sendable)?
    /// What to show at the directive's place in the report.
    public var output: [OutputBlock]
    /// Problems that did not stop the directive (a bandwidth rule replaced by another), each
    /// at the option concerned; the runner reports them as warnings.
    public var warnings: [DirectiveError] = []

    public init(
        kind: ResultKind, values: ResultValues = ResultValues(), payload: (any Sendable)? = nil,
        output: [OutputBlock] = []
    ) {
        self.kind = kind
        self.values = values
        self.payload = payload
        self.output = output
    }
}
