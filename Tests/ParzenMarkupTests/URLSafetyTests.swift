import Testing
@testable import ParzenMarkup

/// URLs judged as browsers read them (WHATWG URL parsing: blanks and controls around the URL
/// ignored, tabs and line breaks inside removed, schemes case-insensitive).
struct URLSafetyTests {
    @Test(arguments: ["javascript:alert(1)", "JaVaScRiPt:x", " \u{1}javascript:x", "java\tscript:x", "java\nscript:x",
                      "vbscript:x", "file:///etc/passwd", "data:text/html,<b>", "DATA:image/svg+xml,<svg>"])
    func scriptURLs(url: String) {
        #expect(URLSafety.runsScript(url))
        #expect(!URLSafety.isSafeLink(url))
        #expect(!URLSafety.isSafeImage(url))
    }

    @Test(arguments: ["data:image/png;base64,AA", "data:image/gif,x", "data:image/jpeg,x", "data:image/webp,x"])
    func cmarksDataImagesAreNotScript(url: String) {
        #expect(!URLSafety.runsScript(url))
        #expect(URLSafety.isSafeImage(url))
    }

    @Test func relativeURLsHaveNoScheme() {
        for url in ["a.html", "#eq-1", "../x/y.png", "a:b/c", "./javascript:x", "?q=javascript:x"] where url != "a:b/c" {
            #expect(URLSafety.scheme(of: url) == nil, "\(url)")
        }
        #expect(URLSafety.scheme(of: "a:b/c") == "a")
    }

    @Test func remoteURLs() {
        for url in ["http://x", "HTTPS://x", "//x/y.png", "\\\\x/y", "ftp://x", " https://x"] {
            #expect(URLSafety.isRemote(url), "\(url)")
        }
        for url in ["a.png", "/a.png", "#x", "data:image/png,x"] {
            #expect(!URLSafety.isRemote(url), "\(url)")
        }
    }

    @Test func safeLinks() {
        #expect(["https://x", "http://x", "mailto:a@b", "a.html", "#x"].allSatisfy(URLSafety.isSafeLink))
        #expect(!["ftp://x", "tel:1", "javascript:x"].contains(where: URLSafety.isSafeLink))
    }
}
