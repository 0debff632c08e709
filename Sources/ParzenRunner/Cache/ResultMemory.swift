import Synchronization

/// Cached outcomes kept in memory across the renders of one process (`parzen preview`), in
/// front of the cache folder: a save re-renders with the results of the last render without
/// reading or decoding their entries. Keys are content digests (``ResultKey``), so one memory
/// serves every notebook and project; an entry is right for as long as its key is.
///
/// Bounded by the byte size of the entries it holds (their size on disk), least recently used
/// first out. Cost: a dictionary look-up per directive; a full scan of the entries per eviction.
public final class ResultMemory: Sendable {
    private struct Entry {
        var outcome: ResultCache.CachedOutcome
        var digest: ContentDigest
        var bytes: Int
        var lastUse: UInt64
    }

    private struct State {
        var entries: [ContentDigest: Entry] = [:]
        var total = 0
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    /// The most it holds, in bytes of the entries' encoded size.
    public let maxBytes: Int

    public init(maxBytes: Int = 256 << 20) {
        self.maxBytes = maxBytes
    }

    /// The outcome kept under `key`, and the digest of its bytes.
    func outcome(_ key: ContentDigest) -> (outcome: ResultCache.CachedOutcome, digest: ContentDigest)? {
        state.withLock { state in
            guard var entry = state.entries[key] else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[key] = entry
            return (entry.outcome, entry.digest)
        }
    }

    /// Keeps `outcome` (whose entry takes `bytes`) under `key`, evicting the least recently used.
    func keep(_ outcome: ResultCache.CachedOutcome, digest: ContentDigest, bytes: Int, under key: ContentDigest) {
        guard bytes <= maxBytes else { return }
        state.withLock { state in
            state.clock += 1
            if let old = state.entries[key] { state.total -= old.bytes }
            state.entries[key] = Entry(outcome: outcome, digest: digest, bytes: bytes, lastUse: state.clock)
            state.total += bytes
            while state.total > maxBytes, let oldest = state.entries.min(by: { $0.value.lastUse < $1.value.lastUse }) {
                state.entries[oldest.key] = nil
                state.total -= oldest.value.bytes
            }
        }
    }

    /// How many outcomes it holds.
    public var count: Int { state.withLock { $0.entries.count } }
}
