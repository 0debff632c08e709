#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value computed on first use, once, whichever thread asks first; for state only some
/// uses need (a formula kernel's sampling table: rendering a cached result, or evaluating
/// densities, never samples).
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    // `value` is read and written with `mutex` held. The mutex is allocated apart: a pthread
    // mutex must not move, and `&` on a stored property does not promise a fixed address.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var value: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    var wrappedValue: Value {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let value { return value }
        let made = make()
        value = made
        return made
    }
}
