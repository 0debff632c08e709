import Testing

@testable import ParzenMath

/// The hostile inputs of issue 16 that made the did-you-mean and the error report grow with
/// the input: the number of diagnostics per formula is capped, and the cause of a stop is
/// always reported.
@Suite struct HostileInputTests {
    @Test func tenThousandCopiesOfALongUnknownCommandGiveTwentyErrorsAndOneSummary() {
        let name = "\\" + String(repeating: "abcdefghij", count: 7) + "xy"
        #expect(name.utf8.count == 73)
        let tex = String(repeating: name + " ", count: 10_000)
        let result = MathDocument(macros: [:]).typeset(tex, display: false, origin: 0)
        #expect(result.diagnostics.count == DiagnosticLog.maxReported + 1)
        #expect(
            result.diagnostics.prefix(DiagnosticLog.maxReported).allSatisfy {
                $0.message == "unknown command '\(name)'"
            })
        #expect(result.diagnostics.last?.message == "and 9980 more problems in this formula")
        #expect(result.diagnostics.last?.severity == .error)
        #expect(result.diagnostics.last?.offset == 20 * 74)
    }

    @Test func selfRecursiveDefOfAnUnknownCommandStopsAtTheExpansionCapAndSaysSo() {
        let result = MathDocument(macros: [:]).typeset("\\def\\a{\\foo\\a}\\a", display: false, origin: 0)
        let messages = result.diagnostics.map(\.message)
        #expect(messages.filter { $0 == "unknown command '\\foo'" }.count == DiagnosticLog.maxReported)
        #expect(messages.contains("more than \(MacroExpander.maxExpansions) macro expansions"))
        #expect(
            messages.last
                == "and \(MacroExpander.maxExpansions - DiagnosticLog.maxReported) more problems in this formula")
        #expect(result.html.contains("<merror>"))
    }

    @Test func fortyCopiesOfTheRecursiveDefInOneDocumentEachReportTheCap() {
        let document = MathDocument(macros: [:])
        for index in 0..<40 {
            let result = document.typeset("\\def\\a{\\foo\\a}\\a", display: false, origin: index)
            #expect(result.diagnostics.count == DiagnosticLog.maxReported + 2)
            #expect(result.diagnostics.contains { $0.message.hasPrefix("more than") && $0.origin == index })
        }
    }

    @Test func theSuggestionForAnUnknownNameIsTheSameEveryTime() {
        let document = MathDocument(macros: [:])
        let first = document.typeset("\\fracc{a}{b}", display: false, origin: 0).diagnostics.first?.fix
        let again = document.typeset("\\fracc{a}{b} \\fracc{c}{d}", display: false, origin: 1).diagnostics.map(\.fix)
        #expect(first == "did you mean '\\frac'?")
        #expect(again == [first, first])
    }

    @Test func aNewMacroIsSuggestedAfterItIsDefined() {
        let document = MathDocument(macros: [:])
        #expect(document.typeset("\\vectorr", display: false, origin: 0).diagnostics.first?.fix == nil)
        _ = document.typeset("\\newcommand{\\vector}{v}", display: false, origin: 1)
        #expect(
            document.typeset("\\vectorr", display: false, origin: 2).diagnostics.first?.fix
                == "did you mean '\\vector'?")
    }

    @Test func fewerProblemsThanTheCapAreAllReportedWithoutSummary() {
        let result = MathDocument(macros: [:]).typeset(
            String(repeating: "\\nope ", count: 20), display: false, origin: 0)
        #expect(result.diagnostics.count == 20)
    }
}
