/// Collects the recoverable problems of one formula (offsets into its TeX) while it is parsed.
final class DiagnosticLog {
    private(set) var entries: [(severity: MathDiagnostic.Severity, message: String, fix: String?, offset: Int)] = []

    func error(_ message: String, fix: String? = nil, at offset: Int) {
        entries.append((.error, message, fix, offset))
    }

    func warning(_ message: String, fix: String? = nil, at offset: Int) {
        entries.append((.warning, message, fix, offset))
    }

    /// The entries as public diagnostics of the formula `origin`.
    func diagnostics(origin: Int) -> [MathDiagnostic] {
        entries.map { MathDiagnostic(severity: $0.severity, message: $0.message, fix: $0.fix, origin: origin, offset: $0.offset) }
    }
}
