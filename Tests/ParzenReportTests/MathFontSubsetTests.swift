import Foundation
import ParzenReport
import ParzenRunner
import ParzenTestSupport
import Testing

/// Per-page math font subsets (issue #14, "Lighter pages"), checked by fontTools, an independent
/// WOFF2 reader and OpenType parser (installed into `.build/venv-fonttools` on first use; without
/// python3 or pip those tests print a notice and return).
@Suite(.serialized) struct MathFontSubsetTests {
    static let tutorials = ["what-is-a-generative-model", "a-linear-model", "directives-tour"]

    /// The tutorials' pages rendered with the bundled templates, by name.
    static let pages: [String: String] = {
        let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
        let builds = tutorials.map { builder.build(path: Repository.root + "/notebooks/\($0).md", checkOnly: false) }
        let site = Site(builds: builds, templates: try! Templates.bundled())
        return Dictionary(uniqueKeysWithValues: site.pages().map { ($0.fileName, $0.html) })
    }()

    static func page(_ name: String) -> String { pages[name + ".html"]! }

    /// The bytes of the first embedded WOFF2 font of a page, or nil when it embeds none.
    static func font(in html: String) -> Data? {
        guard let start = html.firstRange(of: "url(data:font/woff2;base64,"),
              let end = html[start.upperBound...].firstIndex(of: ")") else { return nil }
        return Data(base64Encoded: String(html[start.upperBound..<end]))
    }

    /// The font of templates/math-font.css, as every page embedded it before per-page subsets.
    static let bundledFont: Data = font(in: try! String(contentsOfFile: Repository.templates + "/math-font.css",
                                                        encoding: .utf8))!

    static func write(_ data: Data, _ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-font-\(UUID())-\(name)").path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: tutorials) func tutorialPagesEmbedASubsetUnder30KB(name: String) throws {
        let font = try #require(Self.font(in: Self.page(name)))
        print("\(name): math font \(font.count) bytes of WOFF2 (bundled: \(Self.bundledFont.count));"
              + " page \(Self.page(name).utf8.count) bytes")
        #expect(font.count < 30_000)
        #expect(font.count < Self.bundledFont.count)
    }

    @Test func aPageWithoutMathEmbedsNoFont() throws {
        let builder = ReportBuilder(registry: testRegistry, allowOutside: false)
        let build = builder.build(path: try temporaryNotebook("# Plain\n\nNo formulas.\n", name: "plain.md"),
                                  checkOnly: false)
        let html = Site(builds: [build], templates: try Templates.bundled()).pages()[0].html
        #expect(!html.contains("@font-face"))
        #expect(Self.font(in: html) == nil)
    }

    @Test func theSameFormulasGiveTheSameFontBytes() throws {
        let body = "<p><math><mrow><mo>(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo>)</mo></mrow></math></p>"
        let first = try Templates.bundled().css(forPageBody: body)
        let second = try Templates.bundled().css(forPageBody: body)
        #expect(first == second)
        #expect(Self.font(in: first) != nil)
        #expect(Self.font(in: first)! != Self.bundledFont)
    }

