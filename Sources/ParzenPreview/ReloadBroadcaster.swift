import Foundation

/// Fans reload announcements out to every open event stream (one per open page).
public final class ReloadBroadcaster: @unchecked Sendable {
    /// Guards `subscribers`.
    private let lock = NSLock()
    private var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]

    public init() {}

    /// A new stream of announced page names; it ends when the consumer stops iterating
    /// (the page closed) or when ``finish()`` is called.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
        let id = UUID()
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.subscribers.removeValue(forKey: id) }
        }
        lock.withLock { subscribers[id] = continuation }
        return stream
    }

    /// The number of open streams.
    public var subscriberCount: Int { lock.withLock { subscribers.count } }

    /// Tells every stream that `page` (a file name, or `*` for all) was rebuilt.
    public func announce(_ page: String) {
        for continuation in lock.withLock({ Array(subscribers.values) }) {
            continuation.yield(page)
        }
    }

    /// Ends every stream (the server is stopping).
    public func finish() {
        for continuation in lock.withLock({ Array(subscribers.values) }) {
            continuation.finish()
        }
    }
}
