import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParzenFormat
import ParzenReport
import ParzenRunner
import ParzenTestSupport
import Testing

/// `lang:` and the word table through a real German project (`Tests/Fixtures/language/`,
/// `defaults: {lang: de}`), rendered as `parzen render` does and the pages parsed by libxml2's
/// HTML parser; the German words are checked against the words babel's `ngerman` prints
/// ("Abbildung", "Tabelle", "Inhaltsverzeichnis" is babel's, "Inhalt" ours) and Duden's dates.
@Suite struct LanguageReportTests {
    static let folder = Fixtures.repositoryRoot.path + "/Tests/Fixtures/language"
    static let registry = DirectiveRegistry(StandardDirectives.registry.directives)

    /// The project's pages, by output path, and every diagnostic.
    static func render(_ root: String = folder) throws -> (pages: [String: String], diagnostics: [String]) {
        let plan = try RenderPlan(notebooks: [], output: nil, currentDirectory: root)
        let builder = ReportBuilder(registry: registry, allowOutside: false, defaults: plan.defaults)
        let builds = plan.entries.map { entry in
            var build = builder.build(path: root + "/" + entry.path, checkOnly: false)
            build.outputPath = entry.outputPath
            return build
        }
        let site = Site(builds: builds, templates: try Templates.bundled(), settings: plan.site)
        let pages = Dictionary(uniqueKeysWithValues: site.pages().map { ($0.fileName, $0.html) })
        let diagnostics = (plan.diagnostics + builds.flatMap(\.diagnostics)).map { diagnostic in
            diagnostic.description.replacingOccurrences(of: root + "/", with: "")
        }
        return (pages, diagnostics)
    }

    /// The page's `<html>` element with its body (the head's void `<meta>` elements and the
    /// style sheet are read by ``HeadMeta`` elsewhere).
    static func parse(_ html: String) throws -> XMLDocument {
        let open = try #require(html.range(of: "<html")?.lowerBound)
        let head = try #require(html.range(of: "<head>")?.lowerBound)
        let body = try #require(html.range(of: "<body")?.lowerBound)
        return try XMLDocument(xmlString: String(html[open..<head] + html[body...]), options: [.documentTidyHTML])
    }

