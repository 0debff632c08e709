import Testing
@testable import ParzenFormat

/// At most `Diagnostic.perKindCap` diagnostics of one kind per notebook, then a count; other
/// kinds, interleaved, are kept whole and in place.
struct DiagnosticCapTests {
    func error(_ line: Int, _ message: String, fix: String? = nil) -> Diagnostic {
        Diagnostic(.error, file: "nb.md", at: SourceLocation(line: line, column: 1), message, fix: fix)
    }

    @Test func twentyOfAKindThenACountAfterTheTwentieth() {
        // Lines 1…25 repeat one error; every fifth line also has a different one.
        var input: [Diagnostic] = []
        for line in 1...25 {
            input.append(error(line, "unclosed"))
            if line % 5 == 0 { input.append(error(line, "other")) }
        }
        let capped = Diagnostic.capped(input).map(\.description)
        // The count comes right after the twentieth, before the other error on its line.
        let expected = (1...19).flatMap { line in
            ["nb.md:\(line):1: error: unclosed"] + (line % 5 == 0 ? ["nb.md:\(line):1: error: other"] : [])
        } + ["nb.md:20:1: error: unclosed", "nb.md:20:1: note: and 5 more like it", "nb.md:20:1: error: other",
             "nb.md:25:1: error: other"]
        #expect(capped == expected)
    }

    /// The same message with another fix, or another severity, is another kind.
    @Test func theFixAndTheSeverityArePartOfTheKind() {
        let input = (1...21).map { error($0, "x", fix: "a") } + (1...3).map { error($0, "x", fix: "b") }
            + [Diagnostic(.warning, file: "nb.md", at: SourceLocation(line: 30, column: 1), "x", fix: "a")]
        let capped = Diagnostic.capped(input)
        #expect(capped.count == 20 + 1 + 3 + 1)
        #expect(capped.filter { $0.severity == .note }.map(\.message) == ["and 1 more like it"])
    }

    @Test func twentyOfAKindAreAllKept() {
        let input = (1...20).map { error($0, "x") }
        #expect(Diagnostic.capped(input) == input)
    }
}
