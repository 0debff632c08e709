import Foundation
@testable import ParzenReport
@testable import ParzenRunner
import ParzenTestSupport
import Testing

/// Math font subsets kept in the cache folder (issue #11: a warm render neither subsets nor
/// compresses). Independent of our subsetter's output: a hit is shown by a forged entry coming
/// back instead of a subset, and pages are compared with pages rendered with no cache at all.
@Suite struct MathFontCacheTests {
    static let formulas = "# Fonts\n\n$$\\left( \\frac{a}{b} \\right) + \\sqrt{x}$$\n\nInline $\\alpha + \\beta$.\n"

    /// The bundled font's base64 text, as `Templates` hands it to the subsetter.
    static let base64: String = {
        let sheet = try! Templates.bundled()
        return String(sheet.sheets.first { $0.name == "math-font.css" }!.text[sheet.mathFontURL!])
    }()

    static let some: Set<UInt32> = [0x20, 0x28, 0x29, 0x2B, 0x1D44E, 0x1D44F]
    static let other: Set<UInt32> = [0x20, 0x3D, 0x1D465, 0x221A]

    /// A fresh folder for a cache, and its entry files.
    struct Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-font-cache-\(UUID())")
        var cache: ResultCache { ResultCache(folder: url) }
        var entries: [URL] {
            let found = try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil,
                                                                     options: [.skipsHiddenFiles])
            return (found ?? []).sorted { $0.path < $1.path }
        }
    }

    /// The key an entry file says it was stored under (bytes 16..<32, two little-endian words).
    static func key(of entry: URL) throws -> ContentDigest {
        let bytes = [UInt8](try Data(contentsOf: entry))
        func word(_ offset: Int) -> UInt64 { (0..<8).reversed().reduce(0) { $0 << 8 | UInt64(bytes[offset + $1]) } }
        return ContentDigest(high: word(16), low: word(24))
    }

    @Test func aStoredSubsetIsReadBackWithoutSubsetting() throws {
        let folder = Folder()
        let made = MathFontSubsetter(base64: Self.base64).subset(codepoints: Self.some, cache: folder.cache)
        #expect(made.font != nil && made.cacheProblem == nil)
        let entry = try #require(folder.entries.first)
        #expect(folder.entries.count == 1)
        // An entry with other bytes under the same key: a new subsetter returns them as they are,
        // so it read the cache rather than cutting the font again.
        let forged = Data("not a font, but what the cache holds".utf8)
        try folder.cache.store(body: forged, under: try Self.key(of: entry), version: MathFontSubsetter.formatVersion)
        let read = MathFontSubsetter(base64: Self.base64).subset(codepoints: Self.some, cache: folder.cache)
        #expect(read.font == [UInt8](forged))
        #expect(read.cacheProblem == nil)
    }

    @Test func anotherCodePointSetIsAMissAndGetsItsOwnEntry() throws {
        let folder = Folder()
        let first = MathFontSubsetter(base64: Self.base64).subset(codepoints: Self.some, cache: folder.cache)
        let second = MathFontSubsetter(base64: Self.base64).subset(codepoints: Self.other, cache: folder.cache)
        let uncached = MathFontSubsetter(base64: Self.base64).subset(codepoints: Self.other)
        #expect(folder.entries.count == 2)
        #expect(second.font != first.font)
        #expect(second.font == uncached.font)
    }

    @Test(arguments: ["flip", "truncate", "foreign"])
    func aDamagedEntryIsReportedAndMadeAgain(_ damage: String) throws {
        let folder = Folder()
        let made = MathFontSubsetter(base64: Self.base64).subset(codepoints: Self.some, cache: folder.cache)
        let entry = try #require(folder.entries.first)
        var bytes = try Data(contentsOf: entry)
        switch damage {
        case "flip": bytes[bytes.count - 5] ^= 0x21
        case "truncate": bytes = bytes.prefix(30)
        default: bytes = Data("PZCACHE\nsomething else entirely, long enough to have a header".utf8)
        }
        try bytes.write(to: entry)
        let recovered = MathFontSubsetter(base64: Self.base64).subset(codepoints: Self.some, cache: folder.cache)
        #expect(recovered.font == made.font)
        let problem = try #require(recovered.cacheProblem)
        #expect(problem.message.contains("cached math font of this page was unusable"))
        // The entry was replaced by a good one: the next render reads it without a warning.
        let again = MathFontSubsetter(base64: Self.base64).subset(codepoints: Self.some, cache: folder.cache)
        #expect(again.font == made.font && again.cacheProblem == nil)
    }

    /// The warning reaches the page's diagnostics, at the notebook, and the page is unchanged.
    @Test func aDamagedEntryIsAWarningOnThePage() throws {
        let path = try temporaryNotebook(Self.formulas)
        let build = ReportBuilder(registry: testRegistry, allowOutside: false).build(path: path, checkOnly: false)
        let policy = ResultCache.Policy()
        let cold = Site(builds: [build], templates: try Templates.bundled(), cache: policy).pages()[0]
        let folder = ResultCache.folder(forNotebook: path)
        let entries = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        #expect(entries.count == 1)
        try Data("damaged".utf8).write(to: entries[0])
        let warm = Site(builds: [build], templates: try Templates.bundled(), cache: policy).pages()[0]
        #expect(warm.html == cold.html)
        #expect(warm.diagnostics.count == 1)
        #expect(warm.diagnostics.first?.severity == .warning)
        #expect(warm.diagnostics.first?.file == path)
        #expect(warm.diagnostics.first?.text.contains("cached math font of this page was unusable") == true)
    }

    /// Every bundled notebook's page is the same bytes with a cold cache, a warm one and none.
    @Test func pagesAreTheSameCachedAndUncached() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-font-pages-\(UUID())")
        try FileManager.default.copyItem(atPath: Repository.root + "/notebooks", toPath: copy.path)
        defer { try? FileManager.default.removeItem(at: copy) }
        let names = try FileManager.default.contentsOfDirectory(atPath: copy.path)
            .filter { $0.hasSuffix(".md") }.sorted()
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
        let builds = names.map { builder.build(path: copy.appendingPathComponent($0).path, checkOnly: false) }
        let templates = try Templates.bundled()
        func pages(_ cache: ResultCache.Policy?) -> [String] {
            // Fresh templates each time: a subset made in memory by an earlier render is not reused.
            Site(builds: builds, templates: try! Templates.bundled(), cache: cache).pages().map(\.html)
        }
        let uncached = Site(builds: builds, templates: templates).pages().map(\.html)
        let cold = pages(ResultCache.Policy())
        let warm = pages(ResultCache.Policy())
        let fonts = try FileManager.default.contentsOfDirectory(
            at: ResultCache.folder(forNotebook: copy.appendingPathComponent(names[0]).path),
            includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])
        #expect(!fonts.isEmpty)
        #expect(cold == uncached)
        #expect(warm == uncached)
    }
}
