import Foundation
import ParzenRunner

/// The line `parzen render` keeps updated on a terminal while a directive computes for more
/// than 2 s: `notebook.md:41: {compare} scores — k-fold: fold 3 of 5 for kde — 3.4 s` (the
/// step as the directive last reported it; every such directive, when several run at once).
/// Written to standard error with `\r` and erased when nothing is slow; never
/// written when standard error is not a terminal, so logs and pipes get none of it.
final class ProgressLine: RunObserver, @unchecked Sendable {
    // `running` and `shown` are read and written under `lock`; the timer runs on `queue`.
    private let lock = NSLock()
    private var running: [String: (text: String, step: String?, start: ContinuousClock.Instant)] = [:]
    private var shown = false
    private let clock = ContinuousClock()
    private let queue = DispatchQueue(label: "parzen.progress")
    private var timer: DispatchSourceTimer?

    /// Shows progress after this long.
    static let threshold = Duration.seconds(2)

    /// A progress line, or nil when standard error is not a terminal or `quiet` is set.
    static func onTerminal(quiet: Bool) -> ProgressLine? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressLine()
    }

    private init() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.refresh() }
        timer.resume()
        self.timer = timer
    }

    deinit { timer?.cancel() }

    func directiveStarted(_ call: DirectiveCall, in file: String) {
        let text = "\(file):\(call.location.line): {\(call.name)}\(call.label.map { " " + $0 } ?? "")"
        lock.withLock { running[Self.id(call, file)] = (text, nil, clock.now) }
    }

    func directiveProgress(_ call: DirectiveCall, in file: String, step: String) {
        lock.withLock { running[Self.id(call, file)]?.step = step }
    }

    func directiveFinished(_ call: DirectiveCall, in file: String) {
        lock.withLock { _ = running.removeValue(forKey: Self.id(call, file)) }
    }

    /// Erases the line, once everything is done.
    func finish() {
        timer?.cancel()
        queue.sync { refresh(force: true) }
    }

    private func refresh(force: Bool = false) {
        let now = clock.now
        let (slow, wasShown) = lock.withLock { () -> ([String], Bool) in
            let slow = running.values.filter { now - $0.start >= Self.threshold }.sorted { $0.start < $1.start }
                .map { "\($0.text)\($0.step.map { " — " + $0 } ?? "") — "
                    + String(format: "%.1f s", Double((now - $0.start).components.seconds)
                    + Double((now - $0.start).components.attoseconds) * 1e-18) }
            let wasShown = shown
            shown = !slow.isEmpty && !force
            return (slow, wasShown)
        }
        if slow.isEmpty || force {
            if wasShown { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
            return
        }
        FileHandle.standardError.write(Data(("\r\u{1B}[2K" + slow.joined(separator: " · ")).utf8))
    }

    private static func id(_ call: DirectiveCall, _ file: String) -> String {
        "\(file):\(call.location.line):\(call.location.column)"
    }
}
