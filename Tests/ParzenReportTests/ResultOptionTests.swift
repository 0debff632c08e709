import Foundation
import ParzenReport
import ParzenRunner
import Testing

/// `{from: label.key}`: a numeric option taken from an earlier result.
@Suite struct ResultOptionTests {
    static let data = """
        ```{data} d
        values: [1.2, 2.3, 2.9, 3.1, 4.8, 5.5, 2.2]
        ```

        ```{fit} scott
        data: d
        model: kde
        bandwidth: scott
        ```

        """

    func build(_ text: String, checkOnly: Bool = false, cache: ResultCache.Policy? = nil) throws -> NotebookBuild {
        let path = try temporaryNotebook(text)
        return ReportBuilder(registry: StandardDirectives.registry, allowOutside: false, cache: cache)
            .build(path: path, checkOnly: checkOnly)
    }

    func number(_ build: NotebookBuild, _ label: String, _ key: String) -> Double? {
        guard case .number(let x)? = build.results.first(where: { $0.label == label })?.result.values[key] else {
            return nil
        }
        return x
    }

    @Test func aFitTakesItsBandwidthFromAnEarlierFit() throws {
        let build = try build(Self.data + "```{fit} twin\ndata: d\nmodel: kde\nbeta: {from: scott.beta}\n```\n")
        #expect(build.diagnostics.map(\.text) == [])
        let beta = try #require(number(build, "scott", "beta"))
        #expect(number(build, "twin", "beta") == beta)
        #expect(number(build, "twin", "nll_train") == number(build, "scott", "nll_train"))
    }

    @Test(arguments: [
        ("beta: {from: nothing.beta}", "/nb.md:13:14: error: no result labelled 'nothing' above this point; "
            + "a directive can only use results labelled above it (so far: d, scott)"),
        ("beta: {from: scott}", "/nb.md:13:14: error: option 'beta' takes an earlier result as {from: label.key}, "
            + "found scott; write the label of a directive above, a dot and the name of one of its values, "
            + "e.g. {from: scan.best_beta}"),
    ])
    func checkAndRenderLocateAMistakenReference(option: String, message: String) throws {
        let text = Self.data + "```{fit} twin\ndata: d\nmodel: kde\n\(option)\n```\n"
        for checkOnly in [true, false] {
            let first = try build(text, checkOnly: checkOnly).diagnostics.first?.description ?? ""
            #expect(first.hasSuffix(message), "\(first)")
        }
    }

    @Test func aMissingValueOrOneTheOptionCannotTakeIsAnErrorAtTheOption() throws {
        let missing = try build(Self.data + "```{fit} twin\ndata: d\nmodel: kde\nbeta: {from: scott.bta}\n```\n")
        let text = missing.diagnostics.first.map { "\($0)" } ?? ""
        #expect(text.contains(":13:14: error: 'scott' has no value 'bta'; did you mean 'beta'?"), "\(text)")
        let negative = try build(Self.data + "```{fit} twin\ndata: d\nmodel: kde\nbeta: {from: scott.nll_train}\n```\n")
        let nll = try #require(number(try build(Self.data), "scott", "nll_train"))
        if nll <= 0 {
            #expect(negative.diagnostics.first.map { "\($0)" }?.contains("expects a positive number, but "
                + "scott.nll_train is") == true)
        }
    }

    @Test func theUpstreamValueIsInTheCacheKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-result-option-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("nb.md").path
        func render(_ rule: String) throws -> NotebookBuild {
            let text = Self.data.replacingOccurrences(of: "bandwidth: scott", with: "bandwidth: \(rule)")
                + "```{fit} twin\ndata: d\nmodel: kde\nbeta: {from: scott.beta}\n```\n"
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            return ReportBuilder(registry: StandardDirectives.registry, allowOutside: false,
                                 cache: ResultCache.Policy()).build(path: path, checkOnly: false)
        }
        _ = try render("scott")
        let changed = try render("silverman")
        #expect(changed.timings.filter { $0.provenance == .computed }.compactMap(\.label) == ["scott", "twin"])
        #expect(number(changed, "twin", "beta") == number(changed, "scott", "beta"))
    }
}
