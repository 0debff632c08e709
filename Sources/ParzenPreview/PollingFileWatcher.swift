import Foundation

/// A ``FileWatcher`` that compares each file's size and modification time every `interval`:
/// for systems without inotify, and for file systems that do not deliver its events (network
/// mounts). A burst is reported at the first scan that finds nothing new after a change.
public final class PollingFileWatcher: FileWatcher, @unchecked Sendable {
    public let changes: AsyncStream<Set<String>>
    private let continuation: AsyncStream<Set<String>>.Continuation
    private let interval: TimeInterval
    /// Guards everything below.
    private let lock = NSLock()
    private var stamps: [String: Stamp?] = [:]
    private var stopped = false

    /// What a scan compares; nil for a missing file.
    private struct Stamp: Equatable {
        var size: UInt64
        var modified: Date
    }

    /// Starts the scanning thread; `interval` defaults to 100 ms.
    public init(interval: Duration = .milliseconds(100)) {
        self.interval = Double(interval.components.seconds) + Double(interval.components.attoseconds) * 1e-18
        (changes, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        let thread = Thread { [self] in scanLoop() }
        thread.name = "parzen-poll"
        thread.start()
    }

    public func watch(_ files: Set<String>) {
        let current = Dictionary(uniqueKeysWithValues: files.map { ($0, Self.stamp(of: $0)) })
        lock.withLock { stamps = current }
    }

    public func stop() {
        lock.withLock { stopped = true }
    }

    private func scanLoop() {
        var pending = Set<String>()
        while !lock.withLock({ stopped }) {
            Thread.sleep(forTimeInterval: interval)
            let files = lock.withLock { Array(stamps.keys) }
            let now = files.map { ($0, Self.stamp(of: $0)) }
            let changed = lock.withLock {
                now.filter { file, stamp in
                    guard let old = stamps[file], old != stamp else { return false }
                    stamps[file] = stamp
                    return true
                }.map(\.0)
            }
            if !changed.isEmpty {
                pending.formUnion(changed)
            } else if !pending.isEmpty {
                continuation.yield(pending)
                pending = []
            }
        }
        continuation.finish()
    }

    private static func stamp(of path: String) -> Stamp? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return Stamp(size: (attributes[.size] as? NSNumber)?.uint64Value ?? 0,
                     modified: attributes[.modificationDate] as? Date ?? .distantPast)
    }
}
