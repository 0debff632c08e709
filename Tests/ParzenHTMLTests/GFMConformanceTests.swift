import Foundation
import ParzenFormat
import ParzenTestSupport
import Testing
@testable import ParzenHTML

/// All 673 examples of the GitHub Flavored Markdown spec 0.29 (`../shared/spec/gfm-spec.json`,
/// the version cmark-gfm 0.29.0.gfm.x implements) through Parzen's parser and renderer,
/// compared after the normalisation the spec's own runner applies (white space between tags,
/// attribute order, self-closing slashes); and our own cases (`Tests/Fixtures/gfm-cases.json`),
/// which run without `../shared/`.
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

    /// `Tests/Fixtures/gfm-cases.json`: our own inputs for the features notebooks use, with
    /// cmark-gfm's HTML (written by `scripts/gfm-cases.py`).
    struct OwnCases: Decodable {
        var generator: String
        var cases: [Example]
    }

    /// The examples whose HTML differs from the expected after normalisation (described, the
    /// first eight), and the listed deviations that did deviate.
    static func differences(
        _ examples: [Example], deviations: [Int: String]
    ) -> (failures: [String], deviating: Set<Int>) {
        var failures: [String] = []
        var deviating: Set<Int> = []
        for example in examples {
            // The spec's examples assume tagfilter only where they list it (`<style>` and
            // `<script>` blocks elsewhere show the raw-HTML rules); the other extensions are
            // always on, as in a notebook.
            let renderer = HTMLRenderer(options: .init(tagFilter: example.extensions.contains("tagfilter")))
            let html = renderer.render(MarkdownParser.parse(example.markdown)).html
            if HTMLNormalizer.normalize(html) != HTMLNormalizer.normalize(example.html) {
                if deviations[example.example] != nil {
                    deviating.insert(example.example)
                } else {
                    failures.append("example \(example.example) (\(example.section)):\n\(example.markdown)\nexpected:\n\(example.html)\ngot:\n\(html)")
                }
            }
        }
        return (failures, deviating)
    }

    /// The spec's examples; only for tests that carry `.requiresSharedFolder`.
    static func specExamples() throws -> [Example] {
        try JSONDecoder().decode([Example].self, from: Data(contentsOf: Fixtures.sharedFile("spec/gfm-spec.json")))
    }

    static func ownCases() throws -> OwnCases {
        try JSONDecoder().decode(OwnCases.self, from: Data(contentsOf: Fixtures.file("gfm-cases.json")))
    }

    @Test(.requiresSharedFolder) func allSpecExamplesMatchAfterNormalisation() throws {
        let examples = try Self.specExamples()
        #expect(examples.count == 673)
        let (failures, deviating) = Self.differences(examples, deviations: Self.deviations)
        let shown = failures.prefix(8).joined(separator: "\n---\n")
        #expect(failures.isEmpty, "\(failures.count) examples differ:\n\(shown)")
        // Every listed deviation must still deviate; otherwise the list is stale.
        #expect(deviating == Set(Self.deviations.keys))
    }

    /// Runs without `../shared/`: the same comparison over our own cases, which need no
    /// deviations (they avoid math delimiters and bare URLs inside `<…>`).
    @Test func ownCasesMatchCmarkGFM() throws {
        let own = try Self.ownCases()
        #expect(own.generator.hasPrefix("cmark-gfm 0.29.0.gfm"))
        #expect(own.cases.count >= 90)
        let (failures, _) = Self.differences(own.cases, deviations: [:])
        let shown = failures.prefix(8).joined(separator: "\n---\n")
        #expect(failures.isEmpty, "\(failures.count) cases differ:\n\(shown)")
    }
}
