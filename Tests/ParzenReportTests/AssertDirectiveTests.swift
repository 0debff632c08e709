import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ParzenFormat
import ParzenMarkup
import ParzenReport
import ParzenRunner
import ParzenTestSupport
import Testing

/// `{assert}` through real notebooks: the standard directives on generated data
/// (`Tests/Fixtures/writing-values/assert.md`), the page parsed by libxml2; a claim made false
/// fails at its comparison with both values; `parzen check` finds the mistakes that need no
/// computing; the tolerance rule against hand-worked cases (`{estimate}`'s 0.2915).
@Suite struct AssertDirectiveTests {
    static let path = Fixtures.repositoryRoot.path + "/Tests/Fixtures/writing-values/assert.md"
    static var fixture: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    static func build(_ text: String, checkOnly: Bool = false) throws -> NotebookBuild {
        let path = try temporaryNotebook(text)
        return ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
            .build(path: path, checkOnly: checkOnly)
    }

    static func number(_ build: NotebookBuild, _ label: String, _ key: String) throws -> Double {
        let result = try #require(build.results.first { $0.label == label }?.result)
        guard case .number(let x) = result.values[key] else { throw CancellationError() }
        return x
    }

    /// (line, column) of the first `needle` in `text`.
    static func at(_ needle: String, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = lines.firstIndex { $0.contains(needle) }!
        let column = lines[line].unicodeScalars.distance(
            from: lines[line].startIndex, to: lines[line].range(of: needle)!.lowerBound) + 1
        return "\(line + 1):\(column)"
    }

    @Test func aTrueClaimShowsACheckedNoteWithTheValues() throws {
        let build = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
            .build(path: Self.path, checkOnly: false)
        #expect(build.diagnostics.map(\.description) == [])
        let html = try #require(build.bodyHTML)
        let document = try XMLDocument(xmlString: "<html><body>" + html + "</body></html>",
                                       options: [.documentTidyHTML])
        let notes = try document.nodes(forXPath: "//div[contains(@class,'directive-assert')]/p").map {
            ($0.stringValue ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let kde = NumberFormat.prose(try Self.number(build, "kde", "nll_heldout"))
        let gauss = NumberFormat.prose(try Self.number(build, "gauss", "nll_heldout"))
        #expect(notes == [
            "✓ Checked: kde.nll_heldout (\(kde)) < gauss.nll_heldout (\(gauss)) and cmp.best ('kde') == 'kde'.",
            "✓ Checked: kde.n_heldout (100) == 100 and gauss.nll_heldout (\(gauss)) >= 1.5.",
        ])
        let ids = try document.nodes(forXPath: "//div[contains(@class,'directive-assert')]/@id").map(\.stringValue)
        #expect(ids == ["counted"])
    }

