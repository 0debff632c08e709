import ParzenFormat

/// What happened to one directive.
public enum CellOutcome: Sendable {
    /// It ran; here is its result.
    case success(DirectiveResult)
    /// It failed; the diagnostics say why (they are also in the run's diagnostics).
    case failure([Diagnostic])
    /// It failed as the author announced with `expect: error`; the message is shown as an
    /// intended example, and the build does not fail.
    case expectedFailure(message: String)
    /// `parzen check`: options are valid, nothing was computed.
    case checked
}
