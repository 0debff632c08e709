import Foundation
import ParzenFormat
import Testing
@testable import ParzenHTML

/// The seed post (`shared/seed/what-is-a-generative-model.md`, written for Jekyll/kramdown)
/// rendered end to end: nothing of its text is lost.
struct SeedRenderTests {
    static func seed() throws -> (body: String, lineOffset: Int) {
        let url = try #require(SharedFixtures.url("seed/what-is-a-generative-model.md"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let close = try #require(lines.dropFirst().firstIndex(of: "---"))
        return (lines[(close + 1)...].joined(separator: "\n"), close + 1)
    }

    @Test func everyWordOfTheSeedAppearsInTheHTML() throws {
        let (body, offset) = try Self.seed()
        let document = MarkdownParser.parse(body, options: .init(lineOffset: offset, kramdownMathEscapes: true))
        let html = HTMLRenderer(options: .init(headingIDs: true)).render(document).html
        // Markup keywords are consumed: `enddetails` closes the disclosure, `\eqref{…}` becomes
        // a reference link showing its label. Everything else must be there.
        let liquid: Set<String> = ["enddetails", "eqref"]
        var missing: [String] = []
        for word in body.split(whereSeparator: { !$0.isLetter }).map(String.init) where !liquid.contains(word) {
            if !html.contains(word) { missing.append(word) }
        }
        #expect(missing == [])
        // Sentences come out whole, in order, with emphasis where the author put it.
        #expect(html.contains("you want to <em>model the generative process of the creation of the data</em>."))
        #expect(html.contains("<h1 id=\"definition-of-a-generative-model\"><strong>Definition of a Generative Model</strong></h1>"))
        #expect(html.contains("<details>\n<summary>A note about naming</summary>\n<p>Generative models that have a latent space"))
        #expect(html.contains("<span style=\"float:right\"><a href=\"\">A Linear Model â†’</a></span>\n<br>\n<d-byline></d-byline>"))
        #expect(html.components(separatedBy: "<span class=\"math-tex\">").count - 1 == 55)
        #expect(html.components(separatedBy: "<div class=\"math-tex display\">").count - 1 == 15)
    }

    @Test func seedRendersQuickly() throws {
        let (body, offset) = try Self.seed()
        let clock = ContinuousClock()
        var html = ""
        let elapsed = clock.measure {
            html = HTMLRenderer().render(MarkdownParser.parse(body, options: .init(lineOffset: offset, kramdownMathEscapes: true))).html
        }
        #expect(!html.isEmpty)
        // Measured: about 23 ms in a debug build (19 parse + 4 render), 0.3 s under the
        // address sanitizer. The bound only catches gross (e.g. quadratic) regressions on a
        // shared, loaded machine; `make bench` measures the real speed.
        #expect(elapsed < .seconds(2))
    }
}
