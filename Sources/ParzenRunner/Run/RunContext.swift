import Foundation
import ParzenFormat
import ParzenMarkup

/// What a running directive can see: the results of the directives above it, the notebook's
/// seed, and the project's files.
public final class RunContext: @unchecked Sendable {
    // Directives run one after another on one thread; the class is shared, never concurrent.

    /// The notebook's path as the user gave it (for messages).
    public let file: String
    public let paths: ProjectPaths
    /// The front matter's `seed`.
    public let globalSeed: UInt64
    /// True during `parzen check`: directives are validated, not run.
    public let checkOnly: Bool

    private(set) var results: [String: DirectiveResult] = [:]
    private(set) var kinds: [String: (kind: ResultKind, location: SourceLocation)] = [:]
    private(set) var failedLabels: [String: SourceLocation] = [:]

    public init(file: String, paths: ProjectPaths, globalSeed: UInt64, checkOnly: Bool) {
        self.file = file
        self.paths = paths
        self.globalSeed = globalSeed
        self.checkOnly = checkOnly
    }

    /// The result an earlier directive left under `label`.
    /// - Throws: `DirectiveError` at `location` if there is none (or it failed).
    public func result(_ label: String, at location: SourceLocation) throws -> DirectiveResult {
        if let result = results[label] { return result }
        if let failed = failedLabels[label] {
            throw DirectiveError("'\(label)' failed (line \(failed.line)), so this cannot run", fix: "fix the error there first", at: location)
        }
        throw DirectiveError("no result labelled '\(label)' above this point", fix: Self.labelFix(for: label, among: results.keys.sorted()), at: location)
    }

    /// The advice for a label that is not (yet) defined.
    static func labelFix(for label: String, among labels: [String]) -> String {
        if let suggestion = Suggestion.didYouMean(label, among: labels) { return suggestion }
        return "a directive can only use results labelled above it" + (labels.isEmpty ? "" : " (so far: \(labels.joined(separator: ", ")))")
    }

    /// The payload of an earlier result, as the type this directive needs.
    public func payload<T>(_ label: String, as type: T.Type, at location: SourceLocation) throws -> T {
        let result = try self.result(label, at: location)
        guard let payload = result.payload as? T else {
            throw DirectiveError("'\(label)' is a \(result.kind), which cannot be used here", at: location)
        }
        return payload
    }

    /// The results so far, by label (for roles and JSON).
    public var resultsByLabel: [String: DirectiveResult] { results }

    /// The seed for a directive's random draws: its own `seed` option if set, else one derived
    /// from the notebook's seed and the directive's label (FNV-1a), so that adding or moving
    /// another directive never changes this one's draws.
    public func seed(for call: DirectiveCall) -> UInt64 {
        if let own = call.options.integer("seed") { return UInt64(own) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in call.displayName.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return globalSeed ^ hash
    }

    /// Reads a file that an option already resolved and checked.
    public func readText(_ resolvedPath: String, at location: SourceLocation) throws -> String {
        do {
            return try String(contentsOfFile: resolvedPath, encoding: .utf8)
        } catch {
            throw DirectiveError("cannot read '\(resolvedPath)' as UTF-8 text", at: location)
        }
    }

    func declare(_ label: String, kind: ResultKind, at location: SourceLocation) {
        kinds[label] = (kind, location)
    }

    func record(_ label: String, _ result: DirectiveResult) {
        results[label] = result
    }

    func recordFailure(_ label: String, at location: SourceLocation) {
        failedLabels[label] = location
    }

    func declaredKind(of label: String) -> (kind: ResultKind, location: SourceLocation)? {
        kinds[label]
    }

    var declaredLabels: [String] { kinds.keys.sorted() }
}
