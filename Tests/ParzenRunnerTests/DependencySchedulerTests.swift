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

    @Test func noJobsReturnAtOnce() {
        DependencyScheduler(dependencies: [], width: 2).run { _ in Issue.record("no job to run") }
    }
}
