import ParzenTestSupport
import Testing
@testable import ParzenFormat

@Suite struct FrontMatterTests {
    func parse(_ text: String) -> (FrontMatter, [Diagnostic], FrontMatterParser.Split) {
        let (split, splitDiagnostics) = FrontMatterParser.split(text, file: "nb.md")
        let (frontMatter, diagnostics) = FrontMatterParser.parse(split, file: "nb.md")
        return (frontMatter, splitDiagnostics + diagnostics, split)
    }

    @Test func readsKnownKeysAndBodyLine() {
        let (fm, diagnostics, split) = parse("""
        ---
        title: Kernels
        description: Smoothing the empirical distribution.
        authors:
          - Ada
          - name: Roy Friedman
            affiliations:
              name: Hebrew University
        date: 2024-06-01
        seed: 42
        math:
          macros:
            R: "\\\\mathbb{R}"
        series: {name: Generative models, order: 2}
        next: {href: a-linear-model.md, title: A Linear Model}
        ---
        # Body
        """)
        #expect(diagnostics.isEmpty)
        #expect(fm.title == "Kernels")
        #expect(fm.description == "Smoothing the empirical distribution.")
        #expect(fm.authors == [Author(name: "Ada"), Author(name: "Roy Friedman", affiliations: ["Hebrew University"])])
        #expect(fm.date == "2024-06-01")
        #expect(fm.seed == 42)
        #expect(fm.mathMacros == ["R": "\\mathbb{R}"])
        #expect(fm.series == Series(name: "Generative models", order: 2))
        #expect(fm.next == PageLink(target: "a-linear-model.md", title: "A Linear Model"))
        #expect(fm.compatibility == .standard)
        #expect(split.bodyFirstLine == 17)
        #expect(split.body == "# Body")
    }

    @Test func noFrontMatterMeansWholeFileIsBody() {
        let (fm, diagnostics, split) = parse("# Title\n\ntext\n")
        #expect(diagnostics.isEmpty)
        #expect(fm.title == nil)
        #expect(split.bodyFirstLine == 1)
        #expect(split.body == "# Title\n\ntext\n")
    }

    @Test func unknownKeysAreKeptAndJekyllIsDetectedFromLayout() {
        let (fm, diagnostics, _) = parse("---\nlayout: distill\ntoc:\n  - name: Intro\nbibliography: refs.bib\n---\n")
        #expect(diagnostics.isEmpty)
        #expect(fm.otherKeys.map(\.key) == ["layout", "toc"])
        #expect(fm.bibliography == [LocatedText("refs.bib", at: SourceLocation(line: 5, column: 15))])
        #expect(fm.compatibility == .jekyll)
    }

    @Test func explicitCompatOverridesDetection() {
        let (fm, _, _) = parse("---\nlayout: post\ncompat: standard\n---\n")
        #expect(fm.compatibility == .standard)
    }

    @Test func emptyDescriptionCountsAsAbsent() {
        let (fm, diagnostics, _) = parse("---\ntitle: T\ndescription: \n---\n")
        #expect(diagnostics.isEmpty)
        #expect(fm.description == nil)
    }

    func checkJekyllFrontMatter(_ post: JekyllPost) throws {
        let (fm, diagnostics, split) = parse(try post.text)
        #expect(diagnostics.isEmpty)
        #expect(fm.title == post.title)
        #expect(fm.authors == [Author(name: post.author, affiliations: [post.affiliation])])
        #expect(fm.compatibility == .jekyll)
        #expect(split.bodyFirstLine == post.bodyFirstLine)
    }

    @Test func ourPostsFrontMatterReadsCleanly() throws {
        try checkJekyllFrontMatter(.own)
    }

    @Test(.requiresSharedFolder) func theSeedPostsFrontMatterReadsCleanly() throws {
        try checkJekyllFrontMatter(.seed)
    }
}

