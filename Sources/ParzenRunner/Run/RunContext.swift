import Foundation
import ParzenCore
import ParzenFormat
import ParzenMarkup

/// What a running directive can see: the results of the directives above it, the notebook's
/// seed, and the project's files.
public final class RunContext: @unchecked Sendable {
    // Validation runs on one thread, in page order: `shapes`, `kinds` and `tracked` are
    // written only then. Directives then run concurrently: `results`, `failedLabels`,
    // `csvCache` and `fileDigests` are read and written under `lock`.
    private let lock = NSLock()

    /// The notebook's path as the user gave it (for messages).
    public let file: String
    public let paths: ProjectPaths
    /// The front matter's `seed`.
    public let globalSeed: UInt64
    /// True during `parzen check`: directives are validated, not run.
    public let checkOnly: Bool

    private var results: [String: DirectiveResult] = [:]
    /// The shapes the validation phase declared, by label.
    private(set) var shapes: [String: ResultShape] = [:]
    /// The result keys each validated directive declared for its shape, by label (for
    /// `{from: label.key}` in the options below it).
    private(set) var resultKeys: [String: [ResultKeyDeclaration]] = [:]
    /// CSV files parsed in this run, by resolved path and columns (see `csvPoints`).
    private var csvCache: [[String]: (columns: [String], points: PointSet)] = [:]
    private(set) var kinds: [String: (kind: ResultKind, location: SourceLocation)] = [:]
    /// The digest of every file read in this run, by resolved path (for cache keys).
    private var fileDigests: [String: ContentDigest] = [:]
    /// What the directive being validated reads, while the runner tracks it.
    private var tracked: DirectiveInputs?
    private var failures: [String: SourceLocation] = [:]

    public init(file: String, paths: ProjectPaths, globalSeed: UInt64, checkOnly: Bool) {
        self.file = file
        self.paths = paths
        self.globalSeed = globalSeed
        self.checkOnly = checkOnly
    }

    /// The result an earlier directive left under `label`.
    /// - Throws: `DirectiveError` at `location` if there is none (or it failed).
    public func result(_ label: String, at location: SourceLocation) throws -> DirectiveResult {
        if let result = lock.withLock({ results[label] }) { return result }
        try refuseMissing(label, at: location)
    }

    /// Throws the error for a label with no result (or shape): "'k' failed at line 19" when
    /// its directive failed — in validation or while running — else "no result labelled …".
    /// Validation and run share it, so a dependent of a failed directive reads the same in
    /// `check` and `render`.
    func refuseMissing(_ label: String, at location: SourceLocation) throws -> Never {
        throw missing(label, at: location)
    }

    /// The error `refuseMissing` throws.
    func missing(_ label: String, at location: SourceLocation) -> DirectiveError {
        DirectiveError(missingProblem(label), at: location)
    }

    /// Why `label` has no result: its directive failed, or nothing above has that label.
    func missingProblem(_ label: String) -> DirectiveProblem {
        if let failed = lock.withLock({ failures[label] }) { return .failedDependency(label: label, line: failed.line) }
        return .noResult(label: label, labelsAbove: declaredLabels)
    }

    /// The payload of an earlier result, as the type this directive needs.
    public func payload<T>(_ label: String, as type: T.Type, at location: SourceLocation) throws -> T {
        let result = try self.result(label, at: location)
        var payload = result.payload
        if let deferred = payload as? DeferredPayload {
            do {
                payload = try deferred.value()
            } catch {
                let notice = CacheNotice.payloadUnreadable(label: label, reason: "\(error)")
                throw DirectiveError(notice.message, fix: notice.fix, at: location)
            }
        }
        guard let payload = payload as? T else {
            throw DirectiveError(.unusableResult(label: label, kind: result.kind.rawValue, expected: nil), at: location)
        }
        return payload
    }

    /// The results so far, by label (for roles and JSON).
    public var resultsByLabel: [String: DirectiveResult] { lock.withLock { results } }

    /// Where each labelled directive that failed opens.
    var failedLabels: [String: SourceLocation] { lock.withLock { failures } }

