import Foundation
import ParzenRunner

extension ReportBuilder {
    /// Builds every notebook of `plan`, `jobs` at a time (`DependencyScheduler`; notebooks
    /// share nothing while they run: each has its own run context and seeded generators, so
    /// the pages are byte-identical to a sequential build), each with its planned output path
    /// and its build time, in plan order.
    ///
    /// The largest notebooks start first: the longest job begun last would otherwise finish
    /// alone on a machine whose other cores are idle (the tutorial, a third of the bundled
    /// notebooks' work, is last in name order). `finish` runs on the same worker right after
    /// each build, so that what a page needs of its own body alone (its style sheet with the
    /// math font cut to its characters) is made while other notebooks still compute.
    public func build(_ plan: RenderPlan, finish: @escaping @Sendable (NotebookBuild) -> Void = { _ in })
        -> [(build: NotebookBuild, duration: Duration)] {
        let order = Self.largestFirst(plan.entries.map(\.path))
        let built = DependencyScheduler(independentJobs: plan.entries.count, width: jobs).map { job in
            let index = order[job]
            let entry = plan.entries[index]
            let clock = ContinuousClock()
            let start = clock.now
            let build = build(path: entry.path, checkOnly: false, outputPath: entry.outputPath)
            let duration = clock.now - start
            finish(build)
            return (index: index, build: build, duration: duration)
        }
        return built.sorted { $0.index < $1.index }.map { (build: $0.build, duration: $0.duration) }
    }

    /// The indices of `paths` by file size, largest first (an unreadable file counts as empty),
    /// ties in their given order: a notebook's length is the best guess of its work there is
    /// before it runs.
    static func largestFirst(_ paths: [String]) -> [Int] {
        let sizes = paths.map { path in
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        }
        return paths.indices.sorted { (-sizes[$0], $0) < (-sizes[$1], $1) }
    }
}
