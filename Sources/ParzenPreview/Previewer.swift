import FlyingFox
import FlyingSocks
import Foundation
import ParzenFormat

/// `parzen preview` without its command line: serves a ``PreviewSession`` over HTTP, watches
/// every notebook, every file they read and the templates folder, re-renders what changed and
/// tells the open pages to reload.
///
/// Listens on `host` only (the command's default is 127.0.0.1: the pages show the notebooks'
/// data, and the server has no authentication).
public actor Previewer {
    /// What the preview tells its user (the command prints it).
    public enum Event: Sendable {
        /// The server accepts connections at this address.
        case listening(URL)
        /// A render finished (the first one, or one after a change).
        case rendered(PreviewSession.Outcome)
    }

    public let session: PreviewSession
    private let broadcaster = ReloadBroadcaster()
    private let server: HTTPServer
    private let watcher: any FileWatcher
    private let report: @Sendable (Event) -> Void
    private var watching: Task<Void, Never>?
    private var serving: Task<Void, Never>?
    /// Why the server stopped on its own (it could not bind, say); nil while it runs.
    private var serverFailure: (any Error)?

    /// A preview of `session` on `host:port`: `host` an IPv4 or IPv6 address or `localhost`,
    /// `port` 0 for any free port. `watcher` defaults to inotify on Linux, else polling.
    public init(session: PreviewSession, host: String, port: UInt16, watcher: (any FileWatcher)? = nil,
                report: @escaping @Sendable (Event) -> Void) throws {
        self.session = session
        self.report = report
        self.watcher = watcher ?? Self.platformWatcher()
        // `localhost` is taken as IPv4 loopback; other names are not resolved (say which interface).
        let ip = host == "localhost" ? "127.0.0.1" : host
        let address: any SocketAddress = ip.contains(":") ? try sockaddr_in6.inet6(ip6: ip, port: port)
            : try sockaddr_in.inet(ip4: ip, port: port)
        // No request log: the terminal shows renders and diagnostics, not every fetch. The
        // handlers only look a page up, so they never take long of themselves; FlyingFox's
        // 15-second default would turn a busy machine's delay into a 500 for a page that is there.
        server = HTTPServer(address: address, timeout: Self.handlerTimeout, logger: .disabled,
                            handler: PreviewRequestHandler(session: session, broadcaster: broadcaster))
    }

    /// Renders every notebook, starts serving and watching, and returns the address served.
    /// Throws when the server cannot listen (address not local, port taken).
    public func start() async throws -> URL {
        let session = session
        report(.rendered(await Self.offThePool { session.renderAll() }))
        let server = server
        serving = Task { [weak self] in
            do { try await server.run() } catch { await self?.serverStopped(with: error) }
        }
        // Wait for either the listening socket or the server's failure to bind.
        while !(await server.isListening) {
            if let serverFailure { throw serverFailure }
            try await Task.sleep(for: .milliseconds(5))
        }
        guard let url = await Self.url(of: server.listeningAddress) else {
            throw SocketError.unsupportedAddress
        }
        let inputs = session.inputs()
        watcher.watch(Self.watchedFiles(inputs, templatesFolder: session.templatesFolder))
        watching = Task { [weak self] in await self?.watchLoop(inputs: inputs) }
        report(.listening(url))
        return url
    }

    /// Runs until the task is cancelled (Ctrl-C in the command), then stops.
    public func run() async throws -> Never {
        _ = try await start()
        do {
            while true { try await Task.sleep(for: .seconds(3600)) }
        } catch {
            await stop()
            throw error
        }
    }

    /// Stops watching, ends the event streams and closes the server.
    public func stop() async {
        watcher.stop()
        watching?.cancel()
        broadcaster.finish()
        await server.stop(timeout: 1)
        serving?.cancel()
    }

    private func serverStopped(with error: any Error) {
        serverFailure = error
    }

    /// The number of pages listening for reloads (for tests and diagnostics).
    public var openEventStreams: Int { broadcaster.subscriberCount }

    private func watchLoop(inputs initialInputs: [String: [String]]) async {
        var inputs = initialInputs
        for await changed in watcher.changes {
            let templatesChanged = session.templatesFolder.map { folder in
                changed.contains { $0.hasPrefix(NotebookInputs.absolute(folder) + "/") }
            } ?? false
            let notebooks = templatesChanged ? session.notebooks
                : session.notebooks.filter { !(Set(inputs[$0] ?? []).isDisjoint(with: changed)) }
            guard !notebooks.isEmpty || templatesChanged else { continue }
            let session = session
            let outcome = await Self.offThePool { session.rerender(notebooks, templatesChanged: templatesChanged) }
            // A notebook may name new data files; watch what it reads now.
            inputs = session.inputs()
            watcher.watch(Self.watchedFiles(inputs, templatesFolder: session.templatesFolder))
            report(.rendered(outcome))
            for page in templatesChanged ? ["*"] : outcome.pageNames { broadcaster.announce(page) }
            broadcaster.announce("index.html")
        }
    }

    /// How long a request handler may take before the server answers 500.
    static let handlerTimeout: TimeInterval = 300

    /// Renders run on a queue of their own: a render computes for as long as it takes, and
    /// on Swift's concurrency pool (one thread per core) it would hold a thread the server's
    /// request handlers need to answer meanwhile.
    private static let renderQueue = DispatchQueue(label: "parzen.preview.render")

    private static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            renderQueue.async { continuation.resume(returning: work()) }
        }
    }

    /// Every input of every notebook, and every template file.
    private static func watchedFiles(_ inputs: [String: [String]], templatesFolder: String?) -> Set<String> {
        var files = Set(inputs.values.joined())
        if let folder = templatesFolder.map(NotebookInputs.absolute) {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            let templates = names.filter { $0.hasSuffix(".mustache") || $0.hasSuffix(".css") }
            files.formUnion(templates.map { folder + "/" + $0 })
        }
        return files
    }

    private static func platformWatcher() -> any FileWatcher {
        #if canImport(Glibc)
        if let inotify = try? InotifyFileWatcher() { return inotify }
        #endif
        return PollingFileWatcher()
    }

    private static func url(of address: Socket.Address?) -> URL? {
        switch address {
        case .ip4(let host, let port): URL(string: "http://\(host):\(port)/")
        case .ip6(let host, let port): URL(string: "http://[\(host)]:\(port)/")
        case .unix, nil: nil
        }
    }
}
