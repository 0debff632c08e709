import Testing
@testable import ParzenFormat

@Suite struct MojibakeRepairTests {
    @Test func repairsTheSeedsArrow() {
        // "→" is E2 86 92 in UTF-8; as Windows-1252 those bytes read "â", "†", "’".
        let (text, repairs) = MojibakeRepair.repair("A Linear Model \u{E2}\u{2020}\u{2019}</a>")
        #expect(text == "A Linear Model →</a>")
        #expect(repairs == [MojibakeRepair.Repair(line: 1, column: 16, original: "\u{E2}\u{2020}\u{2019}", repaired: "→")])
    }

    @Test func repairsTwoByteSequencesOnLaterLines() {
        // "é" is C3 A9: "Ã" then "©".
        let (text, repairs) = MojibakeRepair.repair("x\ncaf\u{C3}\u{A9}")
        #expect(text == "x\ncafé")
        #expect(repairs.map(\.line) == [2])
        #expect(repairs.map(\.column) == [4])
    }

    /// Several runs with text, line breaks and correct non-ASCII between them: the text between
    /// is kept as it was, each run repaired at its own line and column.
    @Test func keepsTheTextBetweenRepairs() {
        let (text, repairs) = MojibakeRepair.repair(
            "\u{C3}\u{A9}t\u{C3}\u{A9} → ok\nnaïve \u{E2}\u{2020}\u{2019} end")
        #expect(text == "été → ok\nnaïve → end")
        #expect(repairs.map { [$0.line, $0.column] } == [[1, 1], [1, 4], [2, 7]])
        #expect(repairs.map(\.repaired) == ["é", "é", "→"])
    }

    @Test func leavesCorrectTextAlone() {
        for text in ["café → ∑ β", "Ã alone", "â€ is not complete", "naïve Zoë"] {
            #expect(MojibakeRepair.repair(text).0 == text)
            #expect(MojibakeRepair.repair(text).1.isEmpty)
        }
    }
}
