import ArgumentParser
import Foundation
import ParzenReport

@main
struct Parzen: ParsableCommand {
    // Every command names itself: a name derived from the type costs a reflection of it (~1 ms of a warm render).
    static let configuration = CommandConfiguration(
        commandName: "parzen",
        abstract: "Run Markdown notebooks about generative models and write static HTML reports.",
        discussion: """
        Exit status: 0 when every notebook ran cleanly, 1 when a notebook has errors (they are \
        printed as path:line:column: error: message, and shown in the report at their place), \
        2 for usage errors (unknown flags, missing files, no templates).
        """,
        version: ParzenVersion.current,
        subcommands: [Render.self, Check.self, Fit.self, Preview.self, Clean.self],
        defaultSubcommand: nil
    )

    /// Maps ArgumentParser's usage errors to exit status 2, as documented above.
    static func main() {
        keepFreedMemory()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }

    /// glibc hands blocks over 128 KiB back to the kernel when they are freed (each an mmap of
    /// its own, and the heap's top trimmed past 128 KiB), so the core's large temporaries
    /// (grids, draws, distance sums) came back as fresh zeroed pages every time: 16,000 page
    /// faults in a cold render of the bundled notebooks, 7,000 with these thresholds, for ~6 MB
    /// more resident. A render is one short process; the preview server, long-lived, keeps
    /// glibc's defaults.
    /// `mallopt` is looked up at run time: Swift's Glibc module leaves out `<malloc.h>`. The
    /// option numbers are glibc's (`M_TRIM_THRESHOLD` −1, `M_MMAP_THRESHOLD` −3, malloc.h).
    private static func keepFreedMemory() {
        #if os(Linux)
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: MallocOption.self)
        _ = mallopt(-3, 256 << 20)
        _ = mallopt(-1, 512 << 20)
        #endif
    }
}
