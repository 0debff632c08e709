import Testing
@testable import ParzenHTML

/// Slugs stay unique and in document order, in time linear in the number of headings.
struct HeadingSluggerTests {
    /// 20k identical headings (issue 16: 27 s before the per-base counter).
    @Test func twentyThousandIdenticalHeadingsGetConsecutiveSuffixes() {
        var slugger = HeadingSlugger()
        let slugs = (0..<20_000).map { _ in slugger.slug(for: "Setup") }
        #expect(slugs.first == "setup")
        #expect(slugs[1] == "setup-1")
        #expect(slugs.last == "setup-19999")
        #expect(Set(slugs).count == slugs.count)
    }

    /// An author's own `Setup 1`… takes `setup-1`; the repeated `Setup` skips it.
    @Test func suffixTakenByAnAuthorsHeadingIsSkipped() {
        var slugger = HeadingSlugger()
        let slugs = ["Setup", "setup-1", "Setup", "Setup", "setup-1"].map { slugger.slug(for: $0) }
        #expect(slugs == ["setup", "setup-1", "setup-2", "setup-3", "setup-1-1"])
    }
}
