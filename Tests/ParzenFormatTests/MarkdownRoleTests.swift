import Testing
@testable import ParzenFormat

/// MyST roles (`` {value}`label.key` ``) and prose references (`\eqref{…}`, `\ref{…}`).
struct MarkdownRoleTests {
    private func inlines(_ markdown: String, lineOffset: Int = 0) -> [MarkdownInline] {
        guard case .paragraph(let inlines)? = MarkdownParser.parse(markdown, options: .init(lineOffset: lineOffset)).blocks.first?.kind else { return [] }
        return inlines
    }

    @Test func roleWithPositions() throws {
        let parsed = inlines("The bandwidth is {value}`kde.bandwidth` here.", lineOffset: 9)
        #expect(parsed.count == 3)
        guard case .role(let role) = parsed[1].kind else { Issue.record("no role: \(parsed)"); return }
        #expect(role.name == "value")
        #expect(role.content == "kde.bandwidth")
        #expect(role.location == SourceLocation(line: 10, column: 18))
        #expect(role.contentLocation == SourceLocation(line: 10, column: 26))
        #expect(parsed[0].kind == .text("The bandwidth is "))
        #expect(parsed[2].kind == .text(" here."))
    }

    @Test func roleWithPaddedDoubleBackticks() {
        let parsed = inlines("{value}`` `odd`name ``")
        guard case .role(let role)? = parsed.first?.kind else { Issue.record("no role: \(parsed)"); return }
        #expect(role.content == "`odd`name")
        #expect(role.contentLocation == SourceLocation(line: 1, column: 11))
    }

    @Test func notRoles() {
        // A space between `{name}` and the code span, an invalid name, or no code span.
        #expect(inlines("{value} `x`").map(\.kind) == [.text("{value} "), .code("x")])
        #expect(inlines("{1x}`y`").map(\.kind) == [.text("{1x}"), .code("y")])
        #expect(inlines("{value} alone").map(\.kind) == [.text("{value} alone")])
    }

    @Test func proseReferences() {
        let parsed = inlines("in equation \\eqref{eq:RBF-KDE} and \\ref{fig:1}.", lineOffset: 2)
        let references = parsed.compactMap { if case .reference(let reference) = $0.kind { reference } else { nil } }
        #expect(references == [
            MarkdownReference(label: "eq:RBF-KDE", isParenthesized: true, location: SourceLocation(line: 3, column: 13)),
            MarkdownReference(label: "fig:1", isParenthesized: false, location: SourceLocation(line: 3, column: 36)),
        ])
        #expect(parsed.map(\.kind).first == .text("in equation "))
        #expect(parsed.map(\.kind).last == .text("."))
    }

    @Test func escapedBackslashReferenceIsText() {
        #expect(inlines("write \\\\eqref{x} literally").map(\.kind) == [.text("write \\eqref{x} literally")])
    }

    @Test func referencesInsideMathOrCodeStayThere() {
        let parsed = inlines("$\\eqref{a}$ and `\\ref{b}`")
        #expect(!parsed.contains { if case .reference = $0.kind { true } else { false } })
    }
}
