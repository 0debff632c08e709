import Foundation
import ParzenPreview
import Testing

/// Both watchers on real files: a burst of writes is one change, a missing file's creation
/// counts, files outside the watched set do not.
@Suite(.serialized)
struct FileWatcherTests {
    static var watchers: [@Sendable () throws -> any FileWatcher] {
        var makers: [@Sendable () throws -> any FileWatcher] = [{ PollingFileWatcher(interval: .milliseconds(50)) }]
        #if canImport(Glibc)
        makers.append { try InotifyFileWatcher() }
        #endif
        return makers
    }

    @Test(arguments: 0..<watchers.count)
    func aBurstOfWritesIsOneChange(watcherIndex: Int) async throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("a.md").path, b = folder.appendingPathComponent("b.csv").path
        let ignored = folder.appendingPathComponent("other.txt").path
        for file in [a, b, ignored] { try Data("0".utf8).write(to: URL(fileURLWithPath: file)) }
        let watcher = try Self.watchers[watcherIndex]()
        defer { watcher.stop() }
        watcher.watch([a, b])
        // Let a polling watcher take its first snapshot's successor before writing.
        try await Task.sleep(for: .milliseconds(120))
        var changes = watcher.changes.makeAsyncIterator()
        // An editor's save: several writes in quick succession (and an unwatched file).
        for n in 1...5 { try Data("\(n) bytes".utf8).write(to: URL(fileURLWithPath: a)) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: ignored))
        #expect(await changes.next() == [a])
        try Data("1,2".utf8).write(to: URL(fileURLWithPath: b))
        // On a quiet machine the burst is one change and the next is `[b]`. A loaded machine
        // can pause the writer between two writes for longer than the quiet period, so a
        // second `[a]` may come first — but never one per write: the burst is merged.
        var extra = 0
        var next = await changes.next()
        while next == [a], extra < 4 {
            extra += 1
            next = await changes.next()
        }
        #expect(next == [b])
        #expect(extra < 4, "each of the five writes was reported alone")
    }

    @Test(arguments: 0..<watchers.count)
    func creatingAMissingFileIsAChange(watcherIndex: Int) async throws {
        let folder = try Self.makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let later = folder.appendingPathComponent("later.csv").path
        let watcher = try Self.watchers[watcherIndex]()
        defer { watcher.stop() }
        watcher.watch([later])
        try await Task.sleep(for: .milliseconds(120))
        var changes = watcher.changes.makeAsyncIterator()
        try Data("x\n1\n".utf8).write(to: URL(fileURLWithPath: later), options: .atomic)
        #expect(await changes.next() == [later])
    }

    static func makeFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-watch-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Watchers report standardised paths; the temporary folder may be reached by a symlink.
        return folder.resolvingSymlinksInPath()
    }
}
