import Foundation
import ParzenReport
import ParzenTestSupport
import Testing

/// A Jekyll/kramdown post with no directives must render with no error and nothing of its
/// text lost: our own post always, the seed post when `../shared/` is there.
@Suite struct JekyllPostReportTests {
    static func check(_ post: JekyllPost) throws {
        let build = ReportBuilder(registry: testRegistry, allowOutside: false).build(path: post.url.path, checkOnly: false)
        #expect(build.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(build.title == post.title)
        let html = try #require(build.bodyHTML)

        // Every word of the prose survives: drop front matter, math, Liquid tags and HTML
        // tags from the source, keep words.
        let rendered = Set(textContent(html).split(separator: " ").map(String.init))
        let body = try post.text.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        var prose = body
        for pattern in [#"\$\$[\s\S]*?\$\$"#, #"\$[^$]+\$"#, #"\{%[^%]*%\}"#, #"<[^>]+>"#, #"\\eqref\{[^}]*\}"#] {
            prose = prose.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let words = prose.split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init).filter { $0.count > 1 }
        let renderedWords = Set(rendered.flatMap { $0.split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init) })
        let missing = Set(words).subtracting(renderedWords)
        #expect(missing.isEmpty, "words lost: \(missing.sorted())")

        // The details block becomes collapsible, the prose `\eqref` a resolved link, raw HTML
        // passes through.
        #expect(html.contains("<details>"))
        #expect(html.contains("<summary>\(post.detailsSummary)</summary>"))
        #expect(html.contains("equation <a"))
        #expect(!html.contains("\\eqref"))
        #expect(!html.contains("(??)"))
        #expect(html.contains("<d-byline></d-byline>"))
        #expect(html.contains("<span style=\"float:right\">"))
    }

    @Test func ourPostRendersWhole() throws {
        try Self.check(.own)
    }

    @Test(.requiresSharedFolder) func theSeedPostRendersWhole() throws {
        try Self.check(.seed)
    }
}
