import ParzenReport
import Testing

/// Every mistake in a `\val{…}` or a `:se` suffix is located at its argument (file:line:column)
/// with a did-you-mean, as the prose `{value}` role's are; `parzen check` finds those that need
/// no computing (labels, the form of the argument) and TeX errors keep their columns.
@Suite struct MathValueMistakeTests {
    static let lines = [
        "```{estimate} cmp", "value: 0.2915", "se: 0.1234", "```", "",
        "Bad $x = \\val{cpm.nll_kde}$ and $\\val{cmp.nll_kdee}$.",
        "$\\val$ and {value}`cmp.best:se`, {value}`cmp.mmd2_kde:se` and {value}`cmp.nll_kde:sd`.",
        "$$\\val{cmp.nll_kde} + \\frac{1}$$", "",
    ]
    static let text = lines.joined(separator: "\n")

    /// "line:column" of the first `needle` on (1-based) `line`, plus `shift` columns.
    static func at(_ line: Int, _ needle: String, shift: Int = 0) -> String {
        let text = lines[line - 1]
        let index = text.range(of: needle)!.lowerBound
        return "\(line):\(text.unicodeScalars.distance(from: text.startIndex, to: index) + 1 + shift)"
    }

    @Test func renderLocatesEveryMistake() throws {
        let result = try buildValues(Self.text)
        let p = result.path
        #expect(result.diagnostics.map(\.description).sorted() == [
            "\(p):\(Self.at(6, "cpm.")): error: no result labelled 'cpm'; did you mean 'cmp'?",
            "\(p):\(Self.at(6, "cmp.nll_kdee")): error: 'cmp' has no value 'nll_kdee'; did you mean 'nll_kde'?",
            "\(p):\(Self.at(7, "\\val")): error: '\\val' needs a result in braces; write e.g. \\val{kde.nll_heldout}",
            "\(p):\(Self.at(7, "cmp.best")): error: 'cmp.best' is not a number, so it has no standard error; "
                + "drop ':se'",
            "\(p):\(Self.at(7, "cmp.mmd2")): error: 'cmp' has no standard error for 'mmd2_kde'; drop ':se', or use "
                + "one that has one: nll_kde, nll_difference, exact, broken",
            "\(p):\(Self.at(7, "cmp.nll_kde:sd")): error: ':sd' after 'cmp.nll_kde' is neither a number of digits "
                + "nor 'se'; write ':se' for the value with its standard error, or ':1' to ':17' significant digits",
            // The column is the author's: `\val{…}` was replaced by a shorter number before parsing.
            "\(p):\(Self.at(8, "\\frac")): error: '\\frac' is missing an argument; write \\frac{…}",
        ].sorted())
    }

    @Test func checkFindsWhatNeedsNoComputing() throws {
        let result = try buildValues(Self.text, checkOnly: true)
        let p = result.path
        let found = result.diagnostics.map(\.description)
        #expect(found.contains("\(p):\(Self.at(6, "cpm.")): error: no result labelled 'cpm'; did you mean 'cmp'?"))
        #expect(found.contains(
            "\(p):\(Self.at(7, "\\val")): error: '\\val' needs a result in braces; write e.g. \\val{kde.nll_heldout}"))
        #expect(found.contains { $0.hasPrefix("\(p):\(Self.at(8, "\\frac")): error: ") })
        #expect(found.contains { $0.contains(":sd") })
    }
}
