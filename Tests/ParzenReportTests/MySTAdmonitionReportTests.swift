import Foundation
import ParzenFormat
import ParzenReport
import ParzenTestSupport
import Testing

/// MyST admonitions through a real notebook (`Tests/Fixtures/myst/admonitions.md`): rendered
/// to HTML, each box checked for its element, classes, role and title, the directive inside a
/// note run in place, and misspelt names answered with a did-you-mean over MyST's names too.
@Suite struct MySTAdmonitionReportTests {
    static let path = Fixtures.repositoryRoot.path + "/Tests/Fixtures/myst/admonitions.md"

    static func render() throws -> String {
        let build = ReportBuilder(registry: testRegistry, allowOutside: false).build(path: path, checkOnly: false)
        #expect(build.diagnostics.map(\.description) == [])
        return try #require(build.bodyHTML)
    }

    /// The opening tags of elements whose class list starts with `admonition` or `dropdown`.
    static func openingTags(_ html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: "<(aside|details) class=\"(admonition|dropdown)[^>]*>")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
            String(html[Range($0.range, in: html)!])
        }
    }

    /// The text of each `admonition-title`, in order.
    static func titles(_ html: String) -> [String] {
        html.components(separatedBy: "class=\"admonition-title\">").dropFirst().map { piece in
            textContent(String(piece[..<piece.range(of: "</")!.lowerBound]))
        }
    }

    @Test func everyKindIsAnAsideWithRoleAndTitle() throws {
        let html = try Self.render()
        #expect(Self.openingTags(html) == [
            "<aside class=\"admonition note\" role=\"note\">",
            "<aside class=\"admonition tip\" role=\"note\">",
            "<aside class=\"admonition hint\" role=\"note\">",
            "<aside class=\"admonition important\" role=\"note\">",
            "<aside class=\"admonition seealso\" role=\"note\">",
            "<aside class=\"admonition attention\" role=\"note\">",
            "<aside class=\"admonition caution\" role=\"note\">",
            "<aside class=\"admonition warning\" role=\"note\">",
            "<aside class=\"admonition danger\" role=\"note\">",
            "<aside class=\"admonition error\" role=\"note\">",
            "<aside class=\"admonition tip\" role=\"note\">",
            "<aside class=\"admonition note\" role=\"note\">",
            "<aside class=\"admonition warning\" role=\"note\">",
            "<details class=\"dropdown\" id=\"derivation\" open>",
            "<details class=\"dropdown\">",
        ])
        #expect(Self.titles(html) == [
            "Note", "Tip", "Hint", "Important", "See also", "Attention", "Caution", "Training NLL is not a divergence",
            "Danger", "Error", "Why held-out data", "Note", "Warning", "The derivation", "Closed by default",
        ])
        // The generic title keeps its emphasis; a dropdown's title is its summary.
        #expect(html.contains("<p class=\"admonition-title\">Why held-out <em>data</em></p>"))
        #expect(html.contains("<summary class=\"admonition-title\">The derivation</summary>"))
        // Math in a body is MathML, not TeX source.
        let noteTag = "<aside class=\"admonition note\" role=\"note\">"
        let note = try #require(html.components(separatedBy: noteTag).dropFirst().first)
        let firstNote = String(note[..<note.range(of: "</aside>")!.lowerBound])
        #expect(firstNote.contains("<math"))
        #expect(!firstNote.contains("$"))
        #expect(firstNote.contains("<a href=\"https://example.org\">link</a>"))
    }

    @Test func aDirectiveInsideANoteRunsInPlaceAndNestingIsKept() throws {
        let html = try Self.render()
        let pieces = html.components(separatedBy: "<aside class=\"admonition note\" role=\"note\">")
        #expect(pieces.count == 3)
        let second = pieces[2]
        let end = try #require(second.range(of: "</aside>"))
        let inside = String(second[..<end.lowerBound])
        #expect(textContent(inside).contains("The value is"))
        #expect(textContent(inside).contains("A directive inside a note still runs:"))
        // The dropdown sits inside the warning, and its list inside the dropdown.
        let warningTag = "<aside class=\"admonition warning\" role=\"note\">"
        let warning = try #require(html.components(separatedBy: warningTag).last)
        let details = try #require(warning.range(of: "<details class=\"dropdown\" id=\"derivation\" open>"))
        let list = try #require(warning.range(of: "<li>one</li>"))
        let closeDetails = try #require(warning.range(of: "</details>"))
        let closeAside = try #require(warning.range(of: "</aside>"))
        #expect(details.lowerBound < list.lowerBound && list.lowerBound < closeDetails.lowerBound
            && closeDetails.lowerBound < closeAside.lowerBound)
    }

    @Test func misspeltNameSuggestsAMySTName() throws {
        let build = try build("---\ntitle: t\n---\n\n:::{notte}\nText.\n:::\n\n```{dropdwn} More\nx\n```\n")
        let errors = build.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["unknown directive '{notte}'", "unknown directive '{dropdwn}'"])
        #expect(errors.map(\.fix) == ["did you mean 'note'?", "did you mean 'dropdown'?"])
        #expect(errors.map(\.location) == [SourceLocation(line: 5, column: 5), SourceLocation(line: 9, column: 5)])
    }
}

/// `{math}` with `:label:` through a notebook: numbered, and `{ref}` and `\eqref` link to it.
@Suite struct MySTMathReportTests {
    @Test func labelledMathIsNumberedAndReferenceable() throws {
        let build = try build("---\ntitle: t\n---\n\nSee {ref}`eq-kl`.\n\n```{math}\n:label: eq-kl\nD = p - q\n```\n\n"
            + "$$ \\eqref{eq-kl} $$\n\n```{code-block} python\nprint(1 < 2)\n```\n")
        #expect(build.diagnostics.map(\.description) == [])
        let html = try #require(build.bodyHTML)
        #expect(textContent(html).contains("See Equation (1) ."))
        let anchor = try #require(html.range(of: "href=\"#"))
        let id = String(html[anchor.upperBound...].prefix { $0 != "\"" })
        #expect(html.contains("id=\"\(id)\""))
        #expect(html.contains("<pre><code class=\"language-python\">print(1 &lt; 2)\n</code></pre>"))
    }

    @Test func labelledMathInsideANoteIsReachedFromBeforeIt() throws {
        let build = try build("---\ntitle: t\n---\n\nBy {ref}`eq-a`.\n\n"
            + "::::{note}\n:::{math}\n:label: eq-a\na = b\n:::\n::::\n")
        #expect(build.diagnostics.map(\.description) == [])
        let html = try #require(build.bodyHTML)
        #expect(textContent(html).contains("By Equation (1) ."))
        let note = try #require(html.range(of: "<aside class=\"admonition note\" role=\"note\">"))
        #expect(html[note.upperBound...].contains("<math"))
    }
}
