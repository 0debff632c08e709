import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// Resolves `{value}`label.key`` (optionally `label.key:6` for six significant digits) to the
/// text every writer prints, or to the diagnostic that says why it cannot.
struct ValueLookup {
    /// Why a value is missing; `diagnostic` is nil when another message already covers it.
    struct Missing: Error {
        var diagnostic: Diagnostic?
    }

    let file: String
    let fences: [DirectiveFence]
    let run: NotebookRun

    func text(for role: MarkdownRole) -> Result<String, Missing> {
        var reference = Substring(role.content)
        var digits = 4
        if let colon = reference.lastIndex(of: ":"), let n = Int(reference[reference.index(after: colon)...]),
           (1...17).contains(n) {
            digits = n
            reference = reference[..<colon]
        }
        let parts = reference.split(separator: ".", maxSplits: 1).map(String.init)
        func missing(_ message: String, fix: String?) -> Result<String, Missing> {
            .failure(Missing(diagnostic: Diagnostic(.error, file: file, at: role.contentLocation, message, fix: fix)))
        }
        guard parts.count == 2 else {
            return missing("'\(role.content)' is not of the form label.key", fix: "write e.g. {value}`kde.bandwidth`")
        }
        guard let result = run.results[parts[0]] else {
            if let failed = run.failedLabels[parts[0]] {
                let error = DirectiveError.failed(parts[0], line: failed.line, at: role.contentLocation)
                return missing(error.message, fix: error.fix)
            }
            if !fences.contains(where: { $0.label == parts[0] }) {
                return missing("no result labelled '\(parts[0])'",
                               fix: Self.fix(for: parts[0], among: fences.compactMap(\.label)))
            }
            // A labelled directive that did not run (`parzen check`): nothing to say.
            return .failure(Missing(diagnostic: nil))
        }
        guard let value = result.values[parts[1]] else {
            return missing("'\(parts[0])' has no value '\(parts[1])'",
                           fix: Suggestion.fix(for: parts[1], among: result.values.keys))
        }
        switch value {
        case .number(let x): return .success(NumberFormat.prose(x, digits: digits))
        case .integer(let n): return .success(NumberFormat.prose(Double(n)))
        case .text(let s): return .success(s)
        case .boolean(let b): return .success(b ? "yes" : "no")
        case .numbers(let xs):
            return .success("(" + xs.map { NumberFormat.prose($0, digits: digits) }.joined(separator: ", ") + ")")
        }
    }

    /// "did you mean 'x'?", else the labels there are, else that there are none.
    static func fix(for label: String, among labels: [String]) -> String {
        if let suggestion = Suggestion.didYouMean(label, among: labels) { return suggestion }
        if labels.isEmpty { return "no directive in this notebook has a label" }
        return "the labels are: " + labels.joined(separator: ", ")
    }
}