    static func texts(_ xpath: String, in document: XMLDocument) throws -> [String] {
        try document.nodes(forXPath: xpath).map {
            ($0.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func germanPageUsesGermanWordsEverywhereTheReportAddsThem() throws {
        let (pages, diagnostics) = try Self.render()
        // The one mistake on purpose: the error box is worded in German, the message is not.
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.hasPrefix("deutsch.md:35:7: error: no result labelled 'fehlt'") == true,
                "\(diagnostics)")
        let page = try Self.parse(pages["deutsch.html"]!)
        #expect(try Self.texts("/html/@lang", in: page) == ["de"])
        #expect(try Self.texts("//nav[@class='toc']/@aria-label", in: page) == ["Inhalt"])
        #expect(try Self.texts("//p[@class='toc-title']", in: page) == ["Inhalt"])
        #expect(try Self.texts("//nav[@class='toc']//a", in: page) == ["Daten", "Literatur", "Anhang"])
        #expect(try Self.texts("//figcaption/span[@class='figure-number']", in: page) == ["Abbildung 1."])
        #expect(try Self.texts("//a[@class='figure-ref']", in: page) == ["Abbildung 1"])
        #expect(try Self.texts("//time", in: page) == ["1. Dezember 2026"])
        #expect(try Self.texts("//time/@datetime", in: page) == ["2026-12-01"])
        #expect(try Self.texts("//p[@class='series-name']", in: page) == ["Kurs · Teil 1"])
        #expect(try Self.texts("//a[@class='next']/span", in: page) == ["Weiter →", "Weiter →"])
        #expect(try Self.texts("//nav[contains(@class, 'series-links')]/@aria-label", in: page) == ["Reihe", "Reihe"])
        #expect(try Self.texts("//nav[@class='breadcrumbs']/@aria-label", in: page) == ["Pfad"])
        #expect(try Self.texts("//nav[@class='site-nav']/@aria-label", in: page) == ["Website"])
        #expect(try Self.texts("//div[@class='run-summary']/strong", in: page) == ["1 Problem(e) in diesem Notebook."])
        let box = try Self.texts("//div[contains(@class, 'directive-error')]/strong", in: page)
        #expect(box == ["{fit} kaputt fehlgeschlagen"])
        let problem = try Self.texts("//div[contains(@class, 'directive-error')]/pre", in: page)
        #expect(problem.count == 1 && problem[0].hasPrefix("Fehler: "))
        #expect(try Self.texts("//p[@class='generator']", in: page) == ["Von Parzen erzeugt aus deutsch.md."])
        let second = try Self.parse(pages["zwei.html"]!)
        #expect(try Self.texts("//a[@class='previous']/span", in: second) == ["← Zurück", "← Zurück"])
    }

    /// The reference list stands where `{bibliography}` is, after the author's own heading
    /// "Literatur" (so no second heading), before the section that follows it.
    @Test func referenceListStandsWhereTheBibliographyBlockIs() throws {
        let page = try Self.parse(try Self.render().pages["deutsch.html"]!)
        let order = try Self.texts("//main/*[self::h2 or self::section]/@id | //main/section/@class", in: page)
        #expect(order == ["daten", "literatur", "references author-year", "anhang"])
        #expect(try Self.texts("//main/h2", in: page) == ["Daten", "Literatur", "Anhang"])
        #expect(try Self.texts("//li[@class='reference']/@id", in: page) == ["ref-parzen1962", "ref-silverman1986"])
    }

    /// Numbers of a directive's table print to one precision per column; the closed forms:
    /// mean(x) = 2, mean(y) = (1.5 + 2.25 + 3.1)/3 = 2.28333…, min 1 and 1.5, max 3 and 3.1.
    @Test func resultTableColumnsShareOnePrecision() throws {
        let page = try Self.parse(try Self.render().pages["deutsch.html"]!)
        let table = "//div[@id='punkte']//table"
        #expect(try Self.texts(table + "/thead//th/@class", in: page) == ["number", "number", "number", "number"])
        func column(_ index: Int) throws -> [String] { try Self.texts(table + "/tbody/tr/td[\(index)]", in: page) }
        #expect(try column(2) == ["2.000", "2.283"])
        #expect(try column(4) == ["1.0", "1.5"])
        #expect(try column(5) == ["3.0", "3.1"])
        let sd = try column(3)
        #expect(Set(sd.map { $0.split(separator: ".").last?.count ?? 0 }).count == 1, "\(sd)")
        // The author's GFM alignment is kept as written (the style sheet honours it, below).
        #expect(try Self.texts("//main/table//td/@align", in: page) == ["left", "center", "right"])
    }

    /// `align=` is a presentational hint, which any author rule beats (CSS Cascade 4, §6.4):
    /// the sheet's `th, td { text-align: left }` would win unless rules for `[align]`, more
    /// specific, follow it.
    @Test func styleSheetLetsTheAuthorsAlignmentWin() throws {
        let css = try String(contentsOfFile: Repository.templates + "/parzen.css", encoding: .utf8)
        let base = try #require(css.range(of: "th, td {"))
        for side in ["left", "center", "right"] {
            let written = "th[align=\"\(side)\"], td[align=\"\(side)\"] { text-align: \(side); }"
            let rule = try #require(css.range(of: written))
            #expect(rule.lowerBound > base.lowerBound)
        }
        #expect(css.contains("td.number, th.number { text-align: right; font-variant-numeric: tabular-nums;"))
    }

    @Test func projectWordsOverrideTheBuiltInOnes() throws {
        let project = try TemporaryProject([
            "parzen.yml": "words: {Figure: Fig., Contents: Overview, References: Works cited}\n",
            "a.md": "---\ntitle: A\nbibliography: w.bib\n---\n\n## One\n\n[@k]\n\n## Two\n\n```{echo} e\nvalue: 2\n"
                + "caption: C.\n```\n\nSee {ref}`e`.\n",
            "w.bib": "@book{k, author = {Doe, Jane}, title = {T}, publisher = {P}, year = {2000}}\n",
        ])
        let page = try Self.parse(try project.pages(try project.plan())["a.html"]!)
        #expect(try Self.texts("/html/@lang", in: page) == ["en"])
        #expect(try Self.texts("//p[@class='toc-title']", in: page) == ["Overview"])
        #expect(try Self.texts("//figcaption/span", in: page) == ["Fig. 1."])
        #expect(try Self.texts("//a[@class='figure-ref']", in: page) == ["Fig. 1"])
        #expect(try Self.texts("//main/h2", in: page) == ["One", "Two", "Works cited"])
    }

    @Test func mistakesInWordsAreLocatedInTheProjectFile() {
        let text = "title: T\nwords:\n  Figur: Abb.\n  problems: Fehler\n  Table: [a]\n"
        let (_, diagnostics) = ProjectFileParser.parse(text, file: "parzen.yml")
        #expect(diagnostics.map(\.description) == [
            "parzen.yml:3:3: error: unknown project-file key 'words.Figur'; did you mean 'Figure'?",
            "parzen.yml:4:13: error: 'words.problems' leaves out {count}, where the report puts its value; "
                + "write the phrase with {count}, e.g. '{count} problem(s) in this notebook.'",
            "parzen.yml:5:10: error: 'words.Table' expects text, found a list; "
                + "write e.g. words: {Table: \"your wording\"}",
        ])
    }

