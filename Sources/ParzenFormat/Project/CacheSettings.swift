/// `cache:` in `parzen.yml`: how much the result cache in `.parzen/cache/` (beside the
/// project file) may hold.
public struct CacheSettings: Sendable, Equatable {
    /// `max-size`, in bytes: the cache evicts its least recently used entries beyond it.
    /// Default: 1 GiB (2³⁰ bytes).
    public var maxBytes: Int

    /// The default, 1 GiB.
    public static let defaultMaxBytes = 1 << 30

    public init(maxBytes: Int = CacheSettings.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// The keys of `cache:`, for did-you-mean.
    public static let knownKeys = ["max-size"]
}
