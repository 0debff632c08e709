import Foundation
import ParzenFormat
import ParzenReport
import ParzenTestSupport
import Testing

/// Citations through real notebooks: `Tests/Fixtures/citations/citations.md` and its `.bib`
/// rendered to HTML, the in-text citations and the reference list checked against pandoc
/// `--citeproc` on the same files (`pandoc-expected.txt`, made by `make-expected.sh`), the
/// links and anchors against each other, and every mistake at its position.
@Suite struct CitationNotebookTests {
    static let folder = Fixtures.repositoryRoot.path + "/Tests/Fixtures/citations"

    static func render(_ path: String, checkOnly: Bool = false) -> NotebookBuild {
        ReportBuilder(registry: testRegistry, allowOutside: false).build(path: path, checkOnly: checkOnly)
    }

    /// The text of each `<span class="citation">` in order.
    static func citationTexts(_ html: String) -> [String] {
        html.components(separatedBy: "<span class=\"citation\"").dropFirst().map { piece in
            text(String(piece[piece.index(after: piece.firstIndex(of: ">")!)...]).components(separatedBy: "</span>")[0])
        }
    }

    /// HTML's text with tags removed (no space for them, unlike `textContent`) and `&amp;` decoded.
    static func text(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Writes `files` (name → text) into a fresh folder and returns the folder.
    static func project(_ files: [String: String]) throws -> String {
        let notebook = try temporaryNotebook(files["nb.md"] ?? "")
        let folder = (notebook as NSString).deletingLastPathComponent
        for (name, text) in files where name != "nb.md" {
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let bib = """
        @book{silverman1986,
          author = {Silverman, Bernard W.}, title = {Density Estimation}, publisher = {Chapman \\& Hall}, year = {1986},
        }
        @article{parzen1962,
          author = {Parzen, Emanuel}, title = {On Estimation of a Probability Density Function and Mode},
          journal = {The Annals of Mathematical Statistics}, year = {1962}, doi = {10.1214/aoms/1177704472},
        }

        """

    @Test func everyFormRendersAsPandocFormatsIt() throws {
        let build = Self.render(Self.folder + "/citations.md")
        #expect(build.diagnostics.map(\.description) == [])
        let html = try #require(build.bodyHTML)
        // pandoc's Chicago style names up to three authors in the text ("Botev, Grotowski, and
        // Kroese"); Parzen's default shortens from three (CitationStyle.etAlMinimum).
        #expect(Self.citationTexts(html) == [
            "(Parzen 1962)", "(see Silverman 1986, 12)", "(Parzen 1962; Botev et al. 2010)", "Parzen (1962)",
            "(1986)", "(Botev et al. 2010; Doe 2020)", "(Silverman 1986)", "(Doe 2020)",
        ])
        let pandoc = try String(contentsOfFile: Self.folder + "/pandoc-expected.txt", encoding: .utf8)
        for text in ["(Parzen 1962)", "(see Silverman 1986, 12)", "Parzen (1962)", "(1986)", "(Doe 2020)",
                     "(Parzen 1962; Botev, Grotowski, and Kroese 2010)"] {
            #expect(pandoc.contains(text.replacingOccurrences(of: "Botev et al.", with: "Botev, Grotowski, and Kroese")))
        }
        // The escaped `\@` and the e-mail address stay text.
        #expect(textContent(html).contains("an escaped @parzen1962 stay text"))
        #expect(html.contains("<a href=\"mailto:user@example.org\">user@example.org</a>"))
    }

    @Test func referenceListMatchesPandocAndEveryCitationLinksToItsEntry() throws {
        let html = try #require(Self.render(Self.folder + "/citations.md").bodyHTML)
        let section = try #require(html.components(separatedBy: "<section class=\"references author-year\">").last)
        let entries = section.components(separatedBy: "<li class=\"reference\"").dropFirst()
            .map { Self.text("<li" + $0.components(separatedBy: "</li>")[0]) }
        let pandoc = try String(contentsOfFile: Self.folder + "/pandoc-expected.txt", encoding: .utf8)
        let pandocEntries = pandoc.components(separatedBy: "\n").filter { $0.contains(". 19") || $0.contains(". 20") }
        #expect(entries.count == 4)
        // Every entry without math reads exactly as pandoc's (the one with math: MathML here, Unicode there).
        for entry in entries where !entry.contains("L^2") {
            #expect(pandocEntries.contains(entry), "\(entry)")
        }
        #expect(html.contains("Why the <math"))
        #expect(html.contains("<a class=\"reference-link\" href=\"https://doi.org/10.1214/10-AOS799\">"))
        // Each link's fragment is an entry's id; the key with a colon is escaped in both.
        let hrefs = Set(html.components(separatedBy: "class=\"citation-link\" href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        let ids = Set(html.components(separatedBy: "<li class=\"reference\" id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        #expect(hrefs == ids)
        #expect(ids.contains("ref-note-3Al2"))
        // Under a heading at the level of the page's sections (`# Kernels`), in the contents too.
        #expect(html.contains("<h1 id=\"references\">References</h1>"))
    }

    @Test func numericStyleNumbersInOrderOfFirstCitation() throws {
        let folder = try Self.project([
            "nb.md": "---\nbibliography: refs.bib\ncitation-style: numeric\n---\nFirst [@silverman1986], then [@parzen1962; @silverman1986].\n",
            "refs.bib": Self.bib,
        ])
        let build = Self.render(folder + "/nb.md")
        #expect(build.diagnostics.isEmpty)
        let html = try #require(build.bodyHTML)
        #expect(Self.citationTexts(html) == ["[1]", "[1, 2]"])
        #expect(html.contains("<span class=\"reference-label\">[1]</span> Silverman"))
        #expect(html.contains("<section class=\"references numeric\">"))
    }

    @Test func unknownKeyIsAnErrorAtItsPositionInCheckAndRender() throws {
        let folder = try Self.project([
            "nb.md": "---\nbibliography: refs.bib\n---\n\nAs shown [@parzen1926].\n",
            "refs.bib": Self.bib,
        ])
        for checkOnly in [true, false] {
            let build = Self.render(folder + "/nb.md", checkOnly: checkOnly)
            #expect(build.diagnostics.map(\.description)
                == ["\(folder)/nb.md:5:12: error: unknown citation key 'parzen1926'; did you mean 'parzen1962'?"])
        }
    }

    @Test func badStyleMissingBibliographyAndBibErrorsAreReportedWhereTheyAre() throws {
        let folder = try Self.project([
            "nb.md": "---\nbibliography: [refs.bib, broken.bib]\ncitation-style: numberic\n---\nSee [@parzen1962].\n",
            "refs.bib": Self.bib,
            "broken.bib": "% a comment\n@article{doe2020,\n  title = {Unclosed,\n",
        ])
        let messages = Self.render(folder + "/nb.md", checkOnly: true).diagnostics.map(\.description)
        #expect(messages.contains("\(folder)/nb.md:3:17: error: unknown citation style 'numberic'; did you mean 'numeric'?"))
        #expect(messages.contains("\(folder)/broken.bib:3:11: error: unclosed '{' in the value of 'title'; "
            + "add the missing '}' (braces inside a value must balance)"))

        let none = try Self.project(["nb.md": "Cited [@parzen1962] without a bibliography.\n"])
        #expect(Self.render(none + "/nb.md").diagnostics.map(\.description) == [
            "\(none)/nb.md:1:9: error: citation of 'parzen1962' but the front matter names no bibliography; "
                + "add 'bibliography: refs.bib' (a .bib file next to the notebook) to the front matter",
        ])
        let missing = try Self.project(["nb.md": "---\nbibliography: gone.bib\n---\nCited [@a].\n"])
        let problems = Self.render(missing + "/nb.md").diagnostics
        #expect(problems.map(\.severity) == [.error])
        #expect(problems.first?.description.hasPrefix("\(missing)/nb.md:2:15: error: bibliography 'gone.bib' not found") == true)
    }

    @Test func aNarrativeAtWithoutABibliographyIsProse() throws {
        let build = try ParzenReportTests.build("Ask @someone or write to a@b.org.\n")
        #expect(build.diagnostics.isEmpty)
        #expect(try #require(build.bodyHTML).contains("Ask @someone"))
    }

    /// The bundled tutorial cites the six works of `notebooks/references.bib` where its prose
    /// relies on them and lists exactly those, each once.
    @Test func theTutorialListsTheWorksItCites() throws {
        let html = try #require(TutorialNotebookTests.generative.bodyHTML)
        let ids = html.components(separatedBy: "<li class=\"reference\" id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(ids == ["ref-botev2010", "ref-kullback1951", "ref-parzen1962", "ref-scott1992", "ref-silverman1986",
                        "ref-tipping1999"])
        #expect(Self.citationTexts(html).contains("(Kullback and Leibler 1951)"))
        #expect(TutorialNotebookTests.generative.headings.last?.id == "references")
    }

    /// The seed post names `primer_generative_biblio.bib`, which `../shared/seed/` does not
    /// hold, and cites nothing itself: rendered beside a `.bib` written here (its text read
    /// in memory, never copied), it renders cleanly, and a distill citation in al-folio's form
    /// added to its text is resolved and listed.
    @Test(.requiresSharedFolder) func theSeedPostRendersWithItsBibliography() throws {
        let seed = try String(contentsOf: JekyllPost.seed.url, encoding: .utf8)
        let folder = try Self.project(["primer_generative_biblio.bib": Self.bib])
        let path = folder + "/what-is-a-generative-model.md"
        let plain = ReportBuilder(registry: testRegistry, allowOutside: false).build(text: seed, path: path, checkOnly: false)
        #expect(plain.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let cited = seed + "\n\nKernel estimates go back to <d-cite key=\"parzen1962,silverman1986\"></d-cite>.\n"
        let build = ReportBuilder(registry: testRegistry, allowOutside: false).build(text: cited, path: path, checkOnly: false)
        #expect(build.diagnostics.filter { $0.severity == .error }.map(\.description) == [])
        let html = try #require(build.bodyHTML)
        #expect(Self.citationTexts(html) == ["(Parzen 1962; Silverman 1986)"])
        #expect(html.contains("<li class=\"reference\" id=\"ref-parzen1962\">"))
        #expect(!html.contains("<d-cite"))
    }
}
