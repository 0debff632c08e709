/// Watches a set of files and reports, in bursts, which of them changed. An editor's save is a
/// burst of events (truncate, write, close; or write a temporary file and rename it over the
/// old one); a watcher reports the burst once, after a quiet period with no further events.
///
/// Implementations: ``InotifyFileWatcher`` (Linux) and ``PollingFileWatcher`` (anywhere).
public protocol FileWatcher: AnyObject, Sendable {
    /// The changed files (absolute, standardised paths, as given to ``watch(_:)``), one set per
    /// burst; it finishes when the watcher stops.
    var changes: AsyncStream<Set<String>> { get }
    /// Replaces the set of watched files. Missing files may be named: their creation counts.
    func watch(_ files: Set<String>)
    /// Stops watching and finishes ``changes``.
    func stop()
}
