import Foundation

/// Writes files so that readers only ever see the old file or the complete new one: the bytes
/// go to a temporary file in the same folder, which is then renamed over the target (rename
/// is atomic within a file system). A failed or interrupted run never leaves a partial report.
///
/// The temporary file is `.<name>.<pid>.<random>.tmp`, created with `O_EXCL | O_NOFOLLOW`
/// and mode 0600: a name nobody can predict, never opened through a planted symlink, never
/// readable by others while half-written (the finished file gets the usual mode, 0666 less
/// the umask). Temporary files of processes that are no longer running — a render killed
/// with SIGKILL — are removed by the next write into the same folder for the same name.
public enum AtomicFile {
    /// Why a write failed, with the path.
    public struct WriteError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ contents: String, to path: String) throws {
        try write(Array(contents.utf8), to: path)
    }

    /// Bytes written atomically (a PDF), as text is.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        removeStaleTemporaries(of: target.lastPathComponent, in: folder.path)
        let (temporary, descriptor) = try createTemporary(for: target.lastPathComponent, in: folder.path)
        do {
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, path: temporary)
            fchmod(descriptor, 0o666 & ~currentUmask)
        } catch {
            unlink(temporary)
            throw error
        }
        guard rename(temporary, target.path) == 0 else {
            let error = failure("cannot rename into", path)
            unlink(temporary)
            throw error
        }
    }

    /// The process's umask, read once (reading it means setting it, so it is set back).
    private static let currentUmask: mode_t = {
        let mask = umask(0o022)
        umask(mask)
        return mask
    }()

    private static func failure(_ what: String, _ path: String) -> WriteError {
        WriteError(description: "\(what) '\(path)': \(String(cString: strerror(errno)))")
    }

    /// Creates a fresh temporary file for `name` in `folder`; returns its path and descriptor.
    static func createTemporary(for name: String, in folder: String) throws -> (String, Int32) {
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        let path = (folder as NSString).appendingPathComponent(".\(name).\(getpid()).\(random).tmp")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("cannot create the temporary file", path) }
        return (path, descriptor)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("cannot write", path)
            }
            offset += written
        }
    }

    /// Removes `.<name>.<pid>.<random>.tmp` files in `folder` whose process is gone. A PID
    /// that is running (possibly reused by another program) keeps its file: only certain
    /// leftovers are removed.
    static func removeStaleTemporaries(of name: String, in folder: String) {
        let prefix = ".\(name)."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let parts = entry.dropFirst(prefix.count).dropLast(".tmp".count).split(separator: ".")
            guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt64(parts[1], radix: 16) != nil
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder as NSString).appendingPathComponent(entry))
            }
        }
    }
}
