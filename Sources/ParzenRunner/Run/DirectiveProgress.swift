/// What a directive that computes for long is doing, for `parzen render`'s progress line:
/// "k-fold: fold 3 of 5 for kde", "two-sample tests: kde, 2 of 3".
///
/// A directive's own loops call ``report(_:)``; the runner binds where the report goes while
/// it computes that directive (a task-local value, which plain threads keep per thread, so
/// directives computing at once on other cores report for themselves). Without an observer
/// listening, a report costs one load and the text is never built.
public enum DirectiveProgress {
    @TaskLocal static var sink: (@Sendable (String) -> Void)?

    /// Tells the progress line what the directive computing on this thread does now.
    public static func report(_ step: @autoclosure () -> String) {
        sink?(step())
    }

    /// Runs `body` with reports going to `observer` for `call`.
    static func reporting<T>(to observer: (any RunObserver)?, _ call: DirectiveCall, in file: String,
                             _ body: () throws -> T) rethrows -> T {
        guard let observer else { return try body() }
        return try $sink.withValue({ step in observer.directiveProgress(call, in: file, step: step) }, operation: body)
    }
}
