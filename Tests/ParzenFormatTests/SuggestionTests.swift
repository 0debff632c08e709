import Testing
@testable import ParzenFormat

@Suite struct SuggestionTests {
    @Test func distanceCountsTranspositionsOnce() {
        #expect(Suggestion.distance("gaussain", "gaussian") == 1)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("", "abc") == 3)
    }

    @Test func suggestsOnlyPlausibleTypos() {
        #expect(Suggestion.closest(to: "bandwith", among: ["bandwidth", "kernel"]) == "bandwidth")
        #expect(Suggestion.closest(to: "xyz", among: ["bandwidth", "kernel"]) == nil)
        #expect(Suggestion.closest(to: "toc", among: FrontMatter.knownKeys) == nil)
    }

    @Test func fixListsChoicesWhenNothingIsClose() {
        #expect(Suggestion.fix(for: "zzz", among: ["a1", "b2"]) == "expected one of: a1, b2")
        #expect(Suggestion.fix(for: "kernal", among: ["kernel"]) == "did you mean 'kernel'?")
    }
}
