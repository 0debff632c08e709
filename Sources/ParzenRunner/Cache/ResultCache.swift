import Foundation
import ParzenFormat

/// Directive results kept on disk between renders, under `.parzen/cache/` at the project
/// root, one file per key (see `ResultKey`, `CacheEntryFile`).
///
/// Entries are written to a temporary file and renamed into place, so a reader sees a whole
/// entry or none, and two renders sharing the folder at once at worst both compute a result
/// and write the same bytes. Using an entry refreshes its modification time; `trim` deletes
/// the least recently used entries until the folder is within `maxBytes`.
public struct ResultCache: Sendable {
    /// What a render does with the cache.
    public enum Mode: Sendable {
        /// Use entries whose key matches; store what was computed.
        case use
        /// Compute everything and overwrite the entries (`--refresh`).
        case refresh
    }

    /// The folder holding the entries.
    public let folder: URL
    public let mode: Mode
    /// The size `trim` keeps the folder within (`cache: max-size:` in parzen.yml).
    public let maxBytes: Int
    /// Outcomes of earlier renders of this process, looked up before the folder (preview).
    public let memory: ResultMemory?

    public init(folder: URL, mode: Mode = .use, maxBytes: Int = CacheSettings.defaultMaxBytes,
                memory: ResultMemory? = nil) {
        self.folder = folder
        self.mode = mode
        self.maxBytes = maxBytes
        self.memory = memory
    }

    /// How a render uses caches, for whichever notebooks (and projects) it renders.
    public struct Policy: Sendable {
        public var mode: Mode
        /// Kept across the renders of one process (`parzen preview`); nil: every render reads the folder.
        public var memory: ResultMemory?

        public init(mode: Mode = .use, memory: ResultMemory? = nil) {
            self.mode = mode
            self.memory = memory
        }

        /// The cache of the notebook at `path` (see `ResultCache.folder(forNotebook:)`), with
        /// the size cap of its project file (`cache: max-size:`), else 1 GiB.
        public func cache(forNotebook path: String) -> ResultCache {
            let project = ResultCache.project(ofNotebook: path, reading: true)
            return ResultCache(folder: URL(fileURLWithPath: project.cacheDirectory, isDirectory: true), mode: mode,
                               maxBytes: project.cache.maxBytes, memory: memory)
        }
    }

    /// What a cached entry holds: a result and its warnings, or the error of a failure.
    enum CachedOutcome: Sendable {
        case result(DirectiveResult, warnings: [CachedMessage])
        case failure(CachedMessage)
    }

    /// What a lookup found.
    enum Lookup {
        /// The outcome, and the digest of the stored result's bytes.
        case hit(CachedOutcome, digest: ContentDigest)
        case miss
        /// The entry exists but cannot be used; it has been deleted.
        case unusable(reason: String)
    }

    func lookup(_ key: ContentDigest) -> Lookup {
        if mode == .use, let kept = memory?.outcome(key) { return .hit(kept.outcome, digest: kept.digest) }
        let refusal: String
        switch entry(key, read: { CacheEntryFile.read($0, key: key) }) {
        case nil: return .miss
        case .failure(let problem)?: return .unusable(reason: problem.reason)
        case .success(let entry)?:
            do {
                let outcome: CachedOutcome
                if let failure = entry.header.failure {
                    outcome = .failure(failure)
                } else {
                    let split = entry.result.count - entry.header.payloadCount
                    guard split >= 0 else { throw CacheEntryFile.Refusal("its payload length is wrong") }
                    var result = try ResultCoding.decode(entry.result.prefix(split))
                    if entry.header.payloadCount > 0 {
                        result.payload = DeferredPayload(entry.result.suffix(from: split))
                    }
                    outcome = .result(result, warnings: entry.header.warnings)
                }
                let digest = ContentDigest(of: entry.result)
                memory?.keep(outcome, digest: digest, bytes: entry.result.count, under: key)
                return .hit(outcome, digest: digest)
            } catch {
                refusal = "its result cannot be decoded (\(error))"
            }
        }
        try? FileManager.default.removeItem(at: entryURL(key))
        return .unusable(reason: refusal)
    }

    /// What a look-up of an entry's body found (``body(_:version:)``).
    public enum BodyLookup: Sendable, Equatable {
        case hit(Data)
        case miss
        /// The entry exists but cannot be used (the reason); it has been deleted.
        case unusable(String)
    }

    /// The body another part of Parzen stored under `key` in its format `version` (with
    /// ``store(body:under:version:)``): checked as a result entry is (magic, version, key,
    /// checksum), and deleted when it fails a check. With `--refresh` always a miss.
    public func body(_ key: ContentDigest, version: UInt64) -> BodyLookup {
        switch entry(key, read: { CacheEntryFile.body(of: $0, key: key, version: version) }) {
        case nil: .miss
        case .failure(let problem)?: .unusable(problem.reason)
        case .success(let body)?: .hit(Data(body))
        }
    }

    /// Stores `body` under `key` in format `version`, atomically (see the type's comment).
    public func store(body: Data, under key: ContentDigest, version: UInt64) throws {
        try write(CacheEntryFile.framed(body, key: key, version: version), under: key)
    }

