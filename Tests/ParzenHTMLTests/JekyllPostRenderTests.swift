import Foundation
import ParzenFormat
import ParzenTestSupport
import Testing
@testable import ParzenHTML

/// A Jekyll/kramdown post rendered end to end: nothing of its text is lost. Runs on our own
/// post always and on the seed post when `../shared/` is there (see ``JekyllPost``).
struct JekyllPostRenderTests {
    static func render(_ post: JekyllPost) throws -> (body: String, html: String) {
        let (body, offset) = try post.body()
        let document = MarkdownParser.parse(body, options: .init(lineOffset: offset, kramdownMathEscapes: true))
        return (body, HTMLRenderer(options: .init(headingIDs: true)).render(document).html)
    }

    static func checkEveryWordAppears(_ post: JekyllPost) throws {
        let (body, html) = try render(post)
        // Markup keywords are consumed: `enddetails` closes the disclosure, `\eqref{…}` becomes
        // a reference link showing its label. Everything else must be there.
        let liquid: Set<String> = ["enddetails", "eqref"]
        var missing: [String] = []
        for word in body.split(whereSeparator: { !$0.isLetter }).map(String.init) where !liquid.contains(word) {
            if !html.contains(word) { missing.append(word) }
        }
        #expect(missing == [])
        // Sentences come out whole, in order, with emphasis where the author put it.
        #expect(html.contains(post.emphasisHTML))
        #expect(html.contains(post.headingHTML))
        #expect(html.contains(post.detailsHTML))
        #expect(html.contains(post.bylineHTML))
        #expect(html.components(separatedBy: "<span class=\"math-tex\">").count - 1 == post.inlineMathCount)
        #expect(html.components(separatedBy: "<div class=\"math-tex display\">").count - 1 == post.displayMathCount)
    }

    @Test func everyWordOfOurPostAppearsInTheHTML() throws {
        try Self.checkEveryWordAppears(.own)
    }

    @Test(.requiresSharedFolder) func everyWordOfTheSeedAppearsInTheHTML() throws {
        try Self.checkEveryWordAppears(.seed)
    }
}
