import Foundation

extension Array where Element: Sendable {
    /// `map` on every core, results in order: notebooks render concurrently. Dispatch's own
    /// threads run it (not Swift's cooperative pool), so each notebook may in turn run its
    /// directives concurrently.
    func concurrentMap<T: Sendable>(width: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: Swift.min(Swift.max(1, width), count)) { _ in
            while let index = slots.take(below: count) { slots.set(index, transform(self[index])) }
        }
        return slots.values
    }
}

/// The results of `concurrentMap`, filled from several threads, and the next index to work on.
private final class Slots<T>: @unchecked Sendable {
    // `slots` and `taken` are read and written under `lock`; each slot is written once.
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    private var taken = 0

    func set(_ index: Int, _ value: T) { lock.withLock { slots[index] = value } }

    /// The next index not yet handed out, below `count`.
    func take(below count: Int) -> Int? {
        lock.withLock {
            defer { taken += 1 }
            return taken < count ? taken : nil
        }
    }

    var values: [T] { lock.withLock { slots.map { $0! } } }
}
