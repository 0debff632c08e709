import CCmarkGFM
import Foundation
@testable import ParzenFormat
import ParzenTestSupport
import Testing
@testable import ParzenHTML

/// Parzen's renderer against cmark-gfm's own HTML renderer (`cmark_render_html` with
/// `CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES` and the same extensions), byte for byte, on
/// inputs without math — the library is the yardstick for what the spec does not cover
/// (footnotes, task lists) and for exact line breaks.
struct CmarkByteCompatibilityTests {
    static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// cmark-gfm's own rendering of `markdown`.
    static func cmarkHTML(_ markdown: String) -> String {
        // cmark's registry and trigger-character table are process-wide; see `MarkdownParser.lock`.
        MarkdownParser.lock.lock()
        defer { MarkdownParser.lock.unlock() }
        _ = registered
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink", "tagfilter", "tasklist"] {
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name))
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        let root = cmark_parser_finish(parser)!
        defer { cmark_node_free(root) }
        let html = cmark_render_html(root, options, cmark_parser_get_syntax_extensions(parser))!
        defer { free(html) }
        return String(cString: html)
    }

    static func parzenHTML(_ markdown: String) -> String {
        HTMLRenderer().render(MarkdownParser.parse(markdown)).html
    }

    @Test(arguments: [
        "Hi[^a] and[^b] again[^a].\n\n[^a]: Note *a*.\n[^b]: B\n\n[^c]: unused\n",
        "Text[^n].\n\n[^n]:\n    ```\n    code\n    ```\n",
        "- [x] done\n- [ ] not\n  - [x] nested\n",
        "| a | b | c |\n|:-|:-:|-:|\n| 1 | 2 | 3 |\n| 4 |\n",
        "| only | header |\n| --- | --- |\n",
        "1. one\n\n   two\n2) three\n\n7. seven\n",
        "```swift extra\nlet x = 1 < 2\n```\n\n    indented\n",
        "<div>\n<script>alert(1)</script>\n</div>\n\nA <style>x</style> and <title> b\n",
        "![alt *em* `c`](/a b \"t\") [l](</x y> 'q') <http://a.b/c?d=e&f> www.x.org/p?q\n",
        "&copy; &#35; &quot; \\* a  \nb\\\nc ~~del~~ ~one~\n",
        "> quote\n> - item\n>\n> ---\n\nSetext\n===\n",
        // Unpaired `\(` `\)` `\[` `\]` stay escapes, with cmark's emphasis rules around them.
        "foo*\\(bar)* and _\\[x_ or b\n\na*\\)*b and _x\\]_\n",
        "[\\(a](\\(b) [x\\]](y) `\\(` and \\\\(x\\\\)\n",
        "[ref\\(]\n\n[ref\\(]: /u\\(v \"t\\)\"\n",
    ])
    func matchesCmarkByteForByte(markdown: String) {
        #expect(Self.parzenHTML(markdown) == Self.cmarkHTML(markdown))
    }

    @Test(.requiresSharedFolder) func specExamplesWithoutMathMatchCmarkByteForByte() throws {
        #expect(Self.mismatches(try GFMConformanceTests.specExamples()) == [])
    }

    @Test func ownCasesMatchCmarkByteForByte() throws {
        #expect(Self.mismatches(try GFMConformanceTests.ownCases().cases) == [])
    }

    /// The examples (without math) whose HTML differs from the library's in any byte.
    static func mismatches(_ examples: [GFMConformanceTests.Example]) -> [Int] {
        var mismatches: [Int] = []
        for example in examples {
            let markdown = example.markdown
            // `$`, `\(` and `\[` may form math, which cmark does not know.
            if markdown.contains("$") || markdown.contains("\\(") || markdown.contains("\\[") { continue }
            if Self.parzenHTML(markdown) != Self.cmarkHTML(markdown) { mismatches.append(example.example) }
        }
        return mismatches
    }
}
