/// Collects the recoverable problems of one formula (offsets into its TeX) while it is parsed.
///
/// At most `maxReported` problems are kept; the rest are only counted and summed up in one
/// last entry ("and 9,980 more problems"), so hostile input (10,000 unknown commands) gives a
/// readable report and no work per problem beyond a counter.
final class DiagnosticLog {
    static let maxReported = 20

    private(set) var entries: [
        (severity: MathDiagnostic.Severity, message: String, fix: String?, offset: Int, otherPlace: MathLocation?)
    ] = []
    /// Problems beyond `maxReported`: how many, whether any was an error, and where the first was.
    private var dropped = (count: 0, hasError: false, offset: 0)

    /// Whether another problem would still be reported; callers skip costly work (a did-you-mean) when not.
    var isFull: Bool { entries.count >= DiagnosticLog.maxReported }

    /// An error; `otherPlace` is a second place it involves (a label's first definition).
    func error(_ message: String, fix: String? = nil, at offset: Int, otherPlace: MathLocation? = nil) {
        add(.error, message, fix, offset, otherPlace)
    }

    func warning(_ message: String, fix: String? = nil, at offset: Int) {
        add(.warning, message, fix, offset)
    }

    /// The error that stopped the formula: always reported, even when the log is full, since it
    /// explains why the whole formula is shown as source.
    func fatal(_ message: String, fix: String? = nil, at offset: Int) {
        entries.append((.error, message, fix, offset, nil))
    }

    private func add(
        _ severity: MathDiagnostic.Severity, _ message: String, _ fix: String?, _ offset: Int,
        _ otherPlace: MathLocation? = nil
    ) {
        guard isFull else {
            entries.append((severity, message, fix, offset, otherPlace))
            return
        }
        if dropped.count == 0 { dropped.offset = offset }
        dropped.count += 1
        dropped.hasError = dropped.hasError || severity == .error
    }

    /// The entries as public diagnostics of the formula `origin`, with the summary of the
    /// dropped ones last.
    func diagnostics(origin: Int) -> [MathDiagnostic] {
        var result = entries.map {
            MathDiagnostic(
                severity: $0.severity, message: $0.message, fix: $0.fix, origin: origin, offset: $0.offset,
                otherPlace: $0.otherPlace)
        }
        if dropped.count > 0 {
            let noun = dropped.count == 1 ? "problem" : "problems"
            result.append(MathDiagnostic(severity: dropped.hasError ? .error : .warning,
                                         message: "and \(dropped.count) more \(noun) in this formula",
                                         fix: "fix the ones above first", origin: origin, offset: dropped.offset))
        }
        return result
    }
}
