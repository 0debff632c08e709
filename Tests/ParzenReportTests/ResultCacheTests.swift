import Foundation
import ParzenReport
import ParzenRunner
import Testing

/// The result cache on real files: which edits recompute which directives, and that a page
/// built from the cache is the page built without it, byte for byte.
@Suite struct ResultCacheTests {
    /// Two independent chains, a → ga → plot and b → kb, so that an edit to one chain shows
    /// the other untouched; `mix` draws with the seed, the Gaussian fit does not.
    static let notebook = """
        ---
        title: Cache
        seed: 11
        ---
        # Two data sets

        Some prose about the first data set.

        ```{data} a
        source: a.csv
        columns: [x]
        ```

        ```{data} b
        source: b.csv
        ```

        ```{fit} ga
        data: a
        model: gaussian
        ```

        ```{fit} kb
        data: b
        model: kde
        bandwidth: scott
        ```

        ```{fit} mix
        data: b
        model: gmm
        components: 2
        ```

        ```{plot} pa
        data: a
        fits: [ga]
        caption: The first data set and its Gaussian.
        ```

        The fitted mean is {value}`ga.mean`.
        """

    static let csvA = "x\n1.0\n2.5\n3.1\n4.7\n2.2\n3.3\n"
    static let csvB = "x\n-1.0\n0.5\n0.1\n1.7\n-0.2\n5.3\n5.9\n6.1\n"

    /// A project folder with the notebook, its data and a parzen.yml (so the cache lives in it).
    struct Project {
        let folder: URL
        var notebook: URL { folder.appendingPathComponent("nb.md") }
        var cacheFolder: URL { folder.appendingPathComponent(".parzen/cache") }

        init() throws {
            folder = FileManager.default.temporaryDirectory
                .appendingPathComponent("parzen-cache-tests-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try "title: cache tests\n".write(to: folder.appendingPathComponent("parzen.yml"), atomically: true,
                                             encoding: .utf8)
            try write(ResultCacheTests.notebook, to: "nb.md")
            try write(ResultCacheTests.csvA, to: "a.csv")
            try write(ResultCacheTests.csvB, to: "b.csv")
        }

        func write(_ text: String, to name: String) throws {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }

        func edit(_ name: String, _ change: (String) -> String) throws {
            let url = folder.appendingPathComponent(name)
            try write(change(try String(contentsOf: url, encoding: .utf8)), to: name)
        }

        func build(_ mode: ResultCache.Mode? = .use) -> NotebookBuild {
            let policy = mode.map { ResultCache.Policy(mode: $0) }
            return ReportBuilder(registry: StandardDirectives.registry, allowOutside: false, cache: policy)
                .build(path: notebook.path, checkOnly: false)
        }

        var entries: [URL] {
            (try? FileManager.default.contentsOfDirectory(at: cacheFolder, includingPropertiesForKeys: nil,
                                                          options: [.skipsHiddenFiles])) ?? []
        }
    }

    /// The labels whose directives were computed (not taken from the cache).
    func computed(_ build: NotebookBuild) -> [String] {
        build.timings.filter { $0.provenance == .computed }.map { $0.label ?? $0.directive }
    }

    func cached(_ build: NotebookBuild) -> [String] {
        build.timings.filter { $0.provenance == .cached }.map { $0.label ?? $0.directive }
    }

    static let all = ["a", "b", "ga", "kb", "mix", "pa"]

    @Test func aSecondRenderComputesNothingAndWritesTheSamePage() throws {
        let project = try Project()
        let uncached = project.build(nil)
        let cold = project.build()
        let warm = project.build()
        #expect(cold.diagnostics.isEmpty, "\(cold.diagnostics.map(\.text))")
        #expect(computed(cold) == Self.all)
        #expect(cached(warm) == Self.all)
        #expect(warm.bodyHTML == cold.bodyHTML)
        #expect(warm.bodyHTML == uncached.bodyHTML)
        let json = { (build: NotebookBuild) in build.results.map { "\($0.label) \($0.result.values.entries)" } }
        #expect(json(warm) == json(uncached))
    }

