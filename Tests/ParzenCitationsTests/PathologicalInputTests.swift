import ParzenCitations
import Testing

/// Hostile inputs must end quickly with a clear message (cmark's pathological tests in spirit;
/// no timing assertion: a quadratic or recursive reader would hang or crash the run).
@Suite struct PathologicalInputTests {
    @Test func deeplyNestedBracesAreAnErrorNotACrash() {
        let depth = 65_000
        let source = "@misc{k, title = {" + String(repeating: "{", count: depth) + "x"
            + String(repeating: "}", count: depth) + "}}"
        let (db, problems) = parseBib(source)
        #expect(problems == [
            "refs.bib:1:18: error: braces nested more than 64 deep in field 'title' of entry 'k'; "
                + "remove the extra braces; the value is printed as written",
        ])
        #expect(db.keys == ["k"])
    }

    @Test func unclosedEntriesDoNotHideEachOther() {
        let source = String(repeating: "@misc{k,\n title = {x\n", count: 2000)
        let (_, problems) = parseBib(source)
        #expect(problems.count == 2000)
    }

    @Test func manyUnclosedBracketsScanLinearly() {
        let text = String(repeating: "[@a ", count: 50_000)
        #expect(Citation.find(in: text).count == 50_000)
    }

    @Test func deeplyNestedBracketsAreNotOneCitation() {
        let text = String(repeating: "[", count: 65_000) + "@a" + String(repeating: "]", count: 65_000)
        #expect(Citation.find(in: text).count == 1)
    }
}
