import ParzenCitations
import Testing

/// BibTeX's name parts, with the examples of Patashnik's *BibTeXing* §4 and Markey's
/// *Tame the BeaST* §11 (what BibTeX's `{ff~}{vv~}{ll}{, jj}` prints for each).
@Suite struct PersonNameTests {
    private func name(_ tex: String) -> PersonName { PersonName.parse(tex)! }

    @Test func firstLast() {
        #expect(name("Emanuel Parzen") == PersonName(first: "Emanuel", last: "Parzen"))
        #expect(name("D. P. Kroese") == PersonName(first: "D. P.", last: "Kroese"))
        #expect(name("Parzen") == PersonName(last: "Parzen"))
    }

    @Test func lastCommaFirst() {
        #expect(name("Parzen, Emanuel") == PersonName(first: "Emanuel", last: "Parzen"))
        #expect(name("Brinch Hansen, Per") == PersonName(first: "Per", last: "Brinch Hansen"))
    }

    @Test func vonParts() {
        #expect(name("Ludwig van Beethoven") == PersonName(first: "Ludwig", von: "van", last: "Beethoven"))
        #expect(name("van der Vaart, Aad W.") == PersonName(first: "Aad W.", von: "van der", last: "Vaart"))
        #expect(name("Jean de la Fontaine") == PersonName(first: "Jean", von: "de la", last: "Fontaine"))
        #expect(name("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin")
            == PersonName(first: "Charles Louis Xavier Joseph", von: "de la", last: "Vallée Poussin"))
        // The last word is always Last, even in lowercase.
        #expect(name("jean de la fontaine") == PersonName(von: "jean de la", last: "fontaine"))
    }

    @Test func juniorNeedsTwoCommas() {
        #expect(name("King, Jr., Martin Luther") == PersonName(first: "Martin Luther", last: "King", jr: "Jr."))
        #expect(name("von Neumann, Jr., John") == PersonName(first: "John", von: "von", last: "Neumann", jr: "Jr."))
    }

    @Test func bracesMakeOneWordWithoutCase() {
        #expect(name("{Barnes and Noble}") == PersonName(last: "Barnes and Noble"))
        #expect(name("{World Health Organization}") == PersonName(last: "World Health Organization"))
        // "{von Last}" is not a von part: the braced word has no case.
        #expect(name("Johannes {von Goethe}") == PersonName(first: "Johannes", last: "von Goethe"))
    }

    @Test func specialCharactersTakeTheCaseOfTheirLetter() {
        #expect(name("{\\'E}mile Borel") == PersonName(first: "Émile", last: "Borel"))
        #expect(name("J{\\\"o}rg M{\\\"u}ller") == PersonName(first: "Jörg", last: "Müller"))
    }

    @Test func tiesSeparateWords() {
        #expect(name("Donald~E. Knuth") == PersonName(first: "Donald E.", last: "Knuth"))
    }

    @Test func andSeparatesNamesOutsideBraces() {
        let names = PersonName.list(from: "Botev, Z. I. and J. F. Grotowski AND Kroese, D. P. and {Barnes and Noble}")
        #expect(names.map(\.last) == ["Botev", "Grotowski", "Kroese", "Barnes and Noble"])
        #expect(PersonName.list(from: "Andrews, Anders and Sandy Anderson").map(\.last) == ["Andrews", "Anderson"])
    }

    @Test func andOthersMeansEtAl() {
        let names = PersonName.list(from: "Parzen, Emanuel and others")
        #expect(names.count == 2)
        #expect(names[1].isOthers)
    }
}
