/// A problem found while typesetting TeX: an unknown command, a misplaced `&`, an unknown label.
///
/// `origin` is the caller's opaque token for the formula (or prose reference) and `offset` the
/// UTF-8 byte offset into that formula's TeX, so the caller can report `file:line:col`.
public struct MathDiagnostic: Equatable, Sendable {
    /// How bad it is: an error means some of the formula is shown as `<merror>`.
    public enum Severity: String, Equatable, Sendable {
        case error
        case warning
    }

    /// Whether the output is damaged (`error`) or only questionable (`warning`).
    public var severity: Severity
    /// What is wrong, in a short sentence fragment ("unknown command '\\fracc'").
    public var message: String
    /// How to fix it, when we know ("did you mean '\\frac'?").
    public var fix: String?
    /// The caller's token for the formula this diagnostic belongs to.
    public var origin: Int
    /// UTF-8 byte offset into the formula's TeX where the problem starts.
    public var offset: Int
    /// For a reference to a label that no equation defines, that label; nil otherwise. Lets a
    /// caller that knows more (e.g. equations still to be generated) judge it without parsing
    /// the message.
    public var unresolvedLabel: String?
    /// The other place the problem involves, when there is one: for a label defined twice,
    /// where it was defined first. The caller reports it beside `offset`, as `file:line:col`.
    public var otherPlace: MathLocation?

    /// Creates a diagnostic; used by the typesetter and by tests that state expected diagnostics.
    public init(
        severity: Severity, message: String, fix: String? = nil, origin: Int, offset: Int,
        unresolvedLabel: String? = nil, otherPlace: MathLocation? = nil
    ) {
        self.severity = severity
        self.message = message
        self.fix = fix
        self.origin = origin
        self.offset = offset
        self.unresolvedLabel = unresolvedLabel
        self.otherPlace = otherPlace
    }
}
