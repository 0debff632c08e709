import Foundation
import ParzenFormat
import Testing
@testable import ParzenHTML

/// All 673 examples of the GitHub Flavored Markdown spec 0.29 (`shared/spec/gfm-spec.json`,
/// the version cmark-gfm 0.29.0.gfm.x implements) through Parzen's parser and renderer,
/// compared after the normalisation the spec's own runner applies (white space between tags,
/// attribute order, self-closing slashes).
struct GFMConformanceTests {
    struct Example: Decodable {
        var example: Int
        var section: String
        var markdown: String
        var html: String
        var extensions: [String]
    }

    /// Examples whose output differs on purpose, with the reason.
    static let deviations: [Int: String] = [
        // The spec shows these without the autolink extension, which a notebook always has
        // (cmark-gfm with `-e autolink` links them the same way).
        610: "autolink extension: `http://foo.bar/baz` inside `<… bim>` is a bare URL",
        614: "autolink extension: `foo+@bar.example.com` is a bare e-mail address",
        616: "autolink extension: `http://foo.bar` inside `< … >` is a bare URL",
        619: "autolink extension: `http://example.com` is a bare URL",
        620: "autolink extension: `foo@bar.example.com` is a bare e-mail address",
        308: "`\\[\\\\\\]` is display math `\\[…\\]` whose TeX is `\\\\` (single-backslash math, as pandoc's tex_math_single_backslash reads it)",
    ]

    static func examples() throws -> [Example] {
        let url = try #require(SharedFixtures.url("spec/gfm-spec.json"), "shared/spec/gfm-spec.json not found above \(#filePath)")
        return try JSONDecoder().decode([Example].self, from: Data(contentsOf: url))
    }

    @Test func allExamplesMatchAfterNormalisation() throws {
        let examples = try Self.examples()
        #expect(examples.count == 673)
        var failures: [String] = []
        var deviating: Set<Int> = []
        for example in examples {
            // The spec's examples assume tagfilter only where they list it (`<style>` and
            // `<script>` blocks elsewhere show the raw-HTML rules); the other extensions are
            // always on, as in a notebook.
            let renderer = HTMLRenderer(options: .init(tagFilter: example.extensions.contains("tagfilter")))
            let html = renderer.render(MarkdownParser.parse(example.markdown)).html
            if HTMLNormalizer.normalize(html) != HTMLNormalizer.normalize(example.html) {
                if Self.deviations[example.example] != nil {
                    deviating.insert(example.example)
                } else {
                    failures.append("example \(example.example) (\(example.section)):\n\(example.markdown)\nexpected:\n\(example.html)\ngot:\n\(html)")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) examples differ:\n\(failures.prefix(8).joined(separator: "\n---\n"))")
        // Every listed deviation must still deviate; otherwise the list is stale.
        #expect(deviating == Set(Self.deviations.keys))
    }
}