/// Bad front matter: each case names the expected message and its exact position.
@Suite struct FrontMatterDiagnosticTests {
    func diagnostics(_ text: String) -> [String] {
        let (split, splitDiagnostics) = FrontMatterParser.split(text, file: "nb.md")
        let (_, diagnostics) = FrontMatterParser.parse(split, file: "nb.md")
        return (splitDiagnostics + diagnostics).map(\.description)
    }

    @Test func misspeltKnownKeyGetsDidYouMean() {
        #expect(diagnostics("---\ntitle: T\nauthrs: [Ada]\n---\n") ==
                ["nb.md:3:1: warning: unknown front-matter key 'authrs' is ignored; did you mean 'authors'?"])
    }

    @Test func unterminatedFrontMatter() {
        #expect(diagnostics("---\ntitle: T\n# Body\n") ==
                ["nb.md:1:1: error: front matter starts with '---' but never ends; add a line '---' after the last front-matter key"])
    }

    @Test func seedMustBeAWholeNumber() {
        #expect(diagnostics("---\nseed: forty-two\n---\n") ==
                ["nb.md:2:7: error: front-matter key 'seed' expects a non-negative whole number, found the text 'forty-two'; write e.g. seed: 42"])
    }

    @Test func titleMustBeText() {
        #expect(diagnostics("---\ntitle:\n  - a\n  - b\n---\n") ==
                ["nb.md:3:3: error: front-matter key 'title' expects text, found a list; "
                    + "write e.g. title: Kernel density estimates"])
    }

    /// The unclosed list is found at the end of the front matter's YAML: just after "[Ada"
    /// (13 scalars) on line 3, not on the closing `---`, which is not YAML.
    @Test func invalidYAMLPointsAtTheLine() {
        let messages = diagnostics("---\ntitle: T\nauthors: [Ada\n---\n")
        #expect(messages.count == 1)
        #expect(messages[0].hasPrefix("nb.md:3:14: error: invalid YAML"))
    }

    @Test func duplicateKey() {
        #expect(diagnostics("---\ntitle: A\ntitle: B\n---\n") ==
                ["nb.md:3:1: error: duplicate key 'title' (first given at line 2); remove one of the two"])
    }

    @Test func unknownCompatMode() {
        #expect(diagnostics("---\ncompat: jeckyll\n---\n") ==
                ["nb.md:2:9: error: front-matter key 'compat' expects one of standard, jekyll, found the text 'jeckyll'; did you mean 'jekyll'?"])
    }

    @Test func seriesOrderMustBePositive() {
        #expect(diagnostics("---\nseries: {name: S, order: 0}\n---\n") ==
                ["nb.md:2:26: error: front-matter key 'series.order' expects a whole number ≥ 1, found the number 0; "
                    + "write e.g. order: 1"])
    }

    @Test func frontMatterMustBeAMapping() {
        #expect(diagnostics("---\n- a\n- b\n---\n") ==
                ["nb.md:2:1: error: front matter must be a mapping of keys to values, found a list; write it as 'title: My notebook' lines"])
    }

    /// Issue 16: "\r\n" is one Character, so splitting on Characters saw one line and
    /// silently ignored the front matter of every CRLF file.
    @Test func frontMatterInACRLFFileIsRead() {
        let (split, _) = FrontMatterParser.split("---\r\ntitle: Kernels\r\nseed: 7\r\n---\r\n# Body\r\n", file: "nb.md")
        let (frontMatter, _) = FrontMatterParser.parse(split, file: "nb.md")
        #expect(diagnostics("---\r\ntitle: Kernels\r\nseed: 7\r\n---\r\n# Body\r\n").isEmpty)
        #expect(frontMatter.title == "Kernels")
        #expect(frontMatter.seed == 7)
        #expect(split.body == "# Body\r\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func duplicateKeyInACRLFFileIsLocated() {
        #expect(diagnostics("---\r\ntitle: A\r\ntitle: B\r\n---\r\n") ==
                ["nb.md:3:1: error: duplicate key 'title' (first given at line 2); remove one of the two"])
    }
}
