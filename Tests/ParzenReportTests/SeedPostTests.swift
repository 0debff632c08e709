import Foundation
import ParzenReport
import Testing

/// The seed post — a Jekyll/kramdown post with no directives — must render with no error and
/// nothing of its text lost.
@Suite struct SeedPostTests {
    let build = ReportBuilder(registry: testRegistry, allowOutside: false).build(path: Repository.seedPost, checkOnly: false)

    @Test func rendersWithoutErrors() {
        #expect(build.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        #expect(build.title == "Generative Models 0 - What is a Generative Model?")
    }

    @Test func everyWordOfTheProseSurvives() throws {
        let html = try #require(build.bodyHTML)
        let rendered = Set(textContent(html).split(separator: " ").map(String.init))
        // The prose of the post: drop front matter, math, Liquid tags and HTML tags, keep words.
        let source = try String(contentsOfFile: Repository.seedPost, encoding: .utf8)
        let body = source.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
        var prose = body
        for pattern in [#"\$\$[\s\S]*?\$\$"#, #"\$[^$]+\$"#, #"\{%[^%]*%\}"#, #"<[^>]+>"#, #"\\eqref\{[^}]*\}"#] {
            prose = prose.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let words = prose.split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init).filter { $0.count > 1 }
        let renderedWords = Set(rendered.flatMap { $0.split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init) })
        let missing = Set(words).subtracting(renderedWords)
        #expect(missing.isEmpty, "words lost: \(missing.sorted())")
    }

    @Test func detailsBlockBecomesCollapsible() throws {
        let html = try #require(build.bodyHTML)
        #expect(html.contains("<details>"))
        #expect(html.contains("<summary>A note about naming</summary>"))
    }

    @Test func equationReferenceInProseIsResolved() throws {
        let html = try #require(build.bodyHTML)
        #expect(html.contains("equation <a"))
        #expect(!html.contains("\\eqref"))
        #expect(!html.contains("(??)"))
    }

    @Test func rawHTMLPassesThrough() throws {
        let html = try #require(build.bodyHTML)
        #expect(html.contains("<d-byline></d-byline>"))
        #expect(html.contains("<span style=\"float:right\">"))
    }
}