    /// A `math-font.css` whose font Parzen cannot read (here not WOFF2) goes into math pages as
    /// it is, like every math font before per-page subsets.
    @Test func anUnreadableFontIsEmbeddedUnchanged() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-tpl-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: Repository.templates, toPath: folder.path)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheet = "@font-face { src: url(data:font/woff2;base64,AAAA) format(\"woff2\"); }\n"
        try sheet.write(to: folder.appendingPathComponent("math-font.css"), atomically: true, encoding: .utf8)
        let css = try Templates(folder: folder.path).css(forPageBody: "<math><mi>x</mi></math>")
        #expect(css.contains("/* math-font.css */\n" + sheet))
    }

    /// fontTools reads each tutorial's font as WOFF2, decompiles every table, and finds the MATH
    /// table, a glyph for every character the page's formulas use that the bundled font has, and
    /// for every kept character every size variant and assembly part (vertical and horizontal)
    /// the bundled font's MATH table lists for it: stretchy brackets, radicals, big operators.
    @Test(arguments: tutorials) func fontToolsReadsTheSubsetWithItsMathTable(name: String) async throws {
        guard let python = await FontTools.python else { return }
        let html = Self.page(name)
        let subset = try Self.write(try #require(Self.font(in: html)), name + ".woff2")
        let bundled = try Self.write(Self.bundledFont, "bundled.woff2")
        let text = try Self.write(Data(Self.formulaText(html).utf8), name + ".txt")
        let result = await PythonVenv.run(python, ["-c", FontTools.checkScript, subset, bundled, text])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasPrefix("ok"), "\(result.output)")
        print("\(name): \(result.output)")
    }

    /// Headless Chromium draws stretchy brackets and a radical around fractions with the page's
    /// subset exactly as with the whole bundled font: the two screenshots are the same PNG bytes.
    /// The family stack is cut to the embedded font (and `serif`), so that an installed Latin
    /// Modern Math cannot stand in; a page without the @font-face must then look different,
    /// which shows the screenshots really use the embedded font.
    @Test func chromiumDrawsStretchyOperatorsAsWithTheWholeFont() async throws {
        guard let chromium = ExternalProcess.onPath("chromium") else {
            print("notice: chromium is not installed; skipping the screenshot comparison")
            return
        }
        let source = "# Stretchy\n\n$$\\left( \\frac{a}{b} \\right) + \\sqrt{\\frac{1}{2}}"
            + " + \\left[ \\frac{\\frac{x}{y}}{z} \\right]$$\n"
        let builder = ReportBuilder(registry: testRegistry, allowOutside: false)
        let build = builder.build(path: try temporaryNotebook(source, name: "stretchy.md"), checkOnly: false)
        var subset = Site(builds: [build], templates: try Templates.bundled()).pages()[0].html
        let stack = "\"Parzen Latin Modern Math\", \"Latin Modern Math\", \"STIX Two Math\", \"Cambria Math\", math"
        #expect(subset.contains(stack))
        subset = subset.replacingOccurrences(of: stack, with: "\"Parzen Latin Modern Math\", serif")
        let font = try #require(Self.font(in: subset)).base64EncodedString()
        let whole = subset.replacingOccurrences(of: font, with: Self.bundledFont.base64EncodedString())
        let none = subset.replacingOccurrences(of: "url(data:font/woff2;base64,\(font))", with: "local(none)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-shot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func screenshot(_ html: String, _ name: String) async throws -> Data? {
            let page = folder.appendingPathComponent(name + ".html"), png = folder.appendingPathComponent(name + ".png")
            try html.write(to: page, atomically: true, encoding: .utf8)
            _ = try await ExternalProcess.run(chromium, [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--user-data-dir=\(folder.path)/profile",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=3000", "--window-size=900,700",
                "--screenshot=\(png.path)", page.absoluteString,
            ])
            return try? Data(contentsOf: png)
        }
        guard let withWhole = try await screenshot(whole, "whole") else {
            print("notice: chromium made no screenshot; skipping the screenshot comparison")
            return
        }
        let withSubset = try #require(try await screenshot(subset, "subset"))
        let withNone = try #require(try await screenshot(none, "none"))
        #expect(withSubset == withWhole)
        #expect(withNone != withWhole)
    }

    /// The characters of a page's `<math>` elements as fontTools' script sees them: each
    /// formula's markup with tags and entities decoded by Python's html.parser (see the script).
    static func formulaText(_ html: String) -> String {
        var formulas: [Substring] = []
        var rest = Substring(html)
        while let open = rest.firstRange(of: "<math"), let close = rest[open.upperBound...].firstRange(of: "</math>") {
            formulas.append(rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        return formulas.joined(separator: "\n")
    }
}

/// fontTools, an independent WOFF2 reader and OpenType parser, and the script that checks a subset.
enum FontTools {
    /// The venv's python, or nil (with a notice) when it cannot be made.
    static var python: String? {
        get async { await setup.value.map { $0 + "/python" } }
    }

    private static let setup = Task<String?, Never> {
        await PythonVenv.prepare("venv-fonttools", modules: ["fontTools", "brotli"], packages: ["fonttools", "brotli"],
                                 purpose: "fontTools checks")
    }

    /// argv: subset.woff2 bundled.woff2 formulas.txt. The expected characters are computed here
    /// from the formulas' text (html.parser) and MathML Core's rules, not from Parzen's list.
    static let checkScript = """
        import sys, html.parser
        from fontTools.ttLib import TTFont
        subset, bundled = TTFont(sys.argv[1]), TTFont(sys.argv[2])
        assert subset.flavor == "woff2", subset.flavor
        for tag in subset.keys():
            subset[tag]  # decompiles every table
        assert "MATH" in subset, "no MATH table"
        class Text(html.parser.HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True); self.chars = set(); self.mi = False; self.tags = set()
            def handle_starttag(self, tag, attrs):
                self.tags.add(tag); self.mi = tag == "mi" and not attrs
            def handle_endtag(self, tag):
                self.mi = False
            def handle_data(self, data):
                self.chars |= {ord(c) for c in data}
                if self.mi and len(data) == 1 and "a" <= data.lower() <= "z":  # math-auto italic
                    self.chars.add(0x210E if data == "h" else
                                   (0x1D434 + ord(data) - 65 if data.isupper() else 0x1D44E + ord(data) - 97))
        text = Text(); text.feed(open(sys.argv[3], encoding="utf-8").read())
        if text.tags & {"msqrt", "mroot"}: text.chars.add(0x221A)
        have, had = subset.getBestCmap(), bundled.getBestCmap()
        missing = sorted(hex(c) for c in text.chars if c in had and c not in have)
        assert not missing, "characters without a glyph: " + ", ".join(missing)
        def constructions(font, direction):
            table = font["MATH"].table.MathVariants
            coverage = getattr(table, direction + "GlyphCoverage")
            return dict(zip(coverage.glyphs, getattr(table, direction + "GlyphConstruction"))) if coverage else {}
        def parts(construction):
            names = [v.VariantGlyph for v in construction.MathGlyphVariantRecord]
            if construction.GlyphAssembly:
                names += [p.glyph for p in construction.GlyphAssembly.PartRecords]
            return names
        order = set(subset.getGlyphOrder())
        checked = 0
        for direction in ("Vert", "Horiz"):
            sub, full = constructions(subset, direction), constructions(bundled, direction)
            for char, glyph in have.items():
                if had.get(char) not in full: continue
                assert glyph in sub, "no %s variants for %s" % (direction, hex(char))
                got, want = parts(sub[glyph]), parts(full[had[char]])
                assert len(got) == len(want) and all(g in order for g in got), (hex(char), got, want)
                checked += 1
        print("ok: %d glyphs, %d characters checked, %d stretchy constructions" % (len(subset.getGlyphOrder()),
              len([c for c in text.chars if c in had]), checked))
        """
}
