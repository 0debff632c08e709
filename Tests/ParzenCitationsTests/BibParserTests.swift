import ParzenCitations
import ParzenFormat
import Testing

/// BibTeX's syntax, as Patashnik's *BibTeXing* (1988) and Markey's *Tame the BeaST* describe it.
@Suite struct BibParserTests {
    @Test func bracesQuotesNumbersAndMacrosAreValues() {
        let (db, problems) = parseBib("""
            @string{ams = "American Mathematical Society"}
            @article{a, title = {Braced}, journal = "Quoted", year = 1962, publisher = ams}
            """)
        #expect(problems.isEmpty)
        #expect(db.plain("a", "title") == "Braced")
        #expect(db.plain("a", "journal") == "Quoted")
        #expect(db.plain("a", "year") == "1962")
        #expect(db.plain("a", "publisher") == "American Mathematical Society")
    }

    @Test func concatenationJoinsMacrosAndLiterals() {
        let (db, problems) = parseBib("""
            @string{first = "Annals of "}
            @STRING(second = {Statistics})
            @misc{a, title = first # second # " and " # {Probability}, note = "Vol. " # 3}
            """)
        #expect(problems.isEmpty)
        #expect(db.plain("a", "title") == "Annals of Statistics and Probability")
        #expect(db.plain("a", "note") == "Vol. 3")
    }

    @Test func monthMacrosArePredefined() {
        let (db, _) = parseBib(#"@misc{a, month = sep} @misc{b, month = jan # "~1"}"#)
        #expect(db.plain("a", "month") == "September")
        #expect(db.plain("b", "month") == "January\u{00A0}1")
    }

    @Test func commentsAndPreamblesAreNotEntries() {
        let (db, problems) = parseBib("""
            Text outside entries is a comment, even with an address like me at example.org.
            @comment{ @article{hidden, title = {no}} }
            @preamble{ "\\newcommand{\\noop}[1]{}" }
            @misc{shown, title = {Yes}}
            """)
        #expect(problems.isEmpty)
        #expect(db.keys == ["shown"])
        #expect(db.preambles == ["\\newcommand{\\noop}[1]{}"])
    }

    @Test func parenthesesDelimitEntriesToo() {
        let (db, problems) = parseBib("@Book(knuth84, author = {Knuth, Donald E.}, title = {The {\\TeX}book})")
        #expect(problems.isEmpty)
        #expect(db.entry(forKey: "knuth84")?.type == "book")
        #expect(db.plain("knuth84", "title") == "The TeXbook")
    }

    @Test func nestedBracesAndQuotesInsideBraces() {
        let (db, problems) = parseBib(#"@misc{a, title = "A {"}quoted{"} {word {inside}}", note = {x "y" z}}"#)
        #expect(problems.isEmpty)
        #expect(db.plain("a", "title") == #"A "quoted" word inside"#)
        #expect(db.entry(forKey: "a")?["title"]?.text == [
            .text("A "), .protected([.text("\"")]), .text("quoted"), .protected([.text("\"")]), .text(" "),
            .protected([.text("word "), .protected([.text("inside")])]),
        ])
        #expect(db.plain("a", "note") == "x \"y\" z")
    }

    @Test func fieldNamesAndTypesIgnoreCaseKeysDoNot() {
        let (db, _) = parseBib("@ARTICLE{Key:2020-a, TiTLe = {x}}")
        #expect(db.entry(forKey: "Key:2020-a")?.type == "article")
        #expect(db.entry(forKey: "Key:2020-a")?["title"]?.plainText == "x")
        #expect(db.entry(forKey: "key:2020-a") == nil)
    }

