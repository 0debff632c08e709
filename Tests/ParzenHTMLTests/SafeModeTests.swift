import Foundation
import ParzenFormat
import ParzenTestSupport
import Testing
@testable import ParzenHTML

/// Safe mode against the injection corpus, checked two ways: statically (every tag in the
/// output is one a browser cannot run script or fetch from) and, when Debian's `chromium`
/// is installed, in a real browser (`--dump-dom` after the page's load events).
struct SafeModeTests {
    private func render(_ markdown: String, safe: Bool) -> HTMLRenderer.Output {
        HTMLRenderer(options: .init(safe: safe, file: "nb.md")).render(MarkdownParser.parse(markdown))
    }

    /// Tags the static check forbids in safe output: everything that runs, embeds or loads.
    private static let forbiddenTags: Set<String> = [
        "script", "svg", "math", "iframe", "object", "embed", "style", "link", "meta", "base", "form", "button",
        "input", "textarea", "select", "video", "audio", "source", "image", "animate", "marquee", "body",
        "noscript", "xmp", "frame", "frameset", "applet", "template",
    ]

    /// Every `<` of `html` opens a tag written the canonical way (`<name attr="value">`),
    /// none of whose names or attributes can run script or load a remote resource.
    private static func problems(in html: String) -> [String] {
        var problems: [String] = []
        let pattern = #/<(/?)([a-z][a-z0-9]*)((?: [a-z][a-z0-9:-]*(?:="[^"<>]*")?)*)( /)?>/#
        var rest = Substring(html)
        while let start = rest.firstIndex(of: "<") {
            guard let match = rest[start...].prefixMatch(of: pattern) else {
                problems.append("non-canonical markup at: \(rest[start...].prefix(40))")
                rest = rest[rest.index(after: start)...]
                continue
            }
            let name = String(match.2)
            if forbiddenTags.contains(name) { problems.append("tag <\(name)>") }
            for attribute in match.3.matches(of: #/ ([a-z][a-z0-9:-]*)(?:="([^"<>]*)")?/#) {
                let key = String(attribute.1)
                let value = (attribute.2.map(String.init) ?? "").lowercased()
                if key.hasPrefix("on") { problems.append("event handler \(key)") }
                if ["srcset", "background", "formaction", "action", "xlink:href", "data", "poster"].contains(key) {
                    problems.append("attribute \(key)")
                }
                if ["href", "src", "cite"].contains(key), value.contains("script") || value.contains("data:text") || value.contains("file:") {
                    problems.append("script URL in \(key)=\(value)")
                }
                if key == "src", value.contains("//") { problems.append("remote image \(value)") }
                if key == "style", value.contains("url") || value.contains("expression") || value.contains("\\") {
                    problems.append("loading style \(value)")
                }
            }
            rest = rest[match.range.upperBound...]
        }
        return problems
    }

    @Test func corpusHasAtLeastFiftyAttempts() {
        #expect(InjectionCorpus.templates.count >= 50)
    }

    @Test(arguments: InjectionCorpus.sources)
    func injectionAttemptIsNeutralisedInSafeMode(source: String) {
        let output = render(source, safe: true)
        #expect(Self.problems(in: output.html) == [], "\(output.html)")
    }

    /// In safe mode every attempt that changes the output is reported as a warning.
    @Test(arguments: InjectionCorpus.sources)
    func safeModeSaysWhatItRemoved(source: String) {
        let safe = render(source, safe: true)
        let standard = render(source, safe: false)
        if safe.html != standard.html {
            #expect(!safe.diagnostics.isEmpty, "\(source)")
            #expect(safe.diagnostics.allSatisfy { $0.severity == .warning && $0.location.line >= 1 })
        }
    }

