import Foundation
import ParzenReport
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
}
