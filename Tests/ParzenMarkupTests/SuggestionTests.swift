import Testing
@testable import ParzenMarkup

@Suite struct SuggestionTests {
    @Test func distanceCountsTranspositionsOnce() {
        #expect(Suggestion.distance("gaussain", "gaussian") == 1)
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("", "abc") == 3)
    }

    @Test func suggestsOnlyPlausibleTypos() {
        #expect(Suggestion.closest(to: "bandwith", among: ["bandwidth", "kernel"]) == "bandwidth")
        #expect(Suggestion.closest(to: "xyz", among: ["bandwidth", "kernel"]) == nil)
        #expect(Suggestion.closest(to: "toc", among: ["title", "description", "authors", "date", "seed", "math"]) == nil)
    }

    @Test func tiesGoToTheEarliestCandidate() {
        #expect(Suggestion.closest(to: "\\bar", among: ["\\bar", "\\car"].sorted()) == "\\bar")
        #expect(Suggestion.closest(to: "\\xar", among: ["\\car", "\\bar"].sorted()) == "\\bar")
        // Equally close: the one that starts like the word.
        #expect(Suggestion.closest(to: "\\x", among: ["\\ ", "\\L", "\\xi"]) == "\\xi")
        #expect(Suggestion.didYouMean("\\farc", among: ["\\frac"]) == "did you mean '\\frac'?")
    }

    @Test func fixListsChoicesWhenNothingIsClose() {
        #expect(Suggestion.fix(for: "zzz", among: ["a1", "b2"]) == "expected one of: a1, b2")
        #expect(Suggestion.fix(for: "kernal", among: ["kernel"]) == "did you mean 'kernel'?")
    }
}