    @Test func urlsAndDOIsAreVerbatim() {
        let (db, _) = parseBib(#"@misc{a, url = {https://example.org/a_b--c~d\_e}, doi = {10.1000/x--y}}"#)
        #expect(db.plain("a", "url") == "https://example.org/a_b--c~d_e")
        #expect(db.plain("a", "doi") == "10.1000/x--y")
    }

    @Test func locationsPointAtEntriesKeysAndValues() {
        let (db, _) = parseBib("\n  @article{k,\n    title = {T},\n  year = 2000}")
        let entry = db.entry(forKey: "k")!
        #expect(entry.location == SourceLocation(line: 2, column: 3))
        #expect(entry.keyLocation == SourceLocation(line: 2, column: 12))
        #expect(entry["title"]?.location == SourceLocation(line: 3, column: 13))
        #expect(entry["year"]?.location == SourceLocation(line: 4, column: 10))
    }

    // MARK: Errors

    /// Each mistake, the message at its line and column, and the fix (full text, as printed).
    @Test(arguments: [
        ("@misc{a, title = {Gödel}, x = }",
         "refs.bib:1:31: error: expected a value for 'x', found '}'; write the value in braces: 'x = {…}'"),
        ("@article{a,\n  title {Oops},\n}",
         "refs.bib:2:9: error: expected '=' after field name 'title'; write 'title = {…}'"),
        ("@article{a,\n  title = {A}\n  year = 2000\n}",
         "refs.bib:3:3: error: expected ',' or '}' after the value of 'title' in entry 'a'; "
             + "add a comma between fields"),
        ("@article{a, title = \"Open,\n}\n@misc{b}",
         "refs.bib:1:21: error: unclosed '\"' in the value of 'title'; add the closing '\"'; "
             + "a '\"' inside a quoted value goes in braces: {\"}"),
        ("@string{aoms = {Ann. Math. Statist.}}\n@article{a, journal = aosm}",
         "refs.bib:2:23: error: undefined @string macro 'aosm' in the value of 'journal'; did you mean 'aoms'?"),
        ("@article{a, journal = Nature}",
         "refs.bib:1:23: error: undefined @string macro 'Nature' in the value of 'journal'; "
             + "define it first with '@string{Nature = {…}}', or write the value in braces"),
        ("@article{, title = {x}}",
         "refs.bib:1:10: error: entry '@article' has no citation key; "
             + "write '@article{key, …}' with a key such as 'parzen1962'"),
        ("@ {x}",
         "refs.bib:1:1: error: '@' not followed by an entry type; write '@article{key, …}' (or another type); "
             + "a literal @ outside entries needs a space after it"),
        ("@misc{k, title = {A},\n title = {B}}",
         "refs.bib:2:2: error: field 'title' appears twice in entry 'k'; "
             + "keep one of them (the first, at line 1, is used)"),
        ("@artcle{k, title = {A}}", "refs.bib:1:1: warning: unknown entry type '@artcle'; did you mean 'article'?"),
        ("@misc{k, title = {A \\foo{} b}}",
         "refs.bib:1:18: warning: unknown TeX command '\\foo' in field 'title' of entry 'k'; "
             + "it is printed as written; write the character itself (Unicode) instead"),
        ("@misc{k, title = {A}\n@misc{j, title = {B}}",
         "refs.bib:2:1: error: entry 'k' is not closed before the next entry; end it with '}'"),
    ])
    func mistakesAreReportedWhereTheyAreWithAFix(source: String, message: String) {
        #expect(parseBib(source).1 == [message])
    }

    @Test func unclosedBraceIsReportedWhereItOpensAndTheNextEntryStillReads() {
        let source = "@article{a,\n  title = {Unclosed,\n  year = 2000,\n}\n\n@book{b, title = {Fine}}"
        let (db, problems) = parseBib(source)
        #expect(problems == [
            "refs.bib:2:11: error: unclosed '{' in the value of 'title'; "
                + "add the missing '}' (braces inside a value must balance)",
        ])
        #expect(db.keys == ["b"])
    }

    @Test func duplicateKeysAreErrorsAndTheFirstEntryWins() {
        let (db, problems) = parseBib("@misc{k, title = {First}}\n@misc{K, title = {Second}}")
        #expect(problems == [
            "refs.bib:2:7: error: duplicate citation key 'K' (first defined at line 1); "
                + "rename one of the entries; the first one is used",
        ])
        #expect(db.plain("k", "title") == "First")
        #expect(db.entry(forKey: "K") == nil)
    }

    @Test func duplicateKeysAcrossFilesNameTheOtherFile() {
        let files = [("a.bib", "@misc{k, title = {A}}"), ("b.bib", "\n@misc{k, title = {B}}")]
        #expect(BibDatabase.parse(files: files).diagnostics.map(\.description) == [
            "b.bib:2:7: error: duplicate citation key 'k' (first defined at a.bib:1); "
                + "rename one of the entries; the first one is used",
        ])
    }

    @Test func repeatedFieldKeepsTheFirstAndUnknownCommandsStayAsWritten() {
        #expect(parseBib("@misc{k, title = {A},\n title = {B}}").0.plain("k", "title") == "A")
        #expect(parseBib("@misc{k, title = {A \\foo{} b}}").0.plain("k", "title") == "A \\foo b")
    }

    /// Every entry of the committed edge-case file reads without a problem, with every type.
    @Test func edgeCaseFileReadsCleanly() {
        let (db, problems) = parseBib(Fixture.text("edge-cases", "bib"), file: "edge-cases.bib")
        #expect(problems.isEmpty)
        #expect(db.entries.count == 41)
        #expect(Set(db.entries.map(\.type)) == [
            "article", "book", "incollection", "inproceedings", "conference", "proceedings", "inbook", "phdthesis",
            "mastersthesis", "techreport", "manual", "misc", "unpublished", "booklet", "online", "report",
        ])
    }

    /// The syntax-only file: forms pandoc rejects but BibTeX accepts.
    @Test func syntaxFileReadsAsBibTeXDoes() {
        let (db, problems) = parseBib(Fixture.text("syntax", "bib"), file: "syntax.bib")
        #expect(problems.isEmpty)
        #expect(db.keys == ["paren", "concat", "numbers", "empty", "unicode-ключ"])
        #expect(db.plain("paren", "journal") == "Journal of the American Statistical Association")
        #expect(db.plain("concat", "title") == "Part one, part two and part three")
        #expect(db.plain("numbers", "volume") == "12")
        #expect(db.entry(forKey: "empty")?.fields.isEmpty == true)
        #expect(db.plain("unicode-ключ", "title") == "Ключ")
    }
}
