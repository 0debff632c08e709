import Foundation
import Testing

/// `parzen render`'s cache flags and `parzen clean`, as a user runs them.
@Suite struct CacheCommandLineTests {
    let cli = CommandLineTests()

    /// A copy of the bundled notebooks, so that the repository gets no cache.
    func project() throws -> URL {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-cache-cli-\(UUID())")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Repository.root + "/notebooks"), to: copy)
        // Not the cache a `make report` in the checkout left.
        try? FileManager.default.removeItem(at: copy.appendingPathComponent(".parzen"))
        return copy
    }

    @Test func jsonAndPagesAreTheSameCachedAndUncachedAndCleanEmptiesTheCache() throws {
        let folder = try project()
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
            .sorted()
        func render(_ flags: [String], json: String, out: String) throws -> CommandLineTests.Run {
            try cli.parzen(["render"] + flags + notebooks + ["-o", out, "--json", json, "--timings"], in: folder.path)
        }
        let uncached = try render(["--no-cache"], json: "uncached.json", out: "out-uncached")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".parzen").path))
        let cold = try render([], json: "cold.json", out: "out-cold")
        let warm = try render([], json: "warm.json", out: "out-warm")
        #expect([uncached.status, cold.status, warm.status] == [0, 0, 0], "\(warm.stderr)")
        #expect(warm.stderr.contains(" cached ") && !warm.stderr.contains(" computed "), "\(warm.stderr)")
        #expect(cold.stderr.contains(" computed "))
        let read = { (name: String) in try Data(contentsOf: folder.appendingPathComponent(name)) }
        #expect(try read("warm.json") == read("uncached.json"))
        #expect(try read("cold.json") == read("uncached.json"))
        for notebook in notebooks {
            let page = notebook.replacingOccurrences(of: ".md", with: ".html")
            #expect(try read("out-warm/" + page) == read("out-uncached/" + page), "\(page)")
        }
        let refreshed = try render(["--refresh"], json: "refreshed.json", out: "out-refreshed")
        #expect(!refreshed.stderr.contains(" cached "))
        let clean = try cli.parzen(["clean"] + notebooks, in: folder.path)
        #expect(clean.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".parzen/cache").path))
        let both = try render(["--no-cache", "--refresh"], json: "both.json", out: "out-both")
        #expect(both.status == 2 && both.stderr.contains("--no-cache"))
    }

    @Test func twoRendersSharingTheCacheAtOnceBothSucceedWithTheSamePage() throws {
        let folder = try project()
        let notebook = "what-is-a-generative-model.md"
        let runs = Runs()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            runs.set(index, try? cli.parzen(["render", notebook, "-o", "out\(index)"], in: folder.path))
        }
        #expect(runs.all.map { $0?.status } == [0, 0], "\(runs.all.map { $0?.stderr ?? "" })")
        let page = { (index: Int) in try Data(contentsOf: folder.appendingPathComponent("out\(index)/what-is-a-generative-model.html")) }
        #expect(try page(0) == page(1))
        let warm = try cli.parzen(["render", notebook, "-o", "out2", "--timings"], in: folder.path)
        #expect(!warm.stderr.contains(" computed ") && !warm.stderr.contains("unusable"), "\(warm.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("out2/what-is-a-generative-model.html")) == page(0))
    }

    /// Runs finished on two threads.
    final class Runs: @unchecked Sendable {
        private let lock = NSLock()
        private var runs: [CommandLineTests.Run?] = [nil, nil]
        func set(_ index: Int, _ run: CommandLineTests.Run?) { lock.withLock { runs[index] = run } }
        var all: [CommandLineTests.Run?] { lock.withLock { runs } }
    }
}
