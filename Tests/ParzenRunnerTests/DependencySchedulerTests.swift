import Foundation
@testable import ParzenRunner
import Testing

/// The scheduler that runs a notebook's directives: every job once, each after the jobs it
/// depends on.
@Suite struct DependencySchedulerTests {
    /// The order of events, recorded from the worker threads.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [String] = []
        func add(_ event: String) { lock.withLock { events.append(event) } }
        var all: [String] { lock.withLock { events } }
    }

    @Test(arguments: [1, 2, 4])
    func everyJobRunsOnceAfterItsDependencies(width: Int) {
        // A diamond and a chain beside an independent job: 0 → 1, 0 → 2, {1, 2} → 3, 4, 4 → 5.
        let dependencies = [[], [0], [0], [1, 2], [], [4]]
        let log = Log()
        DependencyScheduler(dependencies: dependencies, width: width).run { job in
            log.add("start \(job)")
            Thread.sleep(forTimeInterval: 0.002)
            log.add("end \(job)")
        }
        let events = log.all
        #expect(events.count == 2 * dependencies.count)
        for (job, needs) in dependencies.enumerated() {
            #expect(events.filter { $0 == "start \(job)" }.count == 1)
            let start = events.firstIndex(of: "start \(job)")!
            for need in needs { #expect(events.firstIndex(of: "end \(need)")! < start, "\(need) before \(job)") }
        }
    }

    @Test func oneJobAtATimeRunsInPageOrder() {
        let log = Log()
        DependencyScheduler(dependencies: [[], [], [0], [], [2]], width: 1).run { log.add("\($0)") }
        #expect(log.all == ["0", "1", "2", "3", "4"])
    }

    /// The core's parallel sums run inside directives, and directives inside notebooks: a
    /// `concurrentPerform` inside a job must get more than one thread. (Inside libdispatch's own
    /// concurrentPerform as wide as the machine it ran on one, and the whole render on a core.)
    /// Two iterations meet at a rendezvous; on one thread the first would wait for the second
    /// forever, so each waits at most 10 s and the test fails instead of hanging.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2, "needs two cores"))
    func aConcurrentPerformInsideAJobRunsOnSeveralThreads() {
        let met = Log()
        DependencyScheduler(independentJobs: 2, width: 2).run { job in
            let arrived = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
            DispatchQueue.concurrentPerform(iterations: 2) { side in
                (side == 0 ? arrived.0 : arrived.1).signal()
                let other = side == 0 ? arrived.1 : arrived.0
                met.add(other.wait(timeout: .now() + 10) == .success ? "met" : "alone in job \(job)")
            }
        }
        #expect(met.all == Array(repeating: "met", count: 4))
    }

    /// Several at a time, a ready job that waits for nothing starts before one that waited,
    /// whatever their indices. Job 0 holds one worker until job 2 is done; the other runs 1,
    /// then has 2 (after 1) and 3 (after nothing) to choose from. In page order it took 2.
    @Test func severalAtATimeStartWhatWaitsForNothingFirst() {
        let log = Log()
        let twoDone = DispatchSemaphore(value: 0)
        DependencyScheduler(dependencies: [[], [], [1], []], width: 2).run { job in
            if job == 0 {
                _ = twoDone.wait(timeout: .now() + 10)
                return
            }
            log.add("\(job)")
            if job == 2 { twoDone.signal() }
        }
        #expect(log.all == ["1", "3", "2"])
    }

    /// `map` gives the values in job order, however the workers finished.
    @Test(arguments: [1, 2, 4])
    func mapGivesTheValuesInJobOrder(width: Int) {
        let values = DependencyScheduler(independentJobs: 9, width: width).map { job in
            Thread.sleep(forTimeInterval: 0.001 * Double(9 - job))
            return job * job
        }
        #expect(values == (0..<9).map { $0 * $0 })
    }

    @Test func noJobsReturnAtOnce() {
        DependencyScheduler(dependencies: [], width: 2).run { _ in Issue.record("no job to run") }
    }
}

@Suite struct BackgroundValueTests {
    struct Refused: Error, Equatable {}

    /// The value is made on another thread while the caller goes on, and every `get()` has it.
    @Test func valueIsMadeOnAnotherThreadAndKept() throws {
        let caller = pthread_self()
        let made = BackgroundValue { () -> Bool in
            Thread.sleep(forTimeInterval: 0.01)
            return pthread_equal(pthread_self(), caller) == 0
        }
        #expect(try made.get())
        #expect(try made.get())
    }

    @Test func errorIsThrownByGet() {
        let made = BackgroundValue { () throws -> Int in throw Refused() }
        #expect(throws: Refused()) { try made.get() }
        #expect(throws: Refused()) { try made.get() }
    }
}
