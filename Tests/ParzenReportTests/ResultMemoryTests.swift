import Foundation
import ParzenReport
import ParzenRunner
import Testing

/// Results kept in memory across the renders of one process (`parzen preview`): a render after
/// a save takes them from memory, without the cache folder, and writes the same page.
@Suite struct ResultMemoryTests {
    typealias Project = ResultCacheTests.Project

    func build(_ project: Project, memory: ResultMemory?) -> NotebookBuild {
        ReportBuilder(registry: StandardDirectives.registry, allowOutside: false,
                      cache: ResultCache.Policy(memory: memory))
            .build(path: project.notebook.path, checkOnly: false)
    }

    func provenance(_ build: NotebookBuild, _ kind: NotebookRunner.Provenance) -> [String] {
        build.timings.filter { $0.provenance == kind }.map { $0.label ?? $0.directive }
    }

    /// With the cache folder deleted after the first render, every result still comes from memory.
    @Test func aSecondRenderNeedsNoCacheFolder() throws {
        let project = try Project()
        let memory = ResultMemory()
        let first = build(project, memory: memory)
        #expect(provenance(first, .cached).isEmpty)
        #expect(memory.count == ResultCacheTests.all.count)
        try FileManager.default.removeItem(at: project.cacheFolder)
        try project.edit("nb.md") { $0.replacingOccurrences(of: "Some prose", with: "Other prose") }
        let second = build(project, memory: memory)
        #expect(provenance(second, .cached) == ResultCacheTests.all)
        #expect(!FileManager.default.fileExists(atPath: project.cacheFolder.path))
        #expect(second.bodyHTML == first.bodyHTML?.replacingOccurrences(of: "Some prose", with: "Other prose"))
    }

    /// An edited option is computed; what it does not feed still comes from memory.
    @Test func anEditedOptionIsComputedAndTheRestKept() throws {
        let project = try Project()
        let memory = ResultMemory()
        _ = build(project, memory: memory)
        try FileManager.default.removeItem(at: project.cacheFolder)
        try project.edit("nb.md") { $0.replacingOccurrences(of: "components: 2", with: "components: 3") }
        let second = build(project, memory: memory)
        #expect(provenance(second, .computed) == ["mix"])
    }

    /// A memory too small for any entry keeps none, and the render reads the folder.
    @Test func aFullMemoryEvictsAndTheFolderServes() throws {
        let project = try Project()
        let memory = ResultMemory(maxBytes: 1)
        _ = build(project, memory: memory)
        #expect(memory.count == 0)
        let second = build(project, memory: memory)
        #expect(provenance(second, .cached) == ResultCacheTests.all)
    }
}