    /// The seed for a directive's random draws: its own `seed` option if set, else the
    /// notebook's seed XOR an FNV-1a hash of the directive's identity, kept to 63 bits.
    ///
    /// The identity is the label; an unlabelled directive's is its name and its options in
    /// canonical form (sorted by name, paths as written; `seed` and the presentation options
    /// `expect`, `caption`, `echo` and `output` left out, since they do not change what is
    /// drawn) — never its line, so moving a cell or adding one above it does not change its
    /// draws. Two unlabelled directives written alike therefore draw alike; label them to
    /// tell them apart. 63 bits keep the seed a valid `seed:` value: the number the report and
    /// `--json` show can be pasted back to repeat the draws.
    public func seed(for call: DirectiveCall) -> UInt64 {
        if let own = call.options.integer("seed") { return UInt64(own) }
        let identity = call.label
            ?? "{\(call.name)} "
                + call.options.canonicalText(excluding: ResultKey.presentationOptions.union(["seed"]))
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in identity.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return (globalSeed ^ hash) & UInt64(Int.max)
    }

    /// Reads a file that an option already resolved and checked, and remembers its digest
    /// as an input of the directive being validated. `written` is the path as the author
    /// wrote it, for messages (else the path relative to the notebook's folder): a folder, an
    /// unreadable file and the first byte that is not UTF-8 (with its line and column in the
    /// file) are each reported at `location` with a fix.
    public func readText(_ resolvedPath: String, written: String? = nil, at location: SourceLocation) throws -> String {
        let shown = written ?? paths.relative(resolvedPath)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: resolvedPath, isDirectory: &isFolder), isFolder.boolValue {
            throw DirectiveError(.folderNotFile(written: shown, example: Self.firstFile(in: resolvedPath, shown)),
                                 at: location)
        }
        guard let bytes = FileManager.default.contents(atPath: resolvedPath) else {
            throw DirectiveError(.unreadableFile(written: shown), at: location)
        }
        if let invalid = InvalidUTF8(in: [UInt8](bytes)) {
            throw DirectiveError(.notUTF8(written: shown, invalid: invalid), at: location)
        }
        remember(bytes, of: resolvedPath)
        tracked?.files.insert(resolvedPath)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The first visible file in `folder` (by name), as `shown/name`: the likely meaning.
    private static func firstFile(in folder: String, _ shown: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().first { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".")
                && FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isFolder)
                && !isFolder.boolValue
        }
        .map { (shown.hasSuffix("/") ? shown : shown + "/") + $0 }
    }

    /// Starts recording the labels and files the next validation reads.
    func beginTracking() {
        tracked = DirectiveInputs()
    }

    /// What was read since `beginTracking`.
    func endTracking() -> DirectiveInputs {
        defer { tracked = nil }
        return tracked ?? DirectiveInputs()
    }

    /// Records that the directive being validated reads the result labelled `label`.
    func noteRead(_ label: String) {
        tracked?.labels.insert(label)
    }

    /// The digest of a file, read now unless this run read it already; nil if unreadable.
    func digest(ofFile resolvedPath: String) -> ContentDigest? {
        if let known = lock.withLock({ fileDigests[resolvedPath] }) { return known }
        guard let bytes = FileManager.default.contents(atPath: resolvedPath) else { return nil }
        return remember(bytes, of: resolvedPath)
    }

    /// Records the digest of a file's bytes, read once in this run.
    @discardableResult
    private func remember(_ bytes: Data, of resolvedPath: String) -> ContentDigest {
        let digest = ContentDigest(of: bytes)
        lock.withLock { fileDigests[resolvedPath] = digest }
        return digest
    }

    /// The columns and points of a CSV file, parsed by `load` the first time (in validation)
    /// and remembered for `run`, so a render parses each data file once. A failure is not
    /// remembered: a directive whose validation failed never runs.
    func csvPoints(path: String, columns: [String], load: () throws -> (columns: [String], points: PointSet)) throws
        -> (columns: [String], points: PointSet) {
        let key = [path] + columns
        tracked?.files.insert(path)
        if let loaded = lock.withLock({ csvCache[key] }) { return loaded }
        let loaded = try load()
        lock.withLock { csvCache[key] = loaded }
        return loaded
    }

    func declare(_ label: String, kind: ResultKind, at location: SourceLocation) {
        kinds[label] = (kind, location)
    }

    func recordShape(_ label: String, _ shape: ResultShape) {
        shapes[label] = shape
    }

    func recordResultKeys(_ label: String, _ keys: [ResultKeyDeclaration]) {
        resultKeys[label] = keys
    }

    func record(_ label: String, _ result: DirectiveResult) {
        lock.withLock { results[label] = result }
    }

    func recordFailure(_ label: String, at location: SourceLocation) {
        lock.withLock { failures[label] = location }
    }

    func declaredKind(of label: String) -> (kind: ResultKind, location: SourceLocation)? {
        kinds[label]
    }

    var declaredLabels: [String] { kinds.keys.sorted() }
}
