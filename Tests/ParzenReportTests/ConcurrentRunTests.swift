import Foundation
@testable import ParzenReport
import ParzenRunner
import Testing

/// Directives run concurrently, yet the page is the page of a run one directive at a time.
@Suite struct ConcurrentRunTests {
    @Test func everyBundledNotebookRendersTheSameWithOneJobAndWithMany() throws {
        let folder = Repository.root + "/notebooks"
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }
        #expect(notebooks.count >= 3)
        for name in notebooks.sorted() {
            func build(jobs: Int) -> NotebookBuild {
                ReportBuilder(registry: StandardDirectives.registry, allowOutside: false, jobs: jobs)
                    .build(path: folder + "/" + name, checkOnly: false)
            }
            let sequential = build(jobs: 1), concurrent = build(jobs: 8)
            #expect(concurrent.bodyHTML == sequential.bodyHTML, "\(name)")
            #expect(concurrent.diagnostics.map(\.text) == sequential.diagnostics.map(\.text), "\(name)")
            #expect(concurrent.results.map(\.label) == sequential.results.map(\.label), "\(name)")
        }
    }

    /// All bundled notebooks in one plan, built `jobs` at a time (largest first, directives and
    /// the core's sums concurrent inside): the same bodies and diagnostics as one notebook after
    /// another, in plan order, and `finish` sees every build once.
    @Test func aPlanBuiltConcurrentlyGivesTheSequentialBuildsInPlanOrder() throws {
        let folder = Repository.root + "/notebooks"
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }
        let plan = try RenderPlan(notebooks: notebooks.sorted().map { folder + "/" + $0 }, output: nil,
                                  currentDirectory: folder)
        #expect(plan.entries.count >= 3)
        func builds(jobs: Int) -> [NotebookBuild] {
            let finished = FinishedPaths()
            let builds = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false, jobs: jobs)
                .build(plan, finish: { finished.add($0.path) }).map(\.build)
            #expect(finished.all.sorted() == plan.entries.map(\.path).sorted())
            return builds
        }
        let sequential = builds(jobs: 1), concurrent = builds(jobs: 4)
        #expect(sequential.allSatisfy { $0.bodyHTML != nil && !$0.hasErrors })
        #expect(concurrent.map(\.path) == plan.entries.map(\.path))
        #expect(concurrent.map(\.bodyHTML) == sequential.map(\.bodyHTML))
        #expect(concurrent.map { $0.diagnostics.map(\.text) } == sequential.map { $0.diagnostics.map(\.text) })
    }

    /// Largest file first, ties (and unreadable files, as empty) in their given order.
    @Test func notebooksStartLargestFirst() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sizes = [3, 10, 3, 7]
        let paths = try sizes.enumerated().map { index, size in
            let path = folder.appendingPathComponent("\(index).md").path
            try String(repeating: "x", count: size).write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        #expect(ReportBuilder.largestFirst(paths + [folder.appendingPathComponent("missing.md").path])
            == [1, 3, 0, 2, 4])
    }

    /// The paths `finish` was called with, from the worker threads.
    final class FinishedPaths: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []
        func add(_ path: String) { lock.withLock { paths.append(path) } }
        var all: [String] { lock.withLock { paths } }
    }
}
