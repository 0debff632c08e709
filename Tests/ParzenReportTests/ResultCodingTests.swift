import Foundation
import ParzenCore
import ParzenFormat
import ParzenReport
@testable import ParzenRunner
import ParzenTestSupport
import Testing

/// The result cache stores directive results as `ResultCoding` bytes; a cached page must be
/// byte-identical to a computed one. Every bundled notebook and the fixture that fits what
/// they do not (`Tests/Fixtures/result-coding/every-family.md`) is run, every result encoded
/// and decoded, and the decoded results are held against the computed ones — by value, by
/// the log-densities of every decoded model, and by the HTML page written from them.
@Suite struct ResultCodingTests {
    /// One notebook, run, with every successful result and its decoded copy.
    struct RoundTrip: Sendable {
        var notebook: Notebook
        var run: NotebookRun
        /// Computed and decoded results, in document order.
        var pairs: [(original: DirectiveResult, decoded: DirectiveResult)]
        /// The encoded bytes of each pair's result.
        var bytes: [Data]
    }

    static let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)

    static let notebookPaths: [String] = {
        let folder = Fixtures.repositoryFile("notebooks")
        let bundled = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return bundled.filter { $0.hasSuffix(".md") }.sorted().map { "notebooks/" + $0 }
            + ["Tests/Fixtures/result-coding/every-family.md"]
    }()

    /// Runs each notebook once for all tests (the tutorials take about a second each).
    static let roundTrips: [String: Result<RoundTrip, any Error>] = {
        var trips: [String: Result<RoundTrip, any Error>] = [:]
        for path in notebookPaths {
            trips[path] = Result { try roundTrip(Fixtures.repositoryFile(path).path) }
        }
        return trips
    }()

    static func roundTrip(_ path: String) throws -> RoundTrip {
        let notebook = Notebook(text: try String(contentsOfFile: path, encoding: .utf8), path: path)
        let run = builder.run(notebook, checkOnly: false)
        var pairs: [(DirectiveResult, DirectiveResult)] = []
        var bytes: [Data] = []
        for case .success(let result) in run.cells {
            let data = try ResultCoding.encode(result)
            pairs.append((result, try ResultCoding.decode(data)))
            bytes.append(data)
        }
        return RoundTrip(notebook: notebook, run: run, pairs: pairs, bytes: bytes)
    }

    static func trip(_ path: String) throws -> RoundTrip {
        try #require(roundTrips[path]).get()
    }

    /// A formula with every kind of node (``MathExpression``'s own cached form) decodes to itself.
    @Test func everyKindOfFormulaNodeRoundTrips() throws {
        let x = MathExpression.variable("x")
        let formula = MathExpression.row([
            .greek(.Sigma), .number(Quantity(1.5, digits: 3, standardError: 0.01)), .symbol(.approximately),
            .text("if"), .styled(.calligraphic, "N"), .fraction(x, .num(2)), .squareRoot(x),
            .sub(x, .variable("i")), .sup(x, .num(2)), .hat(.greek(.mu)), .bold(x),
            .fenced(.row([x, .symbol(.comma), x]), .stretchyBrackets), .sum(from: x, to: nil),
            .sum(from: x, to: .variable("N")), .integral, .matrix([[x, .num(0)], [.num(0), x]]), .thinSpace,
            .row([]),
        ])
        let data = try BinaryResultEncoder().encode(formula)
        #expect(try BinaryResultDecoder().decode(MathExpression.self, from: data) == formula)
    }

    /// Prose with every kind of inline (``Inline``'s own cached form) decodes to itself.
    @Test func everyKindOfInlineRoundTrips() throws {
        let prose: [Inline] = [
            .text("a"), .code("b"), .math(.variable("x")), .estimate(1.25, standardError: 0.5), .number(2),
            .emphasis([.text("c"), .emphasis([])]), .reference(label: "fig"),
            .authored(AuthoredText("*d*", at: SourceLocation(line: 3, column: 4))),
            .oncePerPage(key: "k", [.text("e"), .count(3)]),
        ]
        let data = try BinaryResultEncoder().encode(prose)
        #expect(try BinaryResultDecoder().decode([Inline].self, from: data) == prose)
    }

    @Test func everyNotebookIsCovered() {
        #expect(Self.notebookPaths.count >= 4, "the bundled notebooks were not found")
    }

    @Test(arguments: notebookPaths)
    func notebookRunsCleanly(_ path: String) throws {
        let trip = try Self.trip(path)
        #expect(!trip.run.hasErrors, "\(trip.run.diagnostics.filter { $0.severity == .error })")
        #expect(!trip.pairs.isEmpty)
    }

    /// Kind, values, output and warnings are equal, and encoding the decoded result gives the
    /// same bytes again (which also compares every double bit for bit, NaN included).
    @Test(arguments: notebookPaths)
    func decodedResultsEqualComputedOnes(_ path: String) throws {
        let trip = try Self.trip(path)
        for ((original, decoded), data) in zip(trip.pairs, trip.bytes) {
            #expect(decoded.kind == original.kind)
            #expect(decoded.values == original.values)
            #expect(decoded.output == original.output)
            #expect(decoded.warnings.map(\.message) == original.warnings.map(\.message))
            #expect(decoded.warnings.map(\.location) == original.warnings.map(\.location))
            #expect((decoded.payload == nil) == (original.payload == nil))
            #expect(try ResultCoding.encode(decoded) == data, "re-encoding changed the bytes")
        }
    }

    /// A decoded model rebuilds its derived state (Cholesky factors, sorted data, images of a
    /// reflected KDE, a formula kernel's normalisation) with the fit's own initialiser, so its
    /// log-densities at every point of its data set have the same bits as the original's.
    @Test(arguments: notebookPaths)
    func decodedModelsGiveBitIdenticalLogDensities(_ path: String) throws {
        let trip = try Self.trip(path)
        for (original, decoded) in trip.pairs {
            for (model, copy) in zip(Self.fittedModels(in: original.payload), Self.fittedModels(in: decoded.payload)) {
                #expect(copy.label == model.label)
                #expect(copy.dataset.points == model.dataset.points)
                let points = model.dataset.points
                let expected = model.model.logDensities(at: points).map(\.bitPattern)
                let actual = copy.model.logDensities(at: points).map(\.bitPattern)
                #expect(actual == expected, "log-densities of '\(model.label)' in \(path)")
                #expect(copy.model.summary == model.model.summary)
                #expect(copy.nllTrain == model.nllTrain)
                // {compare} refits a model per fold from its recipe: the decoded recipe on the
                // decoded data refits the same model.
                let refit = try copy.specification.fit(copy.dataset.train)
                #expect(refit.model.logDensities(at: points).map(\.bitPattern) == expected,
                        "refit of '\(model.label)' in \(path)")
            }
        }
    }

    /// The strongest check: the page written from the decoded results is the page written
    /// from the computed ones, byte for byte.
    @Test(arguments: notebookPaths)
    func pageFromDecodedResultsIsByteIdentical(_ path: String) throws {
        let trip = try Self.trip(path)
        var decodedRun = trip.run
        var decoded = trip.pairs.map(\.decoded).makeIterator()
        decodedRun.cells = trip.run.cells.map { cell in
            guard case .success = cell else { return cell }
            return .success(decoded.next()!)
        }
        // Results by label are the labelled cells' results: replace each by its decoded copy.
        for (fence, cell) in zip(trip.notebook.directiveFences, decodedRun.cells) {
            if let label = fence.label, case .success(let result) = cell, trip.run.results[label] != nil {
                decodedRun.results[label] = result
            }
        }
        #expect(decodedRun.results.count == trip.run.results.count)
        let page = try html(trip.notebook, trip.run)
        #expect(try html(trip.notebook, decodedRun) == page)
        // The page is written from the results: without their output it differs.
        var emptied = decodedRun
        emptied.cells = decodedRun.cells.map { cell in
            guard case .success(var result) = cell else { return cell }
            result.output = []
            return .success(result)
        }
        #expect(try html(trip.notebook, emptied) != page)
    }

    /// The fixture and the bundled notebooks together exercise every model type, decoder,
    /// formula kernel and payload kind that the coding knows.
    @Test func everyModelAndPayloadKindIsExercised() throws {
        var models = Set<String>(), payloads = Set<String>()
        for path in Self.notebookPaths {
            for (original, _) in try Self.trip(path).pairs {
                if let payload = original.payload, let tagged = ResultPayload(payload) {
                    payloads.insert(Self.caseName(tagged))
                }
                for fitted in Self.fittedModels(in: original.payload) {
                    let tagged = try CodableDensityModel(fitted.model)
                    models.insert(Self.caseName(tagged))
                    if case .latentVariable(let latent) = tagged {
                        models.insert(Self.caseName(try CodableLatentDecoder(latent.decoder)))
                    }
                    let reflected = (fitted.model as? ReflectedKernelDensityEstimate)?.unreflected
                    if let kde = fitted.model as? KernelDensityEstimate ?? reflected {
                        models.insert("kernel " + Self.caseName(kde.kernel))
                        if case .matrix = kde.bandwidth { models.insert("bandwidth matrix") }
                    }
                    if fitted.fit.bandwidthSelection?.fallback != nil { models.insert("bandwidth fallback") }
                }
            }
        }
        #expect(payloads == ["dataset", "fittedModel", "sampleSet", "comparison"])
        #expect(models.isSuperset(of: [
            "gaussian", "studentT", "gaussianMixture", "kernelDensityEstimate", "reflectedKernelDensityEstimate",
            "empirical", "probabilisticPCA", "latentVariable", "linear", "tanhNetwork",
            "kernel gaussian", "kernel epanechnikov", "kernel formula", "kernel radial", "bandwidth matrix",
            "bandwidth fallback",
        ]))
    }

    /// Every double keeps its bits — ±∞, −0.0, subnormals, the extremes, and a NaN's sign and
    /// payload too (the binary form stores the bit pattern).
    @Test func doublesSurviveBitForBit() throws {
        let exact: [Double] = [
            .infinity, -.infinity, -0.0, 0, -0.0, .leastNonzeroMagnitude, -.leastNormalMagnitude,
            .greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0.1, 1 / 3, .leastNormalMagnitude / 4096,
            123456789.125,
        ]
        let nans: [Double] = [.nan, -.nan, .signalingNaN, Double(nan: 0x1234, signaling: false), 0 * .infinity]
        var values = ResultValues()
        for (i, x) in exact.enumerated() { values["x\(i)"] = .number(x) }
        values["exact"] = .numbers(exact)
        values["nans"] = .numbers(nans)
        let result = DirectiveResult(kind: ResultKind(rawValue: "test"), values: values,
                                     output: [.paragraph(exact.map { .number($0) })])
        let decoded = try ResultCoding.decode(ResultCoding.encode(result))
        for (i, x) in exact.enumerated() {
            guard case .number(let y) = decoded.values["x\(i)"] else { Issue.record("x\(i) lost"); continue }
            #expect(y.bitPattern == x.bitPattern, "\(x)")
        }
        guard case .numbers(let ys) = decoded.values["exact"], case .numbers(let zs) = decoded.values["nans"] else {
            Issue.record("a list was lost")
            return
        }
        #expect(ys.map(\.bitPattern) == exact.map(\.bitPattern))
        #expect(zs.map(\.bitPattern) == nans.map(\.bitPattern))
        guard case .paragraph(let inlines) = decoded.output.first else { Issue.record("output lost"); return }
        let shown = inlines.compactMap { inline -> UInt64? in
            if case .quantity(let q, _) = inline { q.value.bitPattern } else { nil }
        }
        #expect(shown == exact.map(\.bitPattern))
    }

    /// A payload the coding does not know is refused with a message naming its type, never
    /// dropped (a cached result without its payload would break later directives).
    @Test func unknownPayloadIsRefusedByName() {
        struct Stranger: Sendable {}
        let result = DirectiveResult(kind: ResultKind(rawValue: "test"), payload: Stranger())
        #expect(ResultPayload(Stranger()) == nil)
        do {
            _ = try ResultCoding.encode(result)
            Issue.record("an unknown payload was encoded")
        } catch EncodingError.invalidValue(_, let context) {
            #expect(context.debugDescription.contains("Stranger"))
            #expect(context.debugDescription.contains("ResultPayload"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func unknownDensityModelIsRefusedByName() {
        struct Uniform: DensityModel {
            var dimension: Int { 1 }
            func logDensity(at x: ArraySlice<Double>) -> Double { 0 }
            func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet { PointSet([]) }
            var summary: ModelSummary { ModelSummary(kind: "uniform", parameters: []) }
        }
        do {
            _ = try CodableDensityModel(Uniform())
            Issue.record("an unknown model was tagged")
        } catch EncodingError.invalidValue(_, let context) {
            #expect(context.debugDescription.contains("Uniform"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// Bytes that are not a result (a truncated cache file) fail to decode; they never give
    /// a result.
    @Test func truncatedBytesFailToDecode() throws {
        let data = try Self.trip("Tests/Fixtures/result-coding/every-family.md").bytes.max { $0.count < $1.count }!
        #expect(throws: (any Error).self) { try ResultCoding.decode(data.prefix(data.count / 2)) }
    }

    /// Every prefix of a real result's bytes, and every single-byte change at a stride
    /// through them, either decodes or throws: the reads are bounds-checked, never a trap.
    @Test func damagedBytesThrowAndNeverTrap() throws {
        let data = try Self.trip("Tests/Fixtures/result-coding/every-family.md").bytes.max { $0.count < $1.count }!
        let stride = max(1, data.count / 400)
        for end in Swift.stride(from: 0, to: data.count, by: stride) {
            #expect(throws: (any Error).self) { try ResultCoding.decode(data.prefix(end)) }
        }
        var damaged = data
        for index in Swift.stride(from: 0, to: data.count, by: stride) {
            for byte: UInt8 in [0x00, 0xFF, damaged[index] ^ 0x80] {
                let kept = damaged[index]
                damaged[index] = byte
                _ = try? ResultCoding.decode(damaged)
                damaged[index] = kept
            }
        }
    }

    /// A dictionary's entries are written in key order, so its bytes do not depend on the
    /// order it was built in (Swift's dictionaries iterate in a per-process order).
    @Test func dictionariesGiveTheSameBytesInAnyOrder() throws {
        let keys = (0..<200).map { "key\($0)" }
        var forward: [String: [Double]] = [:], backward: [String: [Double]] = [:]
        for (i, key) in keys.enumerated() { forward[key] = [Double(i), -0.0] }
        for (i, key) in keys.enumerated().reversed() { backward[key] = [Double(i), -0.0] }
        let bytes = try BinaryResultEncoder().encode(forward)
        #expect(bytes == (try BinaryResultEncoder().encode(backward)))
        #expect(try BinaryResultDecoder().decode([String: [Double]].self, from: bytes) == forward)
    }

    /// Integers of every width and optionals round-trip; a value that does not fit the type
    /// asked for is an error, not a wrapped number.
    @Test func integersAndOptionalsRoundTrip() throws {
        struct Mixed: Codable, Equatable {
            var a: Int8 = -128, b: UInt64 = .max, c: Int = .min, d: UInt16 = 65535
            var e: String? = nil, f: String? = "", g: [Int?] = [1, nil, 3], h: Float = 0.25
        }
        let bytes = try BinaryResultEncoder().encode(Mixed())
        #expect(try BinaryResultDecoder().decode(Mixed.self, from: bytes) == Mixed())
        #expect(throws: DecodingError.self) {
            try BinaryResultDecoder().decode(Int8.self, from: BinaryResultEncoder().encode(300))
        }
    }

    // MARK: - Helpers

    private func html(_ notebook: Notebook, _ run: NotebookRun) throws -> String {
        let paths = ProjectPaths(notebookPath: notebook.path, allowOutside: false)
        let citations = PageCitations(notebook: notebook, text: notebook.text, paths: paths)
        let writer = HTMLNotebookWriter(registry: StandardDirectives.registry, citations: citations)
        return writer.write(notebook, run).document.html
    }

    /// The fitted models a payload holds: a fit's, a sample's source.
    static func fittedModels(in payload: (any Sendable)?) -> [FittedModel] {
        switch payload {
        case let fitted as FittedModel: [fitted]
        case let samples as SampleSet: [samples.source]
        default: []
        }
    }

    /// The name of an enum value's case, without its associated values.
    static func caseName(_ value: Any) -> String {
        String(String(describing: value).prefix { $0 != "(" })
    }
}