    @Test func languageWithoutAWordTableIsAWarningAndMalformedTagsAreErrors() throws {
        func read(_ yaml: String) -> (FrontMatter, [Diagnostic]) {
            let notebook = Notebook(text: "---\n" + yaml + "---\n", path: "nb.md")
            return (notebook.frontMatter, notebook.diagnostics)
        }
        let (french, frenchProblems) = read("lang: fr-CA\n")
        #expect(french.language == "fr-CA")
        #expect(french.words[.figure] == "Figure" && french.words.baseLanguage == "en")
        #expect(frenchProblems.map(\.description) == [
            "nb.md:2:7: warning: Parzen has no words for the language 'fr-CA', so the words it adds (\"Figure\", "
                + "\"Contents\", …) are English; <html lang> is 'fr-CA'; give them in parzen.yml under 'words:' "
                + "(docs/project.md), or use one of en, de",
        ])
        let (_, austrian) = read("lang: de-AT\n")
        #expect(austrian.isEmpty)
        for malformed in ["de_DE", "d", "deutsch-sprache-123456789", "1de"] {
            let (parsed, problems) = read("lang: \(malformed)\n")
            #expect(parsed.language == nil)
            #expect(problems.map(\.description) == [
                "nb.md:2:7: error: front-matter key 'lang' expects a language tag, found '\(malformed)'; "
                    + "write one such as 'en', 'de' or 'pt-BR'",
            ])
        }
    }

    /// Every word, in every built-in language, keeps the placeholders its phrase is filled at.
    @Test(arguments: WordTable.builtInLanguages) func everyTableIsComplete(language: String) {
        let words = WordTable(language: language)
        for word in Word.allCases {
            #expect(!words[word].isEmpty)
            for placeholder in word.placeholders { #expect(words[word].contains("{\(placeholder)}"), "\(word)") }
        }
        #expect(WordTable(language: "de").date("2026-03-09") == "9. März 2026")
        #expect(WordTable(language: "en").date("2026-03-09") == "9 March 2026")
        #expect(WordTable(language: "de").date("im Frühjahr") == "im Frühjahr")
    }
}

/// `{bibliography}` mistakes, each located.
@Suite struct BibliographyPlacementTests {
    @Test func secondBlockIsAnErrorAndABlockWithNothingCitedAWarning() throws {
        let twice = try build("---\nbibliography: w.bib\n---\n\n```{bibliography}\n```\n\n```{bibliography}\n```\n")
        #expect(twice.diagnostics.map { $0.description.split(separator: "/").last.map(String.init) ?? "" }
            .contains { $0.hasSuffix("nb.md:8:1: error: a second {bibliography}: the reference list is already placed "
                                     + "at line 5; keep one {bibliography} block where the list should go") })
        let uncited = try build("# A\n\n```{bibliography}\n```\n")
        #expect(uncited.diagnostics.map(\.message)
                    == ["{bibliography} shows nothing: the front matter names no bibliography"])
        #expect(uncited.diagnostics.first?.location == SourceLocation(line: 3, column: 1))
        #expect(uncited.diagnostics.first?.severity == .warning)
        let argument = try build("# A\n\n```{bibliography} refs.bib\n:style: plain\nx\n```\n")
        #expect(argument.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
            "3:1 {bibliography} shows nothing: the front matter names no bibliography",
            "3:19 {bibliography} takes no argument, found 'refs.bib'",
            "4:1 unknown option ':style:' for {bibliography}",
            "5:1 {bibliography} takes no body; the reference list is made from the works the page cites",
        ])
    }
}

/// The German project's notebook through the `.ipynb` and LaTeX writers: the same language
/// and words, validated by nbformat and compiled by pdflatex when they are installed.
@Suite struct LanguageWriterTests {
    static let path = LanguageReportTests.folder + "/deutsch.md"

