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
}

