import ParzenFormat
import ParzenMarkup
import ParzenRunner

/// Resolves `label.key` — from a `{value}` role or a `\val{…}` in a formula — to what every
/// writer prints, or to the diagnostic that says why it cannot. A suffix chooses the form:
/// `label.key:6` six significant digits (four without one), `label.key:se` the value with its
/// standard error at the precision the error justifies (``MeasuredNumber``).
struct ValueLookup {
    /// Why a value is missing; `diagnostic` is nil when another message already covers it.
    struct Missing: Error {
        var diagnostic: Diagnostic?
    }

    let file: String
    let fences: [DirectiveFence]
    let run: NotebookRun

    /// A `{value}` role's text for prose.
    func text(for role: MarkdownRole) -> Result<String, Missing> {
        value(role.content, at: role.contentLocation).map(\.prose)
    }

    /// `reference` (`label.key`, `label.key:6`, `label.key:se`) written at `location`.
    func value(_ reference: String, at location: SourceLocation) -> Result<ResolvedValue, Missing> {
        func missing(_ message: String, fix: String?) -> Result<ResolvedValue, Missing> {
            .failure(Missing(diagnostic: Diagnostic(.error, file: file, at: location, message, fix: fix)))
        }
        var name = Substring(reference)
        var digits = 4
        var withError = false
        if let colon = name.lastIndex(of: ":") {
            let suffix = name[name.index(after: colon)...]
            if suffix == "se" {
                withError = true
            } else if let n = Int(suffix), (1...17).contains(n) {
                digits = n
            } else {
                return missing("':\(suffix)' after '\(name[..<colon])' is neither a number of digits nor 'se'",
                               fix: "write ':se' for the value with its standard error, or ':1' to ':17' "
                                   + "significant digits")
            }
            name = name[..<colon]
        }
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            return missing("'\(reference)' is not of the form label.key", fix: "write e.g. {value}`kde.bandwidth`")
        }
        guard let result = run.results[parts[0]] else {
            if let failed = run.failedLabels[parts[0]] {
                let error = DirectiveError.failed(parts[0], line: failed.line, at: location)
                return missing(error.message, fix: error.fix)
            }
            if !fences.contains(where: { $0.label == parts[0] }) {
                return missing("no result labelled '\(parts[0])'",
                               fix: Self.fix(for: parts[0], among: fences.compactMap(\.label)))
            }
            // A labelled directive that did not run (`parzen check`): only its declared keys
            // can be checked.
            if let problem = run.resultKeys[parts[0]]?.missing(parts[1], of: parts[0]) {
                return missing(problem.message, fix: problem.fix)
            }
            return .failure(Missing(diagnostic: nil))
        }
        guard let value = result.values[parts[1]] else {
            return missing("'\(parts[0])' has no value '\(parts[1])'",
                           fix: Suggestion.fix(for: parts[1], among: result.values.keys))
        }
        if withError {
            guard case .number(let x) = value else {
                return missing("'\(name)' is not a number, so it has no standard error",
                               fix: "drop ':se'")
            }
            guard let error = Self.standardError(of: parts[1], in: result.values) else {
                let measured = result.values.keys.filter { Self.standardError(of: $0, in: result.values) != nil }
                return missing("'\(parts[0])' has no standard error for '\(parts[1])'",
                               fix: measured.isEmpty ? "drop ':se'; '\(parts[0])' reports no standard errors"
                                   : "drop ':se', or use one that has one: " + measured.joined(separator: ", "))
            }
            return .success(.measured(MeasuredNumber(value: x, standardError: error)))
        }
        switch value {
        case .number(let x): return .success(.number(x, digits: digits))
        case .integer(let n): return .success(.number(Double(n), digits: digits))
        case .text(let s): return .success(.text(s))
        case .boolean(let b): return .success(.text(b ? "yes" : "no"))
        case .numbers(let xs): return .success(.numbers(xs, digits: digits))
        }
    }

    /// The standard error results store beside `key`: under `key_se` (`nll_heldout_se`), or
    /// with `_se` after a leading part (`nll_se_kde` for `nll_kde`) — the two ways every
    /// directive names them. Nil when there is none, or it is not a number.
    static func standardError(of key: String, in values: ResultValues) -> Double? {
        var candidates = [key + "_se"]
        for index in key.indices where key[index] == "_" {
            candidates.append(key[..<index] + "_se" + key[index...])
        }
        for candidate in candidates {
            if case .number(let error) = values[candidate] { return error }
        }
        return nil
    }

    /// "did you mean 'x'?", else the labels there are, else that there are none.
    static func fix(for label: String, among labels: [String]) -> String {
        if let suggestion = Suggestion.didYouMean(label, among: labels) { return suggestion }
        if labels.isEmpty { return "no directive in this notebook has a label" }
        return "the labels are: " + labels.joined(separator: ", ")
    }
}
