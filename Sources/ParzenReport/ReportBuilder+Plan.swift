import Dispatch
import Foundation

extension ReportBuilder {
    /// Builds every notebook of `plan`, `jobs` at a time (notebooks share nothing while they
    /// run: each has its own run context and seeded generators, so the pages are
    /// byte-identical to a sequential build), each with its planned output path and its build
    /// time, in plan order. Dispatch's own threads run them, not Swift's cooperative pool, so
    /// each notebook may in turn run its directives concurrently.
    public func build(_ plan: RenderPlan) -> [(build: NotebookBuild, duration: Duration)] {
        let results = Results(count: plan.entries.count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, plan.entries.count)) { _ in
            while let index = results.take() {
                let entry = plan.entries[index]
                let clock = ContinuousClock()
                let start = clock.now
                var build = build(path: entry.path, checkOnly: false)
                build.outputPath = entry.outputPath
                results.set(index, (build, clock.now - start))
            }
        }
        return results.values.map { $0! }
    }
}

/// The builds as they finish, one slot per notebook, and the next notebook to start; the
/// lock orders the reads and writes.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(build: NotebookBuild, duration: Duration)?]
    private var started = 0

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// The index of the next notebook to build, or nil when all have started.
    func take() -> Int? {
        lock.withLock {
            guard started < slots.count else { return nil }
            defer { started += 1 }
            return started
        }
    }

    func set(_ index: Int, _ value: (build: NotebookBuild, duration: Duration)) {
        lock.withLock { slots[index] = value }
    }

    var values: [(build: NotebookBuild, duration: Duration)?] { lock.withLock { slots } }
}
