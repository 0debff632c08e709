import ParzenFormat
import ParzenReport
import ParzenRunner
import ParzenTestSupport
import Testing

/// Issue 16: `parzen check` locates every diagnostic on the line an editor shows, whether the
/// notebook's lines end in "\n", "\r\n", a lone "\r" (classic Mac OS) or a mix — cmark-gfm ends a
/// line at each. One notebook with a mistake in every layer (front matter, math inline, in a
/// display and in a table cell, directive options); the positions are read off it by hand.
@Suite struct LineEndLocationTests {
    static let lines = [
        "---",                          // 1
        "title: Line ends",             // 2
        "seed: x",                      // 3: 'x' at column 7
        "---",                          // 4
        "",                             // 5
        "# Kernels",                    // 6
        "",                             // 7
        "Prose with $\\foo$ in it.",    // 8: '\foo' at column 13
        "",                             // 9
        "$$",                           // 10
        "a + \\qux",                    // 11: '\qux' at column 5
        "$$",                           // 12
        "",                             // 13
        "```{fit} m",                   // 14
        "data: d",                      // 15: 'd' at column 7
        "model: gausian",               // 16: 'gausian' at column 8
        "```",                          // 17
        "",                             // 18
        "| a | b |",                    // 19
        "|---|---|",                    // 20
        "| $\\zap$ | 2 |",              // 21: '\zap' at column 4
        "",                             // 22
        "Last $\\baz$ here.",           // 23: '\baz' at column 7
    ]
    static let expected = ["3:7", "8:13", "11:5", "15:7", "16:8", "21:4", "23:7"]
    /// In the mixed cycles a "\r" is never followed by an empty line ended by "\n": that would
    /// be one "\r\n", and the file one line shorter.
    static let variants: [String: [String]] = [
        "LF": ["\n"], "CRLF": ["\r\n"], "CR": ["\r"], "mixed": ["\n", "\r", "\r\n"], "mixed2": ["\r\n", "\r"],
    ]
    static let builder = ReportBuilder(registry: StandardDirectives.registry, allowOutside: false)
    static let path = Fixtures.repositoryFile("notebooks/line-ends.md").path

    static func check(_ ends: [String]) -> [Diagnostic] {
        let text = lines.enumerated().map { $0.element + ends[$0.offset % ends.count] }.joined()
        return builder.build(text: text, path: path, checkOnly: true).diagnostics.filter { $0.file == path }
    }

    @Test(arguments: variants.keys.sorted())
    func everyDiagnosticIsOnTheEditorsLine(variant: String) {
        let diagnostics = Self.check(Self.variants[variant]!)
        #expect(diagnostics.map { "\($0.location.line):\($0.location.column)" } == Self.expected)
        // The same messages as with "\n" alone: no "\r" reaches a message or shifts a column.
        #expect(diagnostics.map(\.description) == Self.check(["\n"]).map(\.description))
    }
}
