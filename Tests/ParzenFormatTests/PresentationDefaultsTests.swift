import ParzenFormat
import Testing

/// `echo:` and `output:` as front-matter keys and as `parzen.yml` defaults that a notebook's
/// own keys replace.
@Suite struct PresentationDefaultsTests {
    static func front(_ yaml: String) -> (FrontMatter, [Diagnostic]) {
        let (split, found) = FrontMatterParser.split("---\n" + yaml + "---\nBody.\n", file: "nb.md")
        let (front, more) = FrontMatterParser.parse(split, file: "nb.md")
        return (front, found + more)
    }

    @Test func frontMatterReadsBoth() {
        let (front, diagnostics) = Self.front("echo: true\noutput: brief\n")
        #expect(diagnostics.isEmpty)
        #expect(front.echo && front.output == .brief)
        let (plain, _) = Self.front("title: T\n")
        #expect(!plain.echo && plain.output == .full)
    }

    @Test func projectDefaultsApplyWhereTheNotebookIsSilent() {
        let (project, diagnostics) = ProjectFileParser.parse("defaults:\n  echo: true\n  output: none\n",
                                                             file: "parzen.yml")
        #expect(diagnostics.map(\.description) == [])
        let (silent, _) = Self.front("title: T\n")
        let applied = project.defaults.applied(to: silent)
        #expect(applied.echo && applied.output == .none)
        let (own, _) = Self.front("echo: false\noutput: full\n")
        let kept = project.defaults.applied(to: own)
        #expect(!kept.echo && kept.output == .full)
    }
}
