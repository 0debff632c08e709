import Foundation
import ParzenCitations
import Testing

/// `notebooks/references.bib`, the works the bundled tutorial cites: it reads cleanly, holds
/// the bibliographic data checked against the articles, and formats as pandoc formats it.
@Suite struct TutorialReferencesTests {
    static let (database, problems) = BibDatabase.parse(
        try! String(contentsOfFile: Fixture.repositoryRoot + "/notebooks/references.bib", encoding: .utf8),
        file: "notebooks/references.bib")

    @Test func readsWithoutProblems() {
        #expect(Self.problems.isEmpty)
        #expect(Self.database.keys
            == ["parzen1962", "silverman1986", "scott1992", "botev2010", "tipping1999", "kullback1951"])
    }

    /// Volume, issue, pages and DOI of each article, as printed on its first page.
    @Test(arguments: [
        ("parzen1962", "33", "3", "1065–1076", "10.1214/aoms/1177704472"),
        ("botev2010", "38", "5", "2916–2957", "10.1214/10-AOS799"),
        ("tipping1999", "61", "3", "611–622", "10.1111/1467-9868.00196"),
        ("kullback1951", "22", "1", "79–86", "10.1214/aoms/1177729694"),
    ])
    func articleData(key: String, volume: String, number: String, pages: String, doi: String) {
        #expect(Self.database.plain(key, "volume") == volume)
        #expect(Self.database.plain(key, "number") == number)
        #expect(Self.database.plain(key, "pages") == pages)
        #expect(Self.database.plain(key, "doi") == doi)
    }

    @Test func booksNameTheirPublishers() {
        #expect(Self.database.plain("silverman1986", "publisher") == "Chapman & Hall")
        #expect(Self.database.plain("scott1992", "publisher") == "Wiley")
        #expect(Self.database.plain("silverman1986", "year") == "1986")
        #expect(Self.database.plain("scott1992", "year") == "1992")
    }

    @Test func formatsAsPandocDoes() {
        let expected = Fixture.text("citeproc-tutorial", "txt").split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("#") }
        let processor = CitationProcessor(
            database: Self.database, style: .chicagoAuthorDate, citations: [], nocite: ["*"])
        #expect(processor.references.map { CitationInline.plainText($0.content) } == expected)
    }

    @Test func inTextFormsOfTheTutorialsWorks() {
        let text = "[@parzen1962] [@botev2010] [@tipping1999] [@kullback1951; @silverman1986, p. 48]"
        let citations = Citation.find(in: text)
        let processor = CitationProcessor(database: Self.database, citations: citations)
        #expect(citations.map { CitationInline.plainText(processor.format($0)) } == [
            "(Parzen 1962)", "(Botev et al. 2010)", "(Tipping and Bishop 1999)",
            "(Kullback and Leibler 1951; Silverman 1986, 48)",
        ])
    }
}
