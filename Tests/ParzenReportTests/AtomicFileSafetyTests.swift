import Foundation
import Testing
@testable import ParzenReport

/// Reports are replaced whole, through temporary files nobody can predict or redirect.
@Suite(.serialized) struct AtomicFileSafetyTests {
    private func makeFolder() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Issue 16: the temporary name was `.<name>.<PID>.tmp`, opened without `O_EXCL`, so a
    /// symlink planted under that name made Parzen overwrite the link's target.
    @Test func temporaryFileIsNeverOpenedThroughASymlink() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let victim = folder + "/victim.txt"
        try "precious".write(toFile: victim, atomically: false, encoding: .utf8)
        let (path, descriptor) = try AtomicFile.createTemporary(for: "page.html", in: folder)
        close(descriptor)
        unlink(path)
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: victim)
        // The same name again (as a predictable name would be): refused, the target untouched.
        let again = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
        #expect(again < 0)
        try AtomicFile.write("report", to: folder + "/page.html")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious")
        #expect(try String(contentsOfFile: folder + "/page.html", encoding: .utf8) == "report")
    }

    @Test func temporaryNamesAreUnpredictableAndPrivate() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (first, a) = try AtomicFile.createTemporary(for: "x.html", in: folder)
        let (second, b) = try AtomicFile.createTemporary(for: "x.html", in: folder)
        defer { close(a); close(b) }
        #expect(first != second)
        #expect((first as NSString).lastPathComponent.hasPrefix(".x.html.\(getpid())."))
        var info = stat()
        #expect(fstat(a, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func finishedFileHasTheUsualMode() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try AtomicFile.write("x", to: folder + "/a.html")
        var info = stat()
        #expect(stat(folder + "/a.html", &info) == 0)
        let mask = umask(0o022)
        umask(mask)
        #expect(info.st_mode & 0o777 == 0o666 & ~mask)
    }

    /// A killed render's temporary file is removed by the next write; a live process's is kept.
    @Test func staleTemporariesOfDeadProcessesAreRemoved() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        let dead = folder + "/.page.html.\(process.processIdentifier).1f2e3d.tmp"
        let live = folder + "/.page.html.\(getpid()).abc123.tmp"
        let other = folder + "/.other.html.\(process.processIdentifier).1f2e3d.tmp"
        for path in [dead, live, other] { try "partial".write(toFile: path, atomically: false, encoding: .utf8) }
        try AtomicFile.write("whole", to: folder + "/page.html")
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: other))
    }

    /// Four writers at once, each writing its own complete page many times, while a reader
    /// checks that the file is always one of the complete pages.
    @Test func fourConcurrentWritersNeverLeaveAPartialPage() async throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/page.html"
        let pages = (0..<4).map { String(repeating: "<p>writer \($0)</p>\n", count: 20_000) }
        try AtomicFile.write(pages[0], to: path)
        let partial = try await withThrowingTaskGroup(of: Int.self) { group in
            for page in pages {
                group.addTask {
                    for _ in 0..<25 { try AtomicFile.write(page, to: path) }
                    return 0
                }
            }
            group.addTask {
                var partial = 0
                for _ in 0..<200 {
                    let text = try String(contentsOfFile: path, encoding: .utf8)
                    if !pages.contains(text) { partial += 1 }
                }
                return partial
            }
            return try await group.reduce(0, +)
        }
        #expect(partial == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }
}
