import Testing
@testable import ParzenFormat

/// Issue 16: every error about a wrong type in front matter or `parzen.yml` names the place,
/// the problem and the fix. The walk writes every known key (and every nested key) with a value
/// of every YAML kind, so a new key or a new type check without a fix fails here.
@Suite struct TypeErrorFixTests {
    /// One value of every kind a key can wrongly hold: quoted and plain text, numbers (negative,
    /// fractional, huge, not finite), empty, lists and mappings (also of the wrong inner kinds).
    static let wrongValues = [
        #""abc""#, "abc", "3", "-1", "1.5", "1e400", ".nan", "''", "[a, b]", "[[1]]", "[{x: 1}]", "{x: 1}",
        "{name: [1]}", "{name: S, order: 0}", "{name: S, order: [1]}", "{href: [1]}", "{macros: [1]}",
        "{macros: {a: [1]}}", "{macros: 3}", "[{name: [1]}]", "{max-size: [1]}", "{max-size: lots}",
        "[{section: [1], notebooks: {a: 1}}]", "[3]", "[{}]",
    ]

    /// Where `value` starts on the line `key: value`, and where that line ends (columns from 1).
    static func valueColumns(key: String, value: String, indent: Int = 0) -> ClosedRange<Int> {
        let start = indent + key.count + 3
        return start...(start + value.count)
    }

    /// Every error in `diagnostics` has a fix and lies on `line` within `columns` of `file`.
    static func expectLocatedWithFix(_ diagnostics: [Diagnostic], file: String, line: Int, columns: ClosedRange<Int>,
                                     input: String) {
        for diagnostic in diagnostics where diagnostic.severity == .error {
            #expect(!(diagnostic.fix ?? "").isEmpty, "no fix for \(input): \(diagnostic)")
            #expect(diagnostic.file == file, "\(input): \(diagnostic)")
            #expect(diagnostic.location.line == line, "\(input): \(diagnostic)")
            #expect(columns.contains(diagnostic.location.column), "\(input): \(diagnostic)")
        }
    }

    @Test func everyFrontMatterTypeErrorHasAFix() {
        var errors = 0
        for key in FrontMatter.knownKeys {
            for value in Self.wrongValues {
                let text = "---\n\(key): \(value)\n---\n"
                let notebook = Notebook(text: text, path: "nb.md")
                Self.expectLocatedWithFix(notebook.diagnostics, file: "nb.md", line: 2,
                                          columns: Self.valueColumns(key: key, value: value), input: text)
                errors += notebook.diagnostics.count { $0.severity == .error }
            }
        }
        // The walk reaches the type checks: most keys refuse most of these values.
        #expect(errors > 150)
    }

    @Test func everyProjectFileTypeErrorHasAFix() {
        var errors = 0
        let keys = ProjectFile.knownKeys.filter { $0 != "defaults" }
        for value in Self.wrongValues {
            for key in keys {
                let text = "\(key): \(value)\n"
                let (_, diagnostics) = ProjectFileParser.parse(text, file: "parzen.yml")
                Self.expectLocatedWithFix(diagnostics, file: "parzen.yml", line: 1,
                                          columns: Self.valueColumns(key: key, value: value), input: text)
                errors += diagnostics.count { $0.severity == .error }
            }
            // Nested keys, one level down, as the author writes them.
            let nested = [("defaults", FrontMatterDefaults.allowedKeys), ("cache", CacheSettings.knownKeys)]
            for (parent, children) in nested {
                for child in children {
                    let text = "\(parent):\n  \(child): \(value)\n"
                    let (_, diagnostics) = ProjectFileParser.parse(text, file: "parzen.yml")
                    Self.expectLocatedWithFix(diagnostics, file: "parzen.yml", line: 2,
                                              columns: Self.valueColumns(key: child, value: value, indent: 2),
                                              input: text)
                    errors += diagnostics.count { $0.severity == .error }
                }
            }
            for child in NavigationSection.knownKeys {
                let other = NavigationSection.knownKeys.first { $0 != child }!
                let text = "navigation:\n  - \(other): x.md\n    \(child): \(value)\n"
                let (_, diagnostics) = ProjectFileParser.parse(text, file: "parzen.yml")
                Self.expectLocatedWithFix(diagnostics, file: "parzen.yml", line: 3,
                                          columns: Self.valueColumns(key: child, value: value, indent: 4), input: text)
                errors += diagnostics.count { $0.severity == .error }
            }
        }
        #expect(errors > 150)
    }

    /// The three cases the issue names, word for word.
    @Test func namedCasesSayWhatToWrite() {
        #expect(Notebook(text: "---\nseed: \"abc\"\n---\n", path: "nb.md").diagnostics.map(\.description) == [
            "nb.md:2:7: error: front-matter key 'seed' expects a non-negative whole number, found the text 'abc'; "
                + "write e.g. seed: 42",
        ])
        #expect(Notebook(text: "---\nmath: {macros: [a]}\n---\n", path: "nb.md").diagnostics.map(\.description) == [
            "nb.md:2:16: error: front-matter key 'math.macros' expects a mapping of macro names to TeX, found a list; "
                + #"write e.g. macros: {'\R': '\mathbb{R}'}"#,
        ])
        #expect(ProjectFileParser.parse("notebooks: 3\n", file: "parzen.yml").1.map(\.description) == [
            "parzen.yml:1:12: error: 'notebooks' glob '3' does not name Markdown files; end it in .md or .markdown, "
                + "e.g. '**/*.md'",
        ])
        #expect(ProjectFileParser.parse("notebooks: {a: 1}\n", file: "parzen.yml").1.map(\.description) == [
            "parzen.yml:1:12: error: 'notebooks' expects a glob or a list of globs such as '*.md', found a mapping; "
                + "write e.g. notebooks: ['*.md', 'chapters/*.md']",
        ])
    }
}
