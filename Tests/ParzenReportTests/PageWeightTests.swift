import Foundation
import ParzenFormat
import ParzenReport
import Testing

@Suite struct PageWeightTests {
    /// A page assembled from known pieces: each part must come out with its piece's UTF-8 size.
    @Test func partsAreTheSizesOfTheirPieces() {
        let font = "url(data:font/woff2;base64,\(String(repeating: "A", count: 5000)))"
        let style = "<style>\n/* parzen.css */\nbody{}\n/* math-font.css */\n@font-face{src:\(font)}\n</style>"
        let figure = "<figure class=\"plot\" id=\"figure-fig-a\"><svg>\(String(repeating: "<path/>", count: 300))</svg></figure>"
        let math1 = "<math><mi>x</mi></math>", math2 = "<math display=\"block\"><mn>2</mn></math>"
        let prose = "<p>Some text — with a dash é.</p>"
        let html = "<html><head>\(style)</head><body>\(prose)\(math1)\(figure)\(math2)</body></html>"
        let weight = PageWeight(html: html)
        #expect(weight.total == html.utf8.count)
        let sizes = Dictionary(uniqueKeysWithValues: weight.parts.map { ($0.name, $0.bytes) })
        #expect(sizes["math font"] == font.utf8.count)
        #expect(sizes["styles"] == style.utf8.count - font.utf8.count)
        #expect(sizes["figure #figure-fig-a"] == figure.utf8.count)
        #expect(sizes["2 formulas"] == math1.utf8.count + math2.utf8.count)
        #expect(sizes["text and markup"] == html.utf8.count - style.utf8.count - figure.utf8.count
                    - math1.utf8.count - math2.utf8.count)
        #expect(weight.parts.map(\.bytes).reduce(0, +) == weight.total)
        #expect(weight.parts.map(\.bytes) == weight.parts.map(\.bytes).sorted(by: >))
    }

    @Test func aPageWithoutMathHasNoFontOrFormulaParts() {
        let weight = PageWeight(html: "<style>p{}</style><p>x</p>")
        #expect(weight.parts.map(\.name) == ["styles", "text and markup"])
    }

    @Test func pagesOverTheBudgetGetAWarningNamingTheirLargestParts() throws {
        let builder = ReportBuilder(registry: testRegistry, allowOutside: false)
        let small = builder.build(path: try temporaryNotebook("# A\n", name: "small.md"), checkOnly: false)
        let large = builder.build(path: try temporaryNotebook("# B\n\n$x^2$\n", name: "large.md"), checkOnly: false)
        let site = Site(builds: [small, large], templates: try Templates(folder: Repository.templates))
        let pages = site.pages()
        let largeSize = pages.first { $0.fileName == "large.html" }!.html.utf8.count
        let smallSize = pages.first { $0.fileName == "small.html" }!.html.utf8.count
        let warnings = site.budgetWarnings(budget: (smallSize + largeSize) / 2, pages: pages)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.file == large.path && warning.severity == .warning)
        #expect(warning.message.hasPrefix("its page large.html is \(String(format: "%.1f", Double(largeSize) / 1000)) KB"))
        // The page with math embeds the font, cut to the few characters of $x^2$ (2 KB).
        #expect(warning.message.contains("; largest parts: styles ") && warning.message.contains(", math font "))
        #expect(site.budgetWarnings(budget: largeSize, pages: pages).isEmpty)
    }
}
