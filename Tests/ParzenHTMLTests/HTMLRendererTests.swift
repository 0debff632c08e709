import ParzenFormat
import Testing
@testable import ParzenHTML

/// Parzen's nodes in HTML: defaults, hooks, heading ids and the table of contents.
struct HTMLRendererTests {
    private func html(_ markdown: String, _ configure: (inout HTMLRenderer) -> Void = { _ in }) -> String {
        var renderer = HTMLRenderer()
        configure(&renderer)
        return renderer.render(MarkdownParser.parse(markdown)).html
    }

    @Test func mathDefaultsEscapeTheTeX() {
        #expect(html("a $x<y$ b\n\n$$\n\\frac{1}{2} & z\n$$\n") ==
            "<p>a <span class=\"math-tex\">x&lt;y</span> b</p>\n<div class=\"math-tex display\">\n\\frac{1}{2} &amp; z\n</div>\n")
        #expect(html("so $$x$$ holds") == "<p>so <span class=\"math-tex display\">x</span> holds</p>\n")
    }

    @Test func hooksReplaceParzenNodes() {
        let output = html("$x$ {value}`m.k` \\eqref{e}\n\n$$y$$\n\n```{fit} m\nk: 1\n```\n") { renderer in
            renderer.inlineMath = { "<math>\($0.tex)</math>" }
            renderer.displayMath = { "<math display=\"block\">\($0.tex)</math>" }
            renderer.role = { "<b>\($0.name):\($0.content)</b>" }
            renderer.reference = { "<a href=\"#\($0.label)\">(1)</a>" }
            renderer.directive = { "<figure>\($0.name) \($0.label ?? "")</figure>" }
        }
        #expect(output == """
        <p><math>x</math> <b>value:m.k</b> <a href="#e">(1)</a></p>
        <math display="block">y</math>
        <figure>fit m</figure>

        """)
    }

    @Test func defaultsForDirectivesRolesAndReferences() {
        #expect(html("{value}`a<b` and \\ref{x}") ==
            "<p><code class=\"role\" data-role=\"value\">a&lt;b</code> and <a class=\"reference\" href=\"#x\">x</a></p>\n")
        #expect(html("```{data} d\nfile: \"a&b.csv\"\n```\n") ==
            "<pre class=\"directive\" data-directive=\"data\"><code>file: &quot;a&amp;b.csv&quot;\n</code></pre>\n")
    }

    @Test func detailsRenderAsDisclosure() {
        #expect(html("{% details A *b* %}\n\nText\n\n{% enddetails %}\n") ==
            "<details>\n<summary>A <em>b</em></summary>\n<p>Text</p>\n</details>\n")
    }

    @Test func headingIDsAreDeterministicAndUnique() {
        let renderer = HTMLRenderer(options: .init(headingIDs: true))
        let output = renderer.render(MarkdownParser.parse("# **Definition** of $p$\n\n## Setup\n\n## Setup\n\n### Ünïcode & co.\n\n# ?!\n"))
        #expect(output.headings == [
            HeadingEntry(level: 1, text: "Definition of p", id: "definition-of-p"),
            HeadingEntry(level: 2, text: "Setup", id: "setup"),
            HeadingEntry(level: 2, text: "Setup", id: "setup-1"),
            HeadingEntry(level: 3, text: "Ünïcode & co.", id: "ünïcode--co"),
            HeadingEntry(level: 1, text: "?!", id: "section"),
        ])
        #expect(output.html.hasPrefix("<h1 id=\"definition-of-p\"><strong>Definition</strong> of <span class=\"math-tex\">p</span></h1>\n"))
    }

    @Test func headingTextDropsRawHTML() {
        let output = HTMLRenderer(options: .init(headingIDs: true)).render(MarkdownParser.parse("# Title <small>draft</small>\n"))
        #expect(output.headings == [HeadingEntry(level: 1, text: "Title draft", id: "title-draft")])
    }

    @Test func headingsAreCollectedWithoutIDsByDefault() {
        let output = HTMLRenderer().render(MarkdownParser.parse("# A\n\n> ## B\n"))
        #expect(output.headings == [HeadingEntry(level: 1, text: "A", id: ""), HeadingEntry(level: 2, text: "B", id: "")])
        #expect(output.html == "<h1>A</h1>\n<blockquote>\n<h2>B</h2>\n</blockquote>\n")
    }

    @Test func tagFilterEscapesDangerousRawHTML() {
        #expect(html("<script>x</script>\n") == "&lt;script>x&lt;/script>\n")
        #expect(html("a <iframe src=x> b") == "<p>a &lt;iframe src=x> b</p>\n")
        #expect(html("<span style=\"float:right\">ok</span>") == "<p><span style=\"float:right\">ok</span></p>\n")
    }

    @Test func deepNestingRendersWithoutOverflow() {
        let output = html(String(repeating: "> ", count: 10_000) + "deep\n")
        #expect(output.contains("deep"))
        #expect(output.components(separatedBy: "<blockquote>").count - 1 == 100)
    }
}