    /// The entry under `key` as `read` makes it out, nil when there is none; a used entry's
    /// modification time is refreshed (for `trim`), a refused one deleted.
    private func entry<Entry>(_ key: ContentDigest, read: (Data) -> Result<Entry, CacheEntryFile.Refusal>)
        -> Result<Entry, CacheEntryFile.Refusal>? {
        guard mode == .use else { return nil }
        let url = entryURL(key)
        guard let file = FileManager.default.contents(atPath: url.path) else { return nil }
        let entry = read(file)
        switch entry {
        case .success: try? FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: url.path)
        case .failure: try? FileManager.default.removeItem(at: url)
        }
        return entry
    }

    /// Stores `outcome` under `key`.
    /// - Returns: the digest of the stored result's bytes, which keys of the results that
    ///   read it include: a result computed again to the same bytes leaves those keys as
    ///   they were.
    @discardableResult
    func store(_ outcome: CachedOutcome, under key: ContentDigest) throws -> ContentDigest {
        let (header, encoded): (CacheEntryFile.Header, Data) = switch outcome {
        case .result(let result, let warnings):
            try Self.encoded(result, warnings: warnings)
        case .failure(let error): (.init(failure: error), Data())
        }
        try write(CacheEntryFile.bytes(key: key, header: header, result: encoded), under: key)
        let digest = ContentDigest(of: encoded)
        memory?.keep(outcome, digest: digest, bytes: encoded.count, under: key)
        return digest
    }

    /// Writes an entry's file: to a temporary file, renamed into place.
    private func write(_ bytes: Data, under key: ContentDigest) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = entryURL(key)
        // Unique per write: two directives written alike share a key, and may store it at once.
        let temporary = folder.appendingPathComponent(".\(key).\(UUID().uuidString).tmp")
        try bytes.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// The header and bytes of a result: the result without its payload, then the payload.
    private static func encoded(_ result: DirectiveResult, warnings: [CachedMessage]) throws
        -> (CacheEntryFile.Header, Data) {
        var bytes = try ResultCoding.encode(stored(result))
        var payloadBytes = Data()
        if let payload = result.payload {
            guard let tagged = ResultPayload(payload) else {
                throw EncodingError.invalidValue(payload, EncodingError.Context(
                    codingPath: [], debugDescription: "cannot store a payload of type \(type(of: payload))"))
            }
            payloadBytes = try ResultCoding.encode(tagged)
        }
        bytes += payloadBytes
        return (CacheEntryFile.Header(warnings: warnings, payloadCount: payloadBytes.count), bytes)
    }

    /// What is stored of a result before its payload (which follows it): nothing that says
    /// where in the notebook it is — its
    /// warnings are stored apart, relative to the call (`CachedWarning`), and a figure's
    /// caption is the call's — so that its bytes do not change when lines move.
    private static func stored(_ result: DirectiveResult) -> DirectiveResult {
        var stored = result
        stored.warnings = []
        stored.payload = nil
        stored.output = stored.output.map { $0.captioned(nil) }
        return stored
    }

    /// Deletes the least recently used entries until the folder holds at most `maxBytes`,
    /// and temporary files more than an hour old (left by a render that was killed while
    /// writing; a younger one may be another render's write in progress).
    /// - Returns: how many entries were deleted.
    @discardableResult
    public func trim(now: Date = Date()) -> Int {
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey]
        guard let urls = try? FileManager.default.contentsOfDirectory(
            at: folder, includingPropertiesForKeys: keys, options: []) else { return 0 }
        var entries = urls.compactMap { url -> (url: URL, date: Date, size: Int)? in
            guard let values = try? url.resourceValues(forKeys: Set(keys)) else { return nil }
            return (url, values.contentModificationDate ?? .distantPast, values.fileSize ?? 0)
        }
        entries.removeAll { entry in
            guard entry.url.lastPathComponent.hasPrefix(".") else { return false }
            if entry.url.pathExtension == "tmp", now.timeIntervalSince(entry.date) > 3600 {
                try? FileManager.default.removeItem(at: entry.url)
            }
            return true
        }
        var total = entries.reduce(0) { $0 + $1.size }
        entries.sort { ($0.date, $0.url.path) < ($1.date, $1.url.path) }
        var deleted = 0
        for entry in entries where total > maxBytes {
            guard (try? FileManager.default.removeItem(at: entry.url)) != nil else { continue }
            total -= entry.size
            deleted += 1
        }
        return deleted
    }

    /// The cache folder for a notebook: `.parzen/cache/` beside the nearest `parzen.yml` at or
    /// above it (`ProjectFile.locate`), else beside the notebook.
    public static func folder(forNotebook path: String) -> URL {
        URL(fileURLWithPath: project(ofNotebook: path, reading: false).cacheDirectory, isDirectory: true)
    }

    /// The notebook's project file (`ProjectFile.locate`), its settings read when `reading`;
    /// without one, a project file with every default beside the notebook, whose
    /// `cacheDirectory` is then the notebook's `.parzen/cache`.
    private static func project(ofNotebook path: String, reading: Bool) -> ProjectFile {
        let folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        guard let found = ProjectFile.locate(from: folder) else {
            return ProjectFile(path: (folder as NSString).appendingPathComponent(ProjectFile.fileName))
        }
        return reading ? ProjectFile.read(path: found).0 : ProjectFile(path: found)
    }

    private func entryURL(_ key: ContentDigest) -> URL {
        folder.appendingPathComponent("\(key)")
    }
}