    static func write<Writer: NotebookWriter>(with writer: Writer) throws -> (Writer.Document, [Diagnostic]) {
        let plan = try RenderPlan(notebooks: [], output: nil, currentDirectory: LanguageReportTests.folder)
        let builder = ReportBuilder(registry: LanguageReportTests.registry, allowOutside: false,
                                    defaults: plan.defaults)
        #expect(plan.diagnostics.isEmpty)
        let (document, diagnostics) = builder.write(path: path, with: writer)
        return (try #require(document), diagnostics)
    }

    @Test func ipynbCarriesTheLanguageAndGermanCaptions() async throws {
        let (text, diagnostics) = try Self.write(with: IPYNBNotebookWriter(registry: LanguageReportTests.registry))
        #expect(diagnostics.filter { $0.severity == .warning }.isEmpty, "\(diagnostics)")
        let notebook = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect((notebook["metadata"] as! [String: Any])["lang"] as? String == "de")
        let outputs = (notebook["cells"] as! [[String: Any]]).flatMap { $0["outputs"] as? [[String: Any]] ?? [] }
        let plain = outputs.compactMap { ($0["data"] as? [String: Any])?["text/plain"] as? [String] }.map { $0.joined() }
        #expect(plain.contains("Abbildung 1. Die Punkte und eine Normalverteilung."))
        let sources = (notebook["cells"] as! [[String: Any]]).compactMap { $0["source"] as? [String] }.map { $0.joined() }
        #expect(!sources.contains { $0.contains("{bibliography}") })
        // The reference list is a cell of its own where {bibliography} stood, after the author's
        // heading "Literatur" (no second heading) and before "Anhang".
        let ids = (notebook["cells"] as! [[String: Any]]).map { $0["id"] as! String }
        let at = try #require(ids.firstIndex(of: "references"))
        #expect(sources[at - 1].hasSuffix("## Literatur"))
        #expect(sources[at].hasPrefix("<a id=\"ref-parzen1962\"></a>Parzen, Emanuel. 1962."))
        #expect(sources[at + 1].hasPrefix("## Anhang"))
        guard let bin = await IPYNBValidationTests.venv else { return }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-de-\(UUID().uuidString).ipynb")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let script = "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')"
        let result = await IPYNBValidationTests.run(bin + "/python", ["-c", script, file.path])
        #expect(result.output == "valid\n", "\(result.output)")
    }

    @Test func latexLoadsBabelWhereInstalledAndSetsTheCaptionWords() async throws {
        let (tex, _) = try Self.write(with: LaTeXNotebookWriter(registry: LanguageReportTests.registry))
        #expect(tex.contains("\\IfFileExists{ngerman.ldf}{\\usepackage[ngerman]{babel}}{}\n"))
        #expect(tex.contains("\\AtBeginDocument{\\renewcommand{\\figurename}{Abbildung}"
                             + "\\renewcommand{\\tablename}{Tabelle}\\renewcommand{\\refname}{Literatur}"
                             + "\\renewcommand{\\contentsname}{Inhalt}}\n"))
        #expect(tex.contains("\\date{1. Dezember 2026}"))
        #expect(tex.contains("Abbildung~\\ref{dichte}"))
        // Citations as on the page, linked to the list at the {bibliography}, under the author's heading.
        #expect(tex.contains("\\hyperlink{ref-parzen1962}{Parzen (1962)}"))
        #expect(tex.contains("\\subsection{Literatur}") || tex.contains("\\section{Literatur}"))
        #expect(!tex.contains("\\section*{Literatur}"))
        let list = try #require(tex.range(of: "\\begin{list}"))
        #expect(list.lowerBound > tex.range(of: "{Literatur}")!.lowerBound)
        #expect(list.lowerBound < tex.range(of: "{Anhang}")!.lowerBound)
        guard let pdflatex = LaTeXCompileTests.pdflatex else { return }
        if await IPYNBValidationTests.run("/usr/bin/env", ["kpsewhich", "ngerman.ldf"]).status != 0 {
            print("notice: babel's ngerman is not installed (Debian: texlive-lang-german); the German document "
                  + "compiles without German hyphenation, its caption words set by Parzen")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parzen-de-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try tex.write(to: folder.appendingPathComponent("deutsch.tex"), atomically: true, encoding: .utf8)
        for _ in 1...2 {
            let result = await IPYNBValidationTests.run(pdflatex, ["-interaction=nonstopmode", "-halt-on-error",
                                                                   "-output-directory", folder.path,
                                                                   folder.appendingPathComponent("deutsch.tex").path])
            #expect(result.status == 0, "\(result.output.suffix(2000))")
            guard result.status == 0 else { return }
        }
        guard let pdftotext = ExternalProcess.onPath("pdftotext") else {
            print("notice: pdftotext is not on PATH (Debian: poppler-utils); the PDF's words are not checked")
            return
        }
        let pdf = folder.appendingPathComponent("deutsch.pdf").path
        let text = await IPYNBValidationTests.run(pdftotext, [pdf, "-"]).output
        #expect(text.contains("Abbildung 1: Die Punkte und eine Normalverteilung."), "\(text)")
        #expect(text.contains("Siehe Abbildung 1"), "\(text)")
        #expect(text.contains("Parzen, Emanuel. 1962."), "\(text)")
    }
}
