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

    @Test func jsonAndPagesAreTheSameCachedAndUncachedAndCleanEmptiesTheCache() async throws {
        let folder = try project()
        let notebooks = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
            .sorted()
        func render(_ flags: [String], json: String, out: String) async throws -> CommandLineTests.Run {
            try await cli.parzen(["render"] + flags + notebooks + ["-o", out, "--json", json, "--timings"], in: folder.path)
        }
        let uncached = try await render(["--no-cache"], json: "uncached.json", out: "out-uncached")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".parzen").path))
        let cold = try await render([], json: "cold.json", out: "out-cold")
        let warm = try await render([], json: "warm.json", out: "out-warm")
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
        let refreshed = try await render(["--refresh"], json: "refreshed.json", out: "out-refreshed")
        #expect(!refreshed.stderr.contains(" cached "))
        let clean = try await cli.parzen(["clean"] + notebooks, in: folder.path)
        #expect(clean.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".parzen/cache").path))
        let both = try await render(["--no-cache", "--refresh"], json: "both.json", out: "out-both")
        #expect(both.status == 2 && both.stderr.contains("--no-cache"))
    }

    @Test func twoRendersSharingTheCacheAtOnceBothSucceedWithTheSamePage() async throws {
        let folder = try project()
        let notebook = "what-is-a-generative-model.md"
        async let first = cli.parzen(["render", notebook, "-o", "out0"], in: folder.path)
        async let second = cli.parzen(["render", notebook, "-o", "out1"], in: folder.path)
        let runs = try await [first, second]
        #expect(runs.map(\.status) == [0, 0], "\(runs.map(\.stderr))")
        let page = { (index: Int) in try Data(contentsOf: folder.appendingPathComponent("out\(index)/what-is-a-generative-model.html")) }
        #expect(try page(0) == page(1))
        let warm = try await cli.parzen(["render", notebook, "-o", "out2", "--timings"], in: folder.path)
        #expect(!warm.stderr.contains(" computed ") && !warm.stderr.contains("unusable"), "\(warm.stderr)")
        #expect(try Data(contentsOf: folder.appendingPathComponent("out2/what-is-a-generative-model.html")) == page(0))
    }
}
