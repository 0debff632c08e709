import ParzenCitations
import Testing

/// In-text citations and reference entries in the typed model, default style (author–year,
/// "et al." from three authors) and numeric. The author–year forms are those of pandoc's
/// Chicago author-date output (see ``CiteprocComparisonTests`` for the full comparison).
@Suite struct CitationFormatTests {
    static let database = parseBib("""
        @article{parzen1962, author = {Parzen, Emanuel},
          title = {On Estimation of a Probability Density Function and Mode},
          journal = {The Annals of Mathematical Statistics}, year = 1962, volume = 33, number = 3, pages = {1065--1076},
          doi = {10.1214/aoms/1177704472}}
        @book{silverman1986a, author = {Silverman, B. W.},
          title = {Density Estimation for Statistics and Data Analysis},
          publisher = {Chapman \\& Hall}, address = {London}, year = 1986}
        @article{silverman1986b, author = {Silverman, B. W.}, title = {A Fast and Efficient Cross-Validation Method},
          journal = {Journal}, year = 1986, url = {https://example.org/cv}}
        @book{scott1992, author = {Scott, David W.}, title = {Multivariate Density Estimation},
          publisher = {Wiley}, year = 1992}
        @article{botev2010, author = {Botev, Z. I. and Grotowski, J. F. and Kroese, D. P.}, title = {Kernel density
          estimation via diffusion}, journal = {The Annals of Statistics}, year = 2010}
        @article{math2020, author = {Doe, Jane and Roe, Richard}, title = {The $L^2$ risk of {KDE}},
          journal = {J}, year = 2020}
        """).0

    private func render(_ text: String, style: CitationStyle = .authorYear) -> [String] {
        let citations = Citation.find(in: text)
        let processor = CitationProcessor(database: Self.database, style: style, citations: citations)
        return citations.map { CitationInline.plainText(processor.format($0)) }
    }