    @Test func editingProseOrACaptionComputesNothing() throws {
        let project = try Project()
        _ = project.build()
        try project.edit("nb.md") {
            $0.replacingOccurrences(of: "# Two data sets", with: "An introduction.\n\nTwo lines.\n\n# Two data sets")
                .replacingOccurrences(of: "Some prose about", with: "Other words about")
                .replacingOccurrences(of: "caption: The first data set", with: "caption: A new caption for the set")
        }
        let warm = project.build()
        #expect(computed(warm).isEmpty)
        #expect(warm.bodyHTML?.contains("A new caption for the set") == true)
        #expect(warm.bodyHTML == project.build(nil).bodyHTML)
    }

    @Test func reorderingOrRespellingOptionsComputesNothing() throws {
        let project = try Project()
        _ = project.build()
        try project.edit("nb.md") {
            $0.replacingOccurrences(of: "data: b\nmodel: kde\nbandwidth: scott", with: "bandwidth: scott\nmodel: kde\ndata: b")
                .replacingOccurrences(of: "columns: [x]", with: "columns:\n  - x")
        }
        #expect(computed(project.build()).isEmpty)
    }

    @Test func editingACSVCellComputesItsDataSetAndWhatReadsIt() throws {
        let project = try Project()
        _ = project.build()
        try project.edit("a.csv") { $0.replacingOccurrences(of: "2.5", with: "2.6") }
        let warm = project.build()
        #expect(computed(warm) == ["a", "ga", "pa"])
        #expect(warm.bodyHTML == project.build(nil).bodyHTML)
    }

    @Test func editingAnOptionComputesThatFitAndWhatReadsIt() throws {
        let project = try Project()
        _ = project.build()
        try project.edit("nb.md") { $0.replacingOccurrences(of: "bandwidth: scott", with: "bandwidth: silverman") }
        #expect(computed(project.build()) == ["kb"])
    }

    @Test func anUpstreamChangeThatGivesTheSameResultStopsThere() throws {
        let project = try Project()
        _ = project.build()
        // A trailing newline more: the file's bytes change, its points do not.
        try project.edit("a.csv") { $0 + "\n" }
        #expect(computed(project.build()) == ["a"])
    }

    @Test func aDirectivesSeedRecomputesItAndTheNotebookSeedEverything() throws {
        let project = try Project()
        _ = project.build()
        try project.edit("nb.md") { $0.replacingOccurrences(of: "components: 2", with: "components: 2\nseed: 5") }
        #expect(computed(project.build()) == ["mix"])
        // Every directive's effective seed derives from the notebook's, and is in its key.
        try project.edit("nb.md") { $0.replacingOccurrences(of: "seed: 11", with: "seed: 12") }
        let warm = project.build()
        #expect(computed(warm) == ["a", "b", "ga", "kb", "pa"])
        #expect(warm.bodyHTML == project.build(nil).bodyHTML)
    }

    @Test func refreshComputesEverythingAndNoCacheWritesNothing() throws {
        let project = try Project()
        _ = project.build(nil)
        #expect(project.entries.isEmpty)
        _ = project.build()
        #expect(computed(project.build(.refresh)) == Self.all)
        #expect(cached(project.build()) == Self.all)
    }

