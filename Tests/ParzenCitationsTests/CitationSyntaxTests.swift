import ParzenCitations
import ParzenFormat
import Testing

/// Citation syntax as pandoc's manual ("Citation syntax") and distill's `<d-cite>` define it.
@Suite struct CitationSyntaxTests {
    private func find(_ text: String) -> [Citation] { Citation.find(in: text) }

    /// The substring a UTF-8 range covers.
    private func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }

    @Test func bracketedKey() {
        let text = "As shown [@parzen1962]."
        let citations = find(text)
        #expect(citations.count == 1)
        #expect(citations[0].form == .parenthetical)
        #expect(citations[0].items.map(\.key) == ["parzen1962"])
        #expect(slice(text, citations[0].range) == "[@parzen1962]")
        #expect(slice(text, citations[0].items[0].keyRange) == "parzen1962")
    }

    @Test func pageLocator() {
        let item = find("[@parzen1962, p. 12]")[0].items[0]
        #expect(item.locator == Locator(.page, "12"))
        #expect(item.suffix == "")
    }

    @Test func bareNumberIsAPage() {
        #expect(find("[@a, 33]")[0].items[0].locator == Locator(.page, "33"))
        #expect(find("[@a, pp. 33-35, 40]")[0].items[0].locator == Locator(.page, "33-35, 40"))
    }

    @Test func prefixesLocatorsAndSeveralItems() {
        let items = find("[see @a; @b, chap. 2; also @c, sec. 3, for details]")[0].items
        #expect(items.map(\.key) == ["a", "b", "c"])
        #expect(items[0].prefix == "see")
        #expect(items[1].locator == Locator(.chapter, "2"))
        #expect(items[2].prefix == "also")
        #expect(items[2].locator == Locator(.section, "3"))
        #expect(items[2].suffix == ", for details")
    }

    @Test func suffixWithoutLocator() {
        let item = find("[@a and others]")[0].items[0]
        #expect(item.locator == nil)
        #expect(item.suffix == " and others")
    }

    @Test func suppressAuthor() {
        let item = find("Parzen says [-@parzen1962].")[0].items[0]
        #expect(item.suppressesAuthor)
        #expect(item.prefix == "")
    }

    @Test func narrativeKeyWithoutTrailingPunctuation() {
        let text = "As @parzen1962 showed, and @silverman1986."
        let citations = find(text)
        #expect(citations.map(\.form) == [.narrative, .narrative])
        #expect(citations.map { $0.items[0].key } == ["parzen1962", "silverman1986"])
        #expect(slice(text, citations[1].range) == "@silverman1986")
    }

    @Test func narrativeWithLocatorInBrackets() {
        let text = "@parzen1962 [p. 1070] proves it."
        let citation = find(text)[0]
        #expect(citation.form == .narrative)
        #expect(citation.items[0].locator == Locator(.page, "1070"))
        #expect(slice(text, citation.range) == "@parzen1962 [p. 1070]")
    }

    @Test func keysWithInternalPunctuationAndBraces() {
        #expect(find("[@doe:2020-a.b]")[0].items[0].key == "doe:2020-a.b")
        #expect(find("@{odd key}.")[0].items[0].key == "odd key")
        #expect(find("[@Müller2009]")[0].items[0].key == "Müller2009")
    }

    @Test func emailAddressesAndEscapedSignsAreNotCitations() {
        #expect(find("Write to jane@example.org today.").isEmpty)
        #expect(find("[text with no key]").isEmpty)
        #expect(find("\\@notacitation").isEmpty)
    }

    /// As in pandoc: brackets that are a link, or hold an item without a key, are not a
    /// bracketed citation, but a key inside them is still a narrative one.
    @Test func bracketsThatAreNotCitationsLeaveNarrativeKeys() {
        #expect(find("[@parzen1962](https://example.org)").map(\.form) == [.narrative])
        #expect(find("[@a; no key here]").map(\.form) == [.narrative])
    }

    @Test func offsetsCountUTF8Bytes() {
        let text = "Größe [@a] und @b"
        let citations = find(text)
        #expect(citations.map(\.range) == [8..<12, 17..<19])
        #expect(citations[1].items[0].keyRange == 18..<19)
    }

    @Test func distillCite() {
        let text = #"Known <d-cite key="parzen1962, silverman1986"></d-cite> results."#
        let citation = find(text)[0]
        #expect(citation.syntax == .distill)
        #expect(citation.form == .parenthetical)
        #expect(citation.items.map(\.key) == ["parzen1962", "silverman1986"])
        #expect(slice(text, citation.range) == #"<d-cite key="parzen1962, silverman1986"></d-cite>"#)
        #expect(slice(text, citation.items[1].keyRange) == "silverman1986")
    }

    @Test func distillOpeningTagAlone() {
        // cmark splits `<d-cite …>` and `</d-cite>` into separate raw-HTML inlines.
        let text = "<d-cite key='a'>"
        let citation = find(text)[0]
        #expect(citation.items.map(\.key) == ["a"])
        #expect(citation.range == 0..<text.utf8.count)
    }

    // MARK: Unknown keys

    private static let database = parseBib("@misc{parzen1962, title = {T}} @misc{silverman1986, title = {S}}").0

    @Test func unknownKeyIsAnErrorWithDidYouMean() {
        let problems = find("[@parzen1926]")[0].unknownKeys(in: Self.database)
        #expect(problems.count == 1)
        #expect(problems[0].keyRange == 2..<12)
        let diagnostic = problems[0].diagnostic(file: "post.md", at: SourceLocation(line: 3, column: 9))
        #expect(diagnostic.description
            == "post.md:3:9: error: unknown citation key 'parzen1926'; did you mean 'parzen1962'?")
    }

    @Test func unknownKeyWithoutACloseOne() {
        let problem = find(#"<d-cite key="nothing"></d-cite>"#)[0].unknownKeys(in: Self.database)[0]
        #expect(problem.diagnostic(file: "p.md", at: SourceLocation(line: 1, column: 14)).description
            == "p.md:1:14: error: unknown citation key 'nothing'; "
                + "add an entry with this key to the .bib file, or correct the key")
    }

    @Test func unknownNarrativeKeyIsOnlyAWarning() {
        let problem = find("follow @parzenbot")[0].unknownKeys(in: Self.database)[0]
        #expect(problem.diagnostic(file: "p.md", at: SourceLocation(line: 1, column: 8)).severity == .warning)
    }
}
