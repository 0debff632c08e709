import Dispatch
import Foundation

/// Runs another program (pdflatex, python, chromium, the `parzen` binary) for a test without
/// holding a thread of Swift's concurrency pool while it runs.
///
/// Why not `process.waitUntilExit()`: the test runner executes tests on the cooperative pool,
/// which has one thread per core (two here). Two tests blocked on a 50-second pdflatex or pip
/// install left no thread for anything else, and the preview server's request handlers, which
/// are async, timed out with 500s. Here the waiting is done by the process's termination
/// handler and the pipes are drained on threads of their own, so an awaiting test frees its
/// thread. (A hand-written helper rather than swift-subprocess: the tests need this one call,
/// and the package would add a dependency and minutes to every clean build.)
public enum ExternalProcess {
    /// What a finished program left.
    public struct Run: Sendable {
        public var status: Int32
        public var reason: Process.TerminationReason
        public var stdout: Data
        public var stderr: Data

        /// Standard output as text (UTF-8, invalid bytes replaced).
        public var output: String { String(decoding: stdout, as: UTF8.self) }
        /// Standard error as text.
        public var errors: String { String(decoding: stderr, as: UTF8.self) }
        /// True when the program exited normally with status 0.
        public var succeeded: Bool { reason == .exit && status == 0 }
    }

    /// Runs `executable` with `arguments` in `folder` (the current one when nil) with
    /// `environment` (inherited when nil) and returns once it has exited and both pipes are
    /// drained. Throws only when the program cannot be started.
    public static func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil,
                           environment: [String: String]? = nil) async throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchGroup()
        let stdout = Drain(output.fileHandleForReading, group: finished)
        let stderr = Drain(errors.fileHandleForReading, group: finished)
        finished.enter()
        process.terminationHandler = { _ in finished.leave() }
        do {
            try process.run()
        } catch {
            // Nothing will write to or close the pipes: close our ends so the drains end.
            try? output.fileHandleForWriting.close()
            try? errors.fileHandleForWriting.close()
            finished.leave()
            throw error
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            finished.notify(queue: .global()) { continuation.resume() }
        }
        return Run(status: process.terminationStatus, reason: process.terminationReason,
                   stdout: stdout.data, stderr: stderr.data)
    }

    /// `run` with the executable given as a path.
    public static func run(_ executable: String, _ arguments: [String], in folder: URL? = nil,
                           environment: [String: String]? = nil) async throws -> Run {
        try await run(URL(fileURLWithPath: executable), arguments, in: folder, environment: environment)
    }

    /// The first executable called `name` on `PATH`, or nil.
    public static func onPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Reads a pipe to its end on a thread of its own (a full pipe would otherwise stop the
    /// program), leaving `group` once the writer closed it.
    private final class Drain: @unchecked Sendable {
        private(set) var data = Data()

        init(_ handle: FileHandle, group: DispatchGroup) {
            group.enter()
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                group.leave()
            }
        }
    }
}
