import Testing
@testable import ParzenFormat

/// Anchors and aliases are refused before Yams composes (and so expands) them.
struct YAMLAliasTests {
    private func messages(_ yaml: String, firstLine: Int = 1) -> [String] {
        YAMLReader.read(yaml, file: "nb.md", firstLine: firstLine).1.map(\.description)
    }

    /// The classic billion laughs: 10⁹ nodes if expanded; refused at the first anchor, with
    /// the count of the rest (issue 16: > 4 GB in 8–12 s before).
    @Test func billionLaughsIsRefusedBeforeExpansion() {
        var yaml = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        let names = Array("abcdefghi")
        for index in 1..<names.count {
            let aliases = Array(repeating: "*\(names[index - 1])", count: 9).joined(separator: ",")
            yaml += "\(names[index]): &\(names[index]) [\(aliases)]\n"
        }
        let (value, diagnostics) = YAMLReader.read(yaml, file: "nb.md", firstLine: 2)
        #expect(value == nil)
        #expect(diagnostics.first?.description ==
            "nb.md:2:4: error: YAML anchor '&a' is not supported in notebooks; remove the anchor and write each value out")
        #expect(diagnostics[1].description == "nb.md:3:4: error: YAML anchor '&b' is not supported in notebooks; remove the anchor and write each value out")
        #expect(diagnostics[2].description == "nb.md:3:8: error: YAML alias '*a' is not supported in notebooks; write the value out")
        #expect(diagnostics.count == YAMLReader.maximumAliasReports + 1)
        #expect(diagnostics.last?.message == "and \(9 + 8 * 9 - 10) more anchors, aliases and tags")
    }

    @Test func aliasInBlockMappingIsRefusedAtItsPosition() {
        #expect(messages("x: 1\ny:\n  - *x\n", firstLine: 5) ==
                ["nb.md:7:5: error: YAML alias '*x' is not supported in notebooks; write the value out"])
    }

    /// A merge key needs an alias too.
    @Test func mergeKeyIsRefused() {
        #expect(messages("base: &b {k: 1}\nfit:\n  <<: *b\n").count == 2)
    }

    @Test(arguments: [
        "title: a *star* and an & sign\n",
        "title: \"*not an alias*\"\n",
        "title: '&not an anchor'\n",
        "title: 'it''s *fine*'\n",
        "# *comment\ntitle: x # &comment\n",
        "body: |\n  *emphasis* in a block scalar\n  &more\nnext: x\n",
        "body: >\n    *folded*\n\n    &text\n",
        "title: \"multi\n  *line* quoted\"\n",
        "list: [a, \"*b\", 'c&']\n",
        "expr: 2*x & y\n",
        "tags: a, *b\n",
        "title: Wow!\nnote: \"!important\"\nx: a!b\n",
        // A bracket inside a plain scalar opens no flow collection, so ", *b" stays text.
        "x: a[1, *b\n",
    ])
    func asterisksAndAmpersandsInsideValuesAreText(yaml: String) {
        let (value, diagnostics) = YAMLReader.read(yaml, file: "nb.md", firstLine: 1)
        #expect(diagnostics.isEmpty)
        #expect(value != nil)
    }

    @Test(arguments: [
        ("[*a]\n", 1, 2),
        ("{k: *a}\n", 1, 5),
        ("- - *a\n", 1, 5),
        ("body: |\n  text\nk: *a\n", 3, 4),
        ("- a: |\n    text\n  b: *x\n", 3, 6),
        ("k: \"q\"\nj: *a\n", 2, 4),
        // A stray ']' in a plain scalar closes nothing: the flow list on line 2 is still seen.
        ("x: a]\nz: [a, *b]\n", 2, 8),
    ])
    func aliasesAtEveryNodeStartAreFound(yaml: String, line: Int, column: Int) {
        let diagnostics = YAMLReader.read(yaml, file: "nb.md", firstLine: 1).1
        #expect(diagnostics.map(\.location) == [ParzenFormat.SourceLocation(line: line, column: column)])
    }

    /// Directive bodies go through the same reader, with the body's own first line and column.
    @Test func aliasInADirectiveBodyIsLocatedInTheNotebook() {
        let diagnostics = YAMLReader.read("n: &n 5\nm: *n\n", file: "nb.md", firstLine: 10, firstColumn: 3).1
        #expect(diagnostics.map(\.location) == [ParzenFormat.SourceLocation(line: 10, column: 6), ParzenFormat.SourceLocation(line: 11, column: 6)])
    }

    /// Tags are refused at their position: Yams would apply them without a trace in the tree
    /// (`!!str 5` would turn a number into text, `!!python/object…` be dropped silently).
    @Test func tagsAreRefusedAtTheirPosition() {
        #expect(messages("title: !!python/object:os.system x\n", firstLine: 2) ==
                ["nb.md:2:8: error: YAML tag '!!python/object:os.system' is not supported in notebooks; "
                    + "remove the tag; quote the value if it is meant as text"])
        #expect(messages("n: !!str 5\n").map { String($0.prefix(9)) } == ["nb.md:1:4"])
        #expect(messages("k: [a, !x b]\n").map { String($0.prefix(9)) } == ["nb.md:1:8"])
        #expect(messages("- ! v\n") == ["nb.md:1:3: error: YAML tag '!' is not supported in notebooks; "
                                          + "remove the tag; quote the value if it is meant as text"])
        // A tag and the anchor after it: both, in order.
        #expect(messages("k: !!str &a v\n").map { String($0.prefix(10)) } == ["nb.md:1:4:", "nb.md:1:10"])
    }
}
