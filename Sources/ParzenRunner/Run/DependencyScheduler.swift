import Foundation

/// Runs jobs that depend on one another on every core: a job starts once all the jobs it
/// depends on have finished, and at most `width` jobs run at a time. Of the jobs ready, one
/// at a time takes the lowest index; several at a time take the shallowest first (see `State`).
///
/// The workers are threads of its own, the caller's among them, not Swift's cooperative pool,
/// so a caller may block on it from anywhere (the preview server's tasks included) without
/// starving the pool. Nor are they `DispatchQueue.concurrentPerform`'s: inside a
/// concurrentPerform as wide as the machine, libdispatch runs every nested concurrentPerform on
/// one thread, so the core's parallel sums inside a directive, and a notebook's directives
/// inside several notebooks' render, would each run on a single core.
public struct DependencyScheduler {
    /// For each job, the earlier jobs it waits for (indices below its own).
    public var dependencies: [[Int]]
    public var width: Int

    public init(dependencies: [[Int]], width: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.dependencies = dependencies
        self.width = width
    }

    /// `count` jobs that wait for none: at most `width` at a time, lowest index first.
    public init(independentJobs count: Int, width: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.init(dependencies: Array(repeating: [], count: count), width: width)
    }

    /// Runs `job(i)` for every index, each after its dependencies; returns when all are done.
    /// Cost: one thread started per worker beyond the caller's (tens of microseconds each).
    public func run(_ job: @escaping @Sendable (Int) -> Void) {
        let count = dependencies.count
        guard count > 0 else { return }
        let state = State(dependencies: dependencies, byDepth: width > 1)
        let work: @Sendable () -> Void = {
            while let index = state.next() {
                job(index)
                state.finish(index)
            }
        }
        let others = (1..<max(1, min(width, count))).map { _ in
            let done = DispatchSemaphore(value: 0)
            Thread {
                work()
                done.signal()
            }.start()
            return done
        }
        work()
        for done in others { done.wait() }
    }

    /// `transform(i)` for every index, run as `run` runs jobs; the values in index order.
    public func map<Value: Sendable>(_ transform: @escaping @Sendable (Int) -> Value) -> [Value] {
        let values = Values<Value>(count: dependencies.count)
        run { index in values.set(index, transform(index)) }
        return values.all
    }

    /// One slot per job, filled by whichever worker runs it.
    private final class Values<Value: Sendable>: @unchecked Sendable {
        // `slots` is read and written under `lock`.
        private let lock = NSLock()
        private var slots: [Value?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

        var all: [Value] { lock.withLock { slots.map { $0! } } }
    }

    /// The queue of jobs whose dependencies are done, shared by the worker threads.
    private final class State: @unchecked Sendable {
        // Every field is read and written under `condition`.
        private let condition = NSCondition()
        private var waitingOn: [Int]
        private var dependents: [[Int]]
        /// Ready jobs, the first to start last (`popLast`).
        private var ready: [Int]
        /// The order ready jobs start in: lowest first.
        private let rank: [Int]
        private var unfinished: Int

        /// One job at a time starts the ready jobs lowest index first, so that a sequential run
        /// keeps page order. Several at a time (`byDepth`) start them by depth, the longest chain
        /// of jobs above them, then by index: what waits for nothing starts at once, wherever it
        /// sits. Costs are unknown before a run, and in page order a long job that needs nothing
        /// but sits at the end (the tutorial's latent-error figure, a third of its work) started
        /// last and finished alone.
        init(dependencies: [[Int]], byDepth: Bool) {
            let waiting = dependencies.map(\.count)
            var dependents: [[Int]] = Array(repeating: [], count: dependencies.count)
            for (job, needs) in dependencies.enumerated() {
                for need in needs { dependents[need].append(job) }
            }
            waitingOn = waiting
            self.dependents = dependents
            var depth = [Int](repeating: 0, count: dependencies.count)
            if byDepth {
                // Dependencies have lower indices, so theirs are known.
                for (job, needs) in dependencies.enumerated() { depth[job] = needs.map { depth[$0] + 1 }.max() ?? 0 }
            }
            let order = dependencies.indices.sorted { (depth[$0], $0) < (depth[$1], $1) }
            var rank = [Int](repeating: 0, count: dependencies.count)
            for (position, job) in order.enumerated() { rank[job] = position }
            self.rank = rank
            ready = order.filter { waiting[$0] == 0 }.reversed()
            unfinished = dependencies.count
        }

        /// The next ready job, waiting for one; nil once every job has finished.
        func next() -> Int? {
            condition.lock()
            defer { condition.unlock() }
            while ready.isEmpty && unfinished > 0 { condition.wait() }
            return ready.popLast()
        }

        func finish(_ job: Int) {
            condition.lock()
            unfinished -= 1
            for dependent in dependents[job] {
                waitingOn[dependent] -= 1
                if waitingOn[dependent] == 0 { ready.append(dependent) }
            }
            ready.sort { rank[$0] > rank[$1] }
            condition.broadcast()
            condition.unlock()
        }
    }
}