    @Test func authorYearForms() {
        #expect(render("[@parzen1962] @parzen1962 [@parzen1962, p. 12] [-@parzen1962] [@scott1992; @parzen1962]") == [
            "(Parzen 1962)", "Parzen (1962)", "(Parzen 1962, 12)", "(1962)", "(Scott 1992; Parzen 1962)",
        ])
    }

    @Test func pageRangesInLocatorsAreAbbreviated() {
        #expect(render("[@parzen1962, pp. 1065-1070] [see @scott1992, ch. 4]") == [
            "(Parzen 1962, 1065–70)", "(see Scott 1992, ch. 4)",
        ])
    }

    @Test func threeAuthorsAreEtAlByDefaultFourInChicago() {
        #expect(render("[@botev2010] @botev2010") == ["(Botev et al. 2010)", "Botev et al. (2010)"])
        #expect(render("[@botev2010]", style: .chicagoAuthorDate) == ["(Botev, Grotowski, and Kroese 2010)"])
    }

    @Test func sameAuthorSameYearIsDisambiguatedInReferenceOrder() {
        // "A Fast…" sorts before "Density…", so the article is 1986a.
        #expect(render("[@silverman1986a] [@silverman1986b] [@silverman1986a; @silverman1986b]") == [
            "(Silverman 1986b)", "(Silverman 1986a)", "(Silverman 1986b, 1986a)",
        ])
    }

    @Test func citationsLinkToTheirEntries() {
        let citation = Citation.find(in: "[@parzen1962; @scott1992, p. 3]")[0]
        let processor = CitationProcessor(database: Self.database, citations: [citation])
        #expect(processor.format(citation) == [
            .text("("), .reference(key: "parzen1962", [.text("Parzen 1962")]), .text("; "),
            .reference(key: "scott1992", [.text("Scott 1992, 3")]), .text(")"),
        ])
    }

    @Test func referenceEntriesAreTypedWithLinksAndEmphasis() {
        let citations = Citation.find(in: "[@parzen1962] [@silverman1986a]")
        let processor = CitationProcessor(database: Self.database, citations: citations)
        #expect(processor.references.map(\.key) == ["parzen1962", "silverman1986a"])
        #expect(processor.references[0].content == [
            .text("Parzen, Emanuel. 1962. “On Estimation of a Probability Density Function and Mode.” "),
            .emphasis([.text("The Annals of Mathematical Statistics")]), .text(" 33 (3): 1065–76. "),
            .link(url: "https://doi.org/10.1214/aoms/1177704472", [.text("https://doi.org/10.1214/aoms/1177704472")]),
            .text("."),
        ])
        #expect(processor.references[1].content == [
            .text("Silverman, B. W. 1986. "), .emphasis([.text("Density Estimation for Statistics and Data Analysis")]),
            .text(". London: Chapman & Hall."),
        ])
        #expect(processor.references.allSatisfy { $0.label == nil })
    }

    @Test func urlsAreLinksWhenThereIsNoDOI() {
        let processor = CitationProcessor(database: Self.database, citations: Citation.find(in: "[@silverman1986b]"))
        #expect(processor.references[0].content.last(where: { if case .link = $0 { true } else { false } })
            == .link(url: "https://example.org/cv", [.text("https://example.org/cv")]))
    }

    @Test func mathInTitlesIsATeXSpanAndProtectedWordsKeepTheirCase() {
        let processor = CitationProcessor(database: Self.database, citations: Citation.find(in: "[@math2020]"))
        #expect(processor.references[0].content.prefix(3) == [
            .text("Doe, Jane, and Richard Roe. 2020. “The "), .tex("L^2"), .text(" Risk of KDE.” "),
        ])
    }

    @Test func unlistedWorksAreLeftOut() {
        let processor = CitationProcessor(database: Self.database, citations: Citation.find(in: "[@scott1992]"))
        #expect(processor.references.map(\.key) == ["scott1992"])
    }

    @Test func unknownKeysPrintAsWritten() {
        #expect(render("[@nobody; @scott1992] @nobody") == ["(?nobody; Scott 1992)", "@nobody"])
    }

    // MARK: Numeric

    @Test func numericNumbersInOrderOfFirstCitation() {
        let text = "[@scott1992] [@parzen1962; @scott1992] [@botev2010, p. 7] @parzen1962 "
            + "[@silverman1986a; @parzen1962; @scott1992; @botev2010]"
        #expect(render(text, style: .numeric) == ["[1]", "[1, 2]", "[3, p. 7]", "Parzen [2]", "[1–4]"])
        let processor = CitationProcessor(database: Self.database, style: .numeric, citations: Citation.find(in: text))
        #expect(processor.references.map(\.key) == ["scott1992", "parzen1962", "botev2010", "silverman1986a"])
        #expect(processor.references.map(\.label) == ["1", "2", "3", "4"])
    }

    @Test func numericCitationLinksToItsEntry() {
        let citation = Citation.find(in: "[@parzen1962]")[0]
        let processor = CitationProcessor(database: Self.database, style: .numeric, citations: [citation])
        #expect(processor.format(citation) == [.text("["), .reference(key: "parzen1962", [.text("1")]), .text("]")])
    }

    @Test func styleNamesForFrontMatter() {
        #expect(CitationStyle(named: "numeric") == .numeric)
        #expect(CitationStyle(named: "author-year") == .authorYear)
        #expect(CitationStyle(named: "harvard") == nil)
        #expect(CitationStyle.names == ["author-year", "numeric"])
    }
}

/// Disambiguation by names (the pandoc comparison covers "P. Hall"/"J. A. Hall" and
/// "Fox, Lee, et al."/"Fox, Wu, et al."); here the default style's three-author "et al.".
@Suite struct NameDisambiguationTests {
    static let database = parseBib("""
        @book{a, author = {Sartre, Jean-Paul}, title = {A}, publisher = {P}, year = 1943}
        @book{b, author = {Sartre, Anne}, title = {B}, publisher = {P}, year = 1950}
        @book{c, author = {Ng, A. and Lee, B. and Park, C.}, title = {C}, publisher = {P}, year = 2019}
        @book{d, author = {Ng, A. and Wu, B. and Park, C.}, title = {D}, publisher = {P}, year = 2019}
        """).0

    @Test func initialsAndAddedNames() {
        let citations = Citation.find(in: "[@a; @b] [@c; @d]")
        let processor = CitationProcessor(database: Self.database, citations: citations)
        #expect(citations.map { CitationInline.plainText(processor.format($0)) } == [
            "(J.-P. Sartre 1943; A. Sartre 1950)", "(Ng, Lee, et al. 2019; Ng, Wu, et al. 2019)",
        ])
    }
}
