import Testing
@testable import ParzenMarkup

/// The allow-list rebuild and the default-mode audit, one fragment each.
struct HTMLSanitizerTests {
    private func sanitized(_ html: String) -> String { HTMLSanitizer.sanitize(html).html }

    @Test func tagsAreRebuiltWithQuotedEscapedValues() {
        #expect(sanitized("<A HREF=page.html TITLE='a \"b\"'>x</A>") == "<a href=\"page.html\" title=\"a &quot;b&quot;\">x</a>")
        #expect(sanitized("<br/>") == "<br />")
        #expect(sanitized("<details open>") == "<details open>")
    }

    @Test func textKeepsEveryLessThanEscaped() {
        #expect(sanitized("a < b <3 <script>x</script>") == "a &lt; b &lt;3 x")
    }

    @Test func characterReferencesAreDecodedBeforeJudging() {
        let (html, removed) = HTMLSanitizer.sanitize("<a href=\"&#106;avascript&colon;x\">y</a>")
        #expect(html == "<a>y</a>")
        #expect(removed.map(\.offset) == [3])
        // An unknown reference stays literal, and is written back escaped, so the browser
        // sees exactly the text that was judged.
        #expect(sanitized("<a href=\"a&foo;b\">y</a>") == "<a href=\"a&amp;foo;b\">y</a>")
    }

    @Test func commentsAndUnfinishedTagsAreRemoved() {
        #expect(sanitized("a<!-- <img onerror=x> -->b") == "ab")
        #expect(sanitized("a<!-->b") == "ab")
        #expect(sanitized("a<img src=x onerror=\"y") == "a")
    }

    @Test func stylesThatCanLoadAreRemoved() {
        #expect(sanitized("<span style=\"color: red\">x</span>") == "<span style=\"color: red\">x</span>")
        for style in ["background:url(x.png)", "b\\61 ckground: red", "x: expression(y)", "@import 'a'", "a/**/b"] {
            #expect(sanitized("<span style=\"\(style)\">x</span>") == "<span>x</span>", "\(style)")
        }
    }

    @Test func auditNamesScriptAndRemoteLoads() {
        let findings = HTMLSanitizer.audit("<img src=\"https://x/a.png\" onload=\"f()\"><a href=\"http://x\">ok</a>")
        #expect(findings.map(\.offset) == [5, 27])
        #expect(findings[0].message == "raw HTML <img src> loads 'https://x/a.png' from the network when the page is opened")
        #expect(findings[1].message == "raw HTML attribute 'onload' on <img> runs script in the reader's browser")
    }
}