    @Test func aFalseClaimFailsAtItsComparisonWithBothValues() throws {
        let text = Self.fixture.replacingOccurrences(of: "kde.nll_heldout < gauss", with: "kde.nll_heldout > gauss")
        let build = try Self.build(text)
        let kde = NumberFormat.plain(try Self.number(build, "kde", "nll_heldout"), digits: 6)
        let gauss = NumberFormat.plain(try Self.number(build, "gauss", "nll_heldout"), digits: 6)
        #expect(build.diagnostics.map(\.description) == [
            "\(build.path):\(Self.at("kde.nll_heldout >", in: text)): error: 'kde.nll_heldout > gauss.nll_heldout' "
                + "is false: kde.nll_heldout = \(kde), gauss.nll_heldout = \(gauss); the results no longer support "
                + "this claim: revise the prose that states it and this assertion, or find what changed (data, "
                + "seed, options)",
        ])
        #expect(build.hasErrors)
    }

    @Test func theSecondComparisonOfAnAndIsLocatedToo() throws {
        let text = Self.fixture.replacingOccurrences(of: "cmp.best == 'kde'", with: "cmp.best != 'kde'")
        let build = try Self.build(text)
        #expect(build.diagnostics.map(\.description).first?.hasPrefix(
            "\(build.path):\(Self.at("cmp.best !=", in: text)): error: 'cmp.best != 'kde'' is false: cmp.best = 'kde'")
            == true)
    }

    @Test func checkFindsUnknownLabelsWithoutComputing() throws {
        let text = Self.fixture.replacingOccurrences(of: "that: kde.nll_heldout", with: "that: kdee.nll_heldout")
        let build = try Self.build(text, checkOnly: true)
        #expect(build.results.isEmpty)
        #expect(build.diagnostics.map(\.description) == [
            "\(build.path):\(Self.at("kdee.", in: text)): error: no result labelled 'kdee' above this point; "
                + "did you mean 'kde'?",
        ])
    }

    @Test func anUnknownKeyIsLocatedWithADidYouMean() throws {
        let text = Self.fixture.replacingOccurrences(of: "that: kde.nll_heldout <", with: "that: kde.nll_heldot <")
        let build = try Self.build(text)
        #expect(build.diagnostics.map(\.description) == [
            "\(build.path):\(Self.at("kde.nll_heldot", in: text)): error: 'kde' has no value 'nll_heldot'; "
                + "did you mean 'nll_heldout'?",
        ])
    }

    /// `{estimate} e` exposes nll_kde = 0.2915 and best = 'kde'; the claim on line 6.
    static func claim(_ that: String, tolerance: String? = nil, checkOnly: Bool = false) throws -> [String] {
        let text = "```{estimate} e\nvalue: 0.2915\nse: 0.1234\n```\n\n```{assert}\nthat: \(that)\n"
            + (tolerance.map { "tolerance: \($0)\n" } ?? "") + "```\n"
        return try buildValues(text, checkOnly: checkOnly).diagnostics.map {
            "\($0.location.line):\($0.location.column): \($0.message)"
        }
    }

    @Test func numbersWithinTheToleranceAreEqual() throws {
        // |0.2915 − 0.3| = 0.0085.
        #expect(try Self.claim("e.nll_kde == 0.3", tolerance: "0.01") == [])
        #expect(try Self.claim("e.nll_kde <= 0.3", tolerance: "0.01") == [])
        #expect(try Self.claim("e.nll_kde >= 0.3", tolerance: "0.01") == [])
        #expect(try Self.claim("e.nll_kde < 0.3", tolerance: "0.01")
            == ["7:7: 'e.nll_kde < 0.3' is false (tolerance 0.01): e.nll_kde = 0.2915"])
        #expect(try Self.claim("e.nll_kde != 0.3", tolerance: "0.01").count == 1)
        #expect(try Self.claim("e.nll_kde < 0.3") == [])
        #expect(try Self.claim("e.nll_kde == 0.3").count == 1)
        #expect(try Self.claim("e.nll_kde == 0.2915 and e.best == \"kde\" and 1 < 2") == [])
    }

    @Test func mistakesInTheClaimAreLocatedByCheck() throws {
        // `that: ` is 6 columns: the claim starts at column 7.
        #expect(try Self.claim("e.nll_kde = 0.3", checkOnly: true)
            == ["7:17: '=' is not a comparison"])
        #expect(try Self.claim("e.best < 'kde'", checkOnly: true) == ["7:16: text can only be compared with == or !="])
        #expect(try Self.claim("e.best == 'kde", checkOnly: true) == ["7:17: text opened with ' is not closed"])
        #expect(try Self.claim("e.nll_kde < 1 and", checkOnly: true)
            == ["7:21: 'and' needs a comparison on each side"])
        #expect(try Self.claim("e.nll_kde 1", checkOnly: true) == ["7:7: 'e.nll_kde 1' is not one comparison"])
        #expect(try Self.claim("nll_kde < 1", checkOnly: true)
            == ["7:7: 'nll_kde' is neither a result label.key, a number nor quoted text"])
        #expect(try Self.claim("f.nll_kde < 1", checkOnly: true) == ["7:7: no result labelled 'f' above this point"])
        #expect(try Self.claim("e.nll_kde < 1", tolerance: "-1", checkOnly: true)
            == ["8:12: a tolerance of -1 is negative"])
    }

    /// Columns inside the claim are the notebook's only where its text is the source character
    /// for character: after a quote they shift by one, and a claim folded over two lines or
    /// written with an escape has no column-for-column mapping, so the error is at the value.
    @Test func mistakesInAQuotedFoldedOrEscapedClaimAreLocated() throws {
        // The quote is column 7, the claim starts at 8, '=' is its 11th character.
        #expect(try Self.claim("\"e.nll_kde = 0.3\"", checkOnly: true) == ["7:18: '=' is not a comparison"])
        #expect(try Self.claim("'e.nll_kde = 0.3'", checkOnly: true) == ["7:18: '=' is not a comparison"])
        #expect(try Self.claim("e.nll_kde\n  = 0.3", checkOnly: true) == ["7:7: '=' is not a comparison"])
        #expect(try Self.claim("\"e.nll\\u005Fkde = 0.3\"", checkOnly: true) == ["7:7: '=' is not a comparison"])
    }

    @Test func numbersAndTextDoNotCompare() throws {
        #expect(try Self.claim("e.best == 1") == ["7:7: 'e.best == 1' compares a number with text"])
    }
}