    @Test(arguments: ["truncate", "flip", "foreign", "empty"])
    func aDamagedEntryIsReportedDeletedAndRecomputed(_ damage: String) throws {
        let project = try Project()
        let cold = project.build()
        for entry in project.entries {
            var bytes = try Data(contentsOf: entry)
            switch damage {
            case "truncate": bytes = bytes.prefix(bytes.count / 2)
            case "flip": bytes[bytes.count - 3] ^= 0x5A
            case "foreign": bytes = Data("{\"not\": \"a cache entry\"}".utf8)
            default: bytes = Data()
            }
            try bytes.write(to: entry)
        }
        let warm = project.build()
        #expect(computed(warm).count == Self.all.count)
        let warnings = warm.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.count >= Self.all.count - 1)
        #expect(warnings.allSatisfy { $0.text.contains("cached result of this directive was unusable") })
        #expect(!warm.hasErrors)
        #expect(warm.bodyHTML == cold.bodyHTML)
        #expect(cached(project.build()) == Self.all)
    }

    @Test func trimmingKeepsTheMostRecentlyUsedEntriesWithinTheCap() throws {
        let project = try Project()
        _ = project.build()
        let sizes = try project.entries.map { try $0.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0 }
        let total = sizes.reduce(0, +)
        // Make one entry the oldest, then cap the folder just below the total.
        let oldest = project.entries[0]
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)],
                                              ofItemAtPath: oldest.path)
        let cache = ResultCache(folder: project.cacheFolder, maxBytes: total - 1)
        let staleWrite = project.cacheFolder.appendingPathComponent(".0123.killed.tmp")
        let freshWrite = project.cacheFolder.appendingPathComponent(".4567.writing.tmp")
        try Data("half an entry".utf8).write(to: staleWrite)
        try Data("half an entry".utf8).write(to: freshWrite)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)],
                                              ofItemAtPath: staleWrite.path)
        #expect(cache.trim() == 1)
        #expect(!FileManager.default.fileExists(atPath: oldest.path))
        #expect(!FileManager.default.fileExists(atPath: staleWrite.path))
        #expect(FileManager.default.fileExists(atPath: freshWrite.path))
        #expect(project.entries.count == sizes.count - 1)
    }

    @Test func theSizeCapComesFromTheProjectFile() throws {
        let project = try Project()
        #expect(ResultCache.Policy().cache(forNotebook: project.notebook.path).maxBytes == 1 << 30)
        try project.write("title: cache tests\ncache:\n  max-size: 2 KiB\n", to: "parzen.yml")
        let cache = ResultCache.Policy().cache(forNotebook: project.notebook.path)
        #expect(cache.maxBytes == 2048)
        #expect(cache.folder.standardizedFileURL.path == project.cacheFolder.standardizedFileURL.path)
        _ = project.build()
        cache.trim()
        let total = try project.entries.map { try $0.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0 }.reduce(0, +)
        #expect(total <= 2048)
    }

    /// Every bundled notebook, in a copy of `notebooks/` so that the repository gets no cache:
    /// the same page and the same results uncached, computed into the cache, and from it.
    @Test func everyBundledNotebookIsTheSameFromTheCache() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-cache-notebooks-\(UUID())")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.root + "/notebooks"), to: copy)
        try? FileManager.default.removeItem(at: copy.appendingPathComponent(".parzen"))
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: copy.path).filter { $0.hasSuffix(".md") }
        #expect(notebooks.count >= 3)
        for name in notebooks.sorted() {
            let path = copy.appendingPathComponent(name).path
            func build(_ mode: ResultCache.Mode?) -> NotebookBuild {
                ReportBuilder(registry: StandardDirectives.registry, allowOutside: false,
                              cache: mode.map { ResultCache.Policy(mode: $0) }).build(path: path, checkOnly: false)
            }
            let uncached = build(nil), cold = build(.use), warm = build(.use)
            #expect(!uncached.hasErrors, "\(name)")
            // Every result is cached (failures, expected or not, are computed each time).
            let succeeded = Set(warm.results.map(\.label))
            #expect(warm.timings.filter { $0.label.map(succeeded.contains) == true }
                .allSatisfy { $0.provenance == .cached }, "\(name)")
            #expect(cold.bodyHTML == uncached.bodyHTML, "\(name)")
            #expect(warm.bodyHTML == uncached.bodyHTML, "\(name)")
            let values = { (build: NotebookBuild) in build.results.map { "\($0.label) \($0.result.values.entries)" } }
            #expect(values(warm) == values(uncached), "\(name)")
            #expect(warm.diagnostics.map(\.text) == uncached.diagnostics.map(\.text), "\(name)")
        }
    }
}
