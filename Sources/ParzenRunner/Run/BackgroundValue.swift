import Foundation

/// A value computed on a thread of its own from the moment it is made, while the caller does
/// something else; `get()` waits for it. A thread of its own, as ``DependencyScheduler``'s
/// workers are, so that waiting never starves Swift's cooperative pool.
/// Cost: one thread started (tens of microseconds).
public final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    // `result` is written once, before `done` is signalled, and read only after waiting for it.
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    public init(_ make: @escaping @Sendable () throws -> Value) {
        Thread { [self] in
            result = Result(catching: make)
            done.signal()
        }.start()
    }

    /// The value, or the error making it threw.
    public func get() throws -> Value {
        done.wait()
        done.signal()  // for the next `get()`
        return try result!.get()
    }
}
