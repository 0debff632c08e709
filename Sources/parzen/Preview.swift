import ArgumentParser
import Foundation

/// `parzen preview …` runs `parzen-preview …`, built beside `parzen` (`swift build` builds
/// both): the server is its own executable so that `parzen` itself links no HTTP library.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Serve notebooks as live pages that re-render and reload when a notebook or a file it reads changes.",
        discussion: "Runs parzen-preview with the same arguments, --help included."
    )

    @Argument(parsing: .captureForPassthrough, help: "The arguments of parzen-preview.")
    var arguments: [String] = []

    func run() throws {
        let folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
            .resolvingSymlinksInPath().deletingLastPathComponent()
        let server = folder.appendingPathComponent("parzen-preview").path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw ValidationError("The preview server \(server) is not built. Please run "
                                  + "`swift build --product parzen-preview` (for a release build as `make report` "
                                  + "makes, with -c release --static-swift-stdlib).")
        }
        let argv = [server] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        execv(server, &cArguments)
        throw ValidationError("Cannot start \(server): \(String(cString: strerror(errno))).")
    }
}