    @Test func safeModeKeepsOrdinaryHTML() {
        let source = "<div class=\"note\" id=\"n1\"><b>Bold</b> <a href=\"https://example.org/a?b=1&amp;c=2\" title=\"t\">link</a>"
            + " <img src=\"figures/a.png\" alt=\"A\" width=\"30\"> <span style=\"color: #c00\">red</span></div>\n"
        let output = render(source, safe: true)
        #expect(output.html == "<div class=\"note\" id=\"n1\"><b>Bold</b> <a href=\"https://example.org/a?b=1&amp;c=2\" title=\"t\">link</a>"
            + " <img src=\"figures/a.png\" alt=\"A\" width=\"30\"> <span style=\"color: #c00\">red</span></div>\n")
        #expect(output.diagnostics.isEmpty)
    }

    @Test func safeModeRemovesAnEventHandlerAndSaysWhere() {
        let output = render("Text\n\n<p>a <img src=x onerror=\"go()\"></p>\n", safe: true)
        #expect(output.html == "<p>Text</p>\n<p>a <img src=\"x\"></p>\n")
        #expect(output.diagnostics.map(\.description) ==
                ["nb.md:3:17: warning: safe mode removes the attribute 'onerror' of <img> (not on the allow-list)"])
    }

    @Test func safeModeRefusesRemoteMarkdownImages() {
        let output = render("![a plot](https://example.org/p.png)\n", safe: true)
        #expect(output.html == "<p>a plot</p>\n")
        #expect(output.diagnostics.map(\.description) == [
            "nb.md:1:1: warning: safe mode replaces the remote image 'https://example.org/p.png' by its description; "
                + "save the image next to the notebook and use a relative path",
        ])
    }

    /// Issue 16: Markdown links and autolinks with script URLs reached the page as live links.
    @Test(arguments: ["[click](javascript:alert(1))", "<javascript:alert(1)>", "[x](VBScript:x)", "[x](file:///etc/passwd)",
                      "[x](data:text/html,hi)", "[x](<java\tscript:x>)"])
    func scriptURLLinksAreWrittenWithoutTheLink(source: String) {
        let output = render("a " + source + "\n", safe: false)
        #expect(!output.html.contains("<a "), "\(output.html)")
        #expect(output.diagnostics.count == 1)
        #expect(output.diagnostics.first?.location == ParzenFormat.SourceLocation(line: 1, column: 3))
        #expect(output.diagnostics.first?.message.hasSuffix("is written as plain text: script URLs never become links") == true)
    }

    @Test func dataImagesStayImages() {
        let output = render("![dot](data:image/png;base64,iVBORw0KGgo=)\n", safe: true)
        #expect(output.html == "<p><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\" /></p>\n")
        #expect(output.diagnostics.isEmpty)
    }

    /// The default mode keeps raw HTML but says what it will run or fetch, where.
    @Test func defaultModeReportsRemoteResourcesAndScripts() {
        let source = """
            ![](http://example.org/a.png)

            <img src=http://example.org/b.png>
            <link rel=stylesheet href="https://example.org/c.css">
            <div style="background: url('http://example.org/d.png')" onclick="x()">d</div>

            """
        let output = render(source, safe: false)
        #expect(output.diagnostics.map { "\($0.location) \($0.message)" } == [
            "1:1 the image 'http://example.org/a.png' is loaded from the network when the page is opened",
            "3:6 raw HTML <img src> loads 'http://example.org/b.png' from the network when the page is opened",
            "4:22 raw HTML <link href> loads 'https://example.org/c.css' from the network when the page is opened",
            "5:6 raw HTML <div style> loads 'http://example.org/d.png' from the network when the page is opened",
            "5:58 raw HTML attribute 'onclick' on <div> runs script in the reader's browser",
        ])
        #expect(output.html.contains("<img src=http://example.org/b.png>"))
    }

    /// The corpus in headless Chromium: rendered in safe mode, no attempt marks the DOM; the
    /// same corpus rendered in the default mode does (so the check can see script running).
    @Test func noScriptRunsInChromium() async throws {
        guard let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first(where: FileManager.default.isExecutableFile) else {
            print("notice: chromium is not installed; skipping the browser check of safe mode")
            return
        }
        func dom(safe: Bool) async throws -> String {
            let body = InjectionCorpus.sources.map { render($0 + "\n", safe: safe).html }.joined(separator: "\n<hr>\n")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-safe-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let page = folder.appendingPathComponent("page.html")
            try "<!doctype html><html><head><meta charset=\"utf-8\"></head><body>\n\(body)\n</body></html>\n"
                .write(to: page, atomically: true, encoding: .utf8)
            return try await ExternalProcess.run(chromium, [
                "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder.path)/profile",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=3000", "--dump-dom", page.absoluteString,
            ]).output
        }
        let unsafe = try await dom(safe: false)
        guard unsafe.contains("</body>") else {
            print("notice: chromium did not render the page; skipping the browser check of safe mode")
            return
        }
        #expect(unsafe.contains(InjectionCorpus.marker), "the default mode should run some of the corpus")
        let safe = try await dom(safe: true)
        #expect(safe.contains("</body>"))
        #expect(!safe.contains(InjectionCorpus.marker))
    }
}
