#if canImport(Glibc)
import Foundation
import Glibc

/// A ``FileWatcher`` on Linux's inotify. It watches the files' folders, not the files: editors
/// that save by renaming a new file over the old one replace the watched inode, which a watch on
/// the file itself would lose. Events for other files in those folders are ignored.
///
/// One thread blocks in `poll(2)` on the inotify descriptor; after the first event of a burst
/// it keeps reading until `quietPeriod` passes without one, then reports the burst.
public final class InotifyFileWatcher: FileWatcher, @unchecked Sendable {
    public let changes: AsyncStream<Set<String>>
    private let continuation: AsyncStream<Set<String>>.Continuation
    private let descriptor: Int32
    private let quietMilliseconds: Int32
    /// Guards everything below: `watch(_:)` and `stop()` run on callers' threads.
    private let lock = NSLock()
    private var files: Set<String> = []
    private var folderByWatch: [Int32: String] = [:]
    private var watchByFolder: [String: Int32] = [:]
    private var stopped = false

    /// Events that change a file's content or replace it.
    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)

    /// Why inotify could not start (the caller then polls instead).
    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Starts the reading thread; `quietPeriod` (default 40 ms) closes a burst.
    public init(quietPeriod: Duration = .milliseconds(40)) throws {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else {
            throw StartError(description: "inotify_init1 failed: \(String(cString: strerror(errno)))")
        }
        quietMilliseconds = Int32(quietPeriod.components.seconds * 1000
                                  + quietPeriod.components.attoseconds / 1_000_000_000_000_000)
        (changes, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
        let thread = Thread { [self] in readLoop() }
        thread.name = "parzen-inotify"
        thread.start()
    }

    public func watch(_ newFiles: Set<String>) {
        lock.withLock {
            files = newFiles
            let folders = Set(newFiles.map { ($0 as NSString).deletingLastPathComponent })
            for (folder, watch) in watchByFolder where !folders.contains(folder) {
                inotify_rm_watch(descriptor, watch)
                watchByFolder[folder] = nil
                folderByWatch[watch] = nil
            }
            // A folder that does not exist cannot be watched; its files' creation goes unseen
            // until the set is renewed (after the next render).
            for folder in folders where watchByFolder[folder] == nil {
                let watch = inotify_add_watch(descriptor, folder, Self.mask)
                guard watch >= 0 else { continue }
                watchByFolder[folder] = watch
                folderByWatch[watch] = folder
            }
        }
    }

    public func stop() {
        lock.withLock { stopped = true }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func readLoop() {
        var pending = Set<String>()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            // Idle, wake up now and then to notice `stop()`; in a burst, wait for quiet.
            let ready = poll(&request, 1, pending.isEmpty ? 200 : quietMilliseconds)
            if ready > 0 {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 { pending.formUnion(changedFiles(in: buffer[..<count])) }
            } else if ready == 0, !pending.isEmpty {
                continuation.yield(pending)
                pending = []
            }
        }
        close(descriptor)
        continuation.finish()
    }

    /// The watched files named by a buffer of `inotify_event` records; every watched file when
    /// the kernel's queue overflowed (events were lost).
    private func changedFiles(in bytes: ArraySlice<UInt8>) -> Set<String> {
        lock.withLock {
            var changed = Set<String>()
            let header = MemoryLayout<inotify_event>.size
            var offset = bytes.startIndex
            while offset + header <= bytes.endIndex {
                let event = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset - bytes.startIndex,
                                                                     as: inotify_event.self) }
                let nameBytes = bytes[(offset + header)..<(offset + header + Int(event.len))].prefix { $0 != 0 }
                offset += header + Int(event.len)
                if event.mask & UInt32(IN_Q_OVERFLOW) != 0 { return files }
                guard let folder = folderByWatch[event.wd], !nameBytes.isEmpty else { continue }
                let path = folder + "/" + String(decoding: nameBytes, as: UTF8.self)
                if files.contains(path) { changed.insert(path) }
            }
            return changed
        }
    }
}
#endif
