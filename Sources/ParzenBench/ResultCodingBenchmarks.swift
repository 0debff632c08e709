import Foundation
import ParzenFormat
import ParzenReport
import ParzenRunner

/// `parzen-bench resultcoding [--data DIR] [--repeat K]`: encodes and decodes every result of
/// each notebook in `notebooks/` and of a 100,000-point data set with a Scott KDE, with
/// `ResultCoding` (its binary form), sorted-key JSON and a binary property list — the
/// measurement behind `ResultCoding`'s choice of format. Prints the median times and the sizes; decoding
/// includes rebuilding each model's derived state. Run from the repository root.
enum ResultCodingBenchmarks {
    private struct Format: Sendable {
        var name: String
        var encode: @Sendable (DirectiveResult) throws -> Data
        var decode: @Sendable (Data) throws -> DirectiveResult
    }

    private static let formats = [
        Format(name: "binary (ResultCoding)", encode: ResultCoding.encode, decode: ResultCoding.decode),
        Format(name: "json (sorted keys)", encode: { result in
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            encoder.nonConformingFloatEncodingStrategy = .convertToString(
                positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
            return try encoder.encode(result)
        }, decode: { data in
            let decoder = JSONDecoder()
            decoder.nonConformingFloatDecodingStrategy = .convertFromString(
                positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
            return try decoder.decode(DirectiveResult.self, from: data)
        }),
        Format(name: "binary plist", encode: { result in
            let encoder = PropertyListEncoder()
            encoder.outputFormat = .binary
            return try encoder.encode(result)
        }, decode: { try PropertyListDecoder().decode(DirectiveResult.self, from: $0) }),
    ]

    static func run(arguments: [String]) {
        let usage = "parzen-bench resultcoding [--data DIR] [--repeat K]"
        guard let options = BenchmarkOptions(arguments, directory: "/tmp/parzen-bench-resultcoding", repeats: 5,
                                             usage: usage) else { return }
        try? FileManager.default.createDirectory(atPath: options.directory, withIntermediateDirectories: true)
        let large = options.directory + "/large-kde.md"
        let text = "```{data} big\ngenerate: {gaussian: {mean: 0, sd: 1}}\nn: 100000\nseed: 1\n```\n\n"
            + "```{fit} kde\ndata: big\nmodel: kde\nbandwidth: scott\n```\n"
        _ = FileManager.default.createFile(atPath: large, contents: Data(text.utf8))
        let bundled = ((try? FileManager.default.contentsOfDirectory(atPath: "notebooks")) ?? [])
            .filter { $0.hasSuffix(".md") }.sorted().map { "notebooks/" + $0 }
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
        print("Result coding (median of \(options.repeats) runs; encode + decode of all results)")
        for path in bundled + [large] {
            guard let source = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let run = builder.run(Notebook(text: source, path: path), checkOnly: false)
            let results = run.cells.compactMap { cell -> DirectiveResult? in
                if case .success(let result) = cell { result } else { nil }
            }
            for format in formats {
                var data: [Data] = []
                let encode = CoreBenchmarks.median(options.repeats) { data = results.map { try! format.encode($0) } }
                let decode = CoreBenchmarks.median(options.repeats) { for d in data { _ = try! format.decode(d) } }
                let size = Double(data.map(\.count).reduce(0, +)) / 1e6
                print(String(format: "%@ (%d results), %@: encode %.1f ms, decode %.1f ms, %.2f MB",
                             (path as NSString).lastPathComponent, results.count, format.name,
                             1e3 * encode, 1e3 * decode, size))
            }
        }
    }
}
