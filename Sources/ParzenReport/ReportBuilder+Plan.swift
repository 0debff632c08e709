import Foundation
import ParzenRunner

extension ReportBuilder {
    /// Builds every notebook of `plan`, `jobs` at a time (`DependencyScheduler`; notebooks
    /// share nothing while they run: each has its own run context and seeded generators, so
    /// the pages are byte-identical to a sequential build), each with its planned output path
    /// and its build time, in plan order.
    public func build(_ plan: RenderPlan) -> [(build: NotebookBuild, duration: Duration)] {
        let results = Results(count: plan.entries.count)
        DependencyScheduler(independentJobs: plan.entries.count, width: jobs).run { index in
            let entry = plan.entries[index]
            let clock = ContinuousClock()
            let start = clock.now
            var build = build(path: entry.path, checkOnly: false, outputPath: entry.outputPath)
            build.outputPath = entry.outputPath
            results.set(index, (build, clock.now - start))
        }
        return results.values.map { $0! }
    }
}

/// The builds as they finish, one slot per notebook; the lock orders the writes.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(build: NotebookBuild, duration: Duration)?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: (build: NotebookBuild, duration: Duration)) {
        lock.withLock { slots[index] = value }
    }

    var values: [(build: NotebookBuild, duration: Duration)?] { lock.withLock { slots } }
}
