import Foundation
import ParzenFormat
import Testing
@testable import ParzenRunner

/// Two toy directives that exercise every option type without the statistics core.
private enum Produce: Directive {
    static let name = "produce"
    static let version = 1
    static let summary = "Produces a number."
    static let resultKind = ResultKind(rawValue: "thing")
    static let example = "value: 2\n"
    static let options = [
        OptionSpec("value", .number, required: true, help: "The number."),
        OptionSpec("mode", .choice(["fast", "exact"]), default: "exact", help: "How."),
        OptionSpec("count", .integer(1...100), help: "How many."),
        OptionSpec("bandwidth", .numberOrChoice(["scott", "cv"]), help: "A bandwidth."),
        OptionSpec("holdout", .fraction, help: "A fraction."),
        OptionSpec("source", .path, help: "A file."),
        OptionSpec("fail", .boolean, help: "Throw on purpose."),
    ]
    static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        if call.options.boolean("fail") == true {
            throw DirectiveError("failed on purpose", fix: "set fail: false", at: call.options.location(of: "fail"))
        }
        var values = ResultValues()
        values["value"] = .number(call.options.number("value")!)
        return DirectiveResult(kind: resultKind, values: values, payload: call.options.number("value")!)
    }
}

private enum Consume: Directive {
    static let name = "consume"
    static let version = 1
    static let summary = "Doubles earlier numbers."
    static let resultKind = ResultKind(rawValue: "sum")
    static let example = "inputs: [a]\n"
    static let options = [
        OptionSpec("inputs", .list(.label([Produce.resultKind])), required: true, help: "Earlier numbers."),
    ]
    static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        var total = 0.0
        for (label, location) in call.options.labels("inputs") {
            total += try context.payload(label, as: Double.self, at: location)
        }
        var values = ResultValues()
        values["total"] = .number(total)
        return DirectiveResult(kind: resultKind, values: values)
    }
}

/// Builds directive sources from a tiny notebook syntax: each block is "```{name} label" at
/// the given line, then the body lines.
private func source(_ header: String, line: Int, _ body: String) -> DirectiveSource {
    let words = header.dropFirst().split(separator: "}", maxSplits: 1)
    let name = String(words[0])
    let label = words.count > 1 ? words[1].trimmingCharacters(in: .whitespaces) : ""
    let labelColumn = header.count - label.count + 4  // after "```"
    return DirectiveSource(name: name, nameLocation: SourceLocation(line: line, column: 5),
                           label: label.isEmpty ? nil : label,
                           labelLocation: label.isEmpty ? nil : SourceLocation(line: line, column: labelColumn),
                           location: SourceLocation(line: line, column: 1), body: body, bodyLine: line + 1, bodyColumn: 1)
}

private func run(_ sources: [DirectiveSource], checkOnly: Bool = false, notebook: String = "/tmp/parzen-tests/nb.md") -> NotebookRunner.Outcome {
    let context = RunContext(file: "nb.md", paths: ProjectPaths(notebookPath: notebook, allowOutside: false), globalSeed: 0, checkOnly: checkOnly)
    return NotebookRunner(registry: DirectiveRegistry([Produce.self, Consume.self])).run(sources, in: context)
}

@Suite struct RunnerTests {
    @Test func laterDirectivesSeeEarlierResults() {
        let outcome = run([
            source("{produce} a", line: 3, "value: 2\n"),
            source("{produce} b", line: 7, "value: 5\n"),
            source("{consume} c", line: 11, "inputs: [a, b]\n"),
        ])
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.results["c"]?.values["total"] == .number(7))
    }

    /// Fuzz finding duplicate-key-after-crlf: a body with CRLF lines, a blank line and no final
    /// line break; the second 'value' is body line 4, notebook line 5 (body from line 2). Split
    /// as Characters, "\r\n" ended no line and the error was moved to 4:5.
    @Test func duplicateKeyAfterCRLF() {
        let outcome = run([source("{produce} a", line: 1, "value: 1\r\n\nx: 1\nvalue: 2")], checkOnly: true)
        #expect(outcome.diagnostics.map(\.description) ==
                ["nb.md:5:1: error: duplicate key 'value' (first given at line 2); remove one of the two"])
    }

    @Test func aFailingCellDoesNotHideTheOthers() {
        let outcome = run([
            source("{produce} a", line: 3, "value: 2\nfail: true\n"),
            source("{produce} b", line: 8, "value: 5\n"),
        ])
        #expect(outcome.diagnostics.map(\.description) == ["nb.md:5:7: error: failed on purpose; set fail: false"])
        #expect(outcome.results["b"]?.values["value"] == .number(5))
        guard case .failure = outcome.cells[0], case .success = outcome.cells[1] else {
            Issue.record("expected failure then success, got \(outcome.cells)")
            return
        }
    }

    @Test func expectedErrorIsShownAndDoesNotFail() {
        let outcome = run([source("{produce} a", line: 1, "value: 2\nfail: true\nexpect: error\n")])
        #expect(outcome.diagnostics.isEmpty)
        guard case .expectedFailure(let message) = outcome.cells[0] else {
            Issue.record("expected an expected failure")
            return
        }
        #expect(message == "failed on purpose; set fail: false")
    }

    @Test func checkOnlyValidatesWithoutRunning() {
        let outcome = run([
            source("{produce} a", line: 1, "value: 2\nfail: true\n"),
            source("{consume} c", line: 5, "inputs: a\n"),
        ], checkOnly: true)
        #expect(outcome.diagnostics.isEmpty)
        #expect(outcome.results.isEmpty)
    }

    @Test func dependentOfAFailedCellSaysSo() {
        let outcome = run([
            source("{produce} a", line: 1, "value: 2\nfail: true\n"),
            source("{consume} c", line: 5, "inputs: a\n"),
        ])
        #expect(outcome.diagnostics.map(\.description) == [
            "nb.md:3:7: error: failed on purpose; set fail: false",
            "nb.md:6:9: error: 'a' failed at line 1; fix the error there first",
        ])
    }

    @Test func seedsDependOnLabelNotPosition() {
        let context = RunContext(file: "nb.md", paths: ProjectPaths(notebookPath: "/tmp/nb.md", allowOutside: false), globalSeed: 5, checkOnly: false)
        let a = DirectiveCall(name: "sample", label: "draws", location: SourceLocation(line: 1, column: 1), options: OptionValues([:]))
        let b = DirectiveCall(name: "sample", label: "draws", location: SourceLocation(line: 90, column: 1), options: OptionValues([:]))
        let c = DirectiveCall(name: "sample", label: "other", location: SourceLocation(line: 1, column: 1), options: OptionValues([:]))
        #expect(context.seed(for: a) == context.seed(for: b))
        #expect(context.seed(for: a) != context.seed(for: c))
    }
}

/// Bad directive input: each case names its exact message and position.
@Suite struct DirectiveDiagnosticTests {
    func messages(_ sources: [DirectiveSource]) -> [String] {
        run(sources).diagnostics.map(\.description)
    }

    @Test func unknownDirective() {
        #expect(messages([source("{produse} a", line: 4, "value: 1\n")]) ==
                ["nb.md:4:5: error: unknown directive '{produse}'; did you mean 'produce'?"])
    }

    @Test func unknownOption() {
        #expect(messages([source("{produce} a", line: 1, "value: 1\nmdoe: fast\n")]) ==
                ["nb.md:3:1: error: unknown option 'mdoe' for {produce}; did you mean 'mode'?"])
    }

    @Test func missingRequiredOption() {
        #expect(messages([source("{produce} a", line: 1, "mode: fast\n")]) ==
                ["nb.md:1:1: error: {produce} needs the option 'value' (a number); add a line 'value: …' to its body"])
    }

    @Test func wrongTypeNamesOptionTypeAndValue() {
        #expect(messages([source("{produce} a", line: 1, "value: lots\n")]) ==
                ["nb.md:2:8: error: option 'value' expects a number, found the text 'lots'; write e.g. value: 1.5"])
    }

    @Test func quotedNumberIsText() {
        #expect(messages([source("{produce} a", line: 1, "value: \"3\"\n")]) ==
                ["nb.md:2:8: error: option 'value' expects a number, found the text '3'; write e.g. value: 1.5"])
    }

    @Test func choiceWithTypo() {
        #expect(messages([source("{produce} a", line: 1, "value: 1\nmode: exakt\n")]) ==
                ["nb.md:3:7: error: option 'mode' expects one of fast, exact, found 'exakt'; did you mean 'exact'?"])
    }

    @Test func integerOutOfRange() {
        #expect(messages([source("{produce} a", line: 1, "value: 1\ncount: 0\n")]) ==
                ["nb.md:3:8: error: option 'count' expects a whole number in 1…100, found the number 0; write e.g. count: 10"])
    }

    @Test func negativeBandwidth() {
        #expect(messages([source("{produce} a", line: 1, "value: 1\nbandwidth: -0.2\n")]) ==
                ["nb.md:3:12: error: option 'bandwidth' expects a positive number or one of scott, cv, found the number -0.2; "
                 + "write e.g. bandwidth: scott"])
    }

    @Test func bandwidthRuleTypo() {
        #expect(messages([source("{produce} a", line: 1, "value: 1\nbandwidth: scot\n")]) ==
                ["nb.md:3:12: error: option 'bandwidth' expects a positive number or one of scott, cv, found 'scot'; did you mean 'scott'?"])
    }

    @Test func fractionOutOfRange() {
        #expect(messages([source("{produce} a", line: 1, "value: 1\nholdout: 1.5\n")]) ==
                ["nb.md:3:10: error: option 'holdout' expects a number in [0, 1), found the number 1.5; write e.g. holdout: 0.2"])
    }

    @Test func duplicateLabel() {
        #expect(messages([source("{produce} a", line: 1, "value: 1\n"), source("{produce} a", line: 4, "value: 2\n")]) ==
                ["nb.md:4:14: error: label 'a' is already used at line 1; labels must be unique in a notebook; rename one"])
    }

    @Test func referenceToUnknownLabel() {
        #expect(messages([source("{produce} alpha", line: 1, "value: 1\n"), source("{consume} c", line: 4, "inputs: [alpah]\n")]) ==
                ["nb.md:5:10: error: no result labelled 'alpah' above this point; did you mean 'alpha'?"])
    }

    @Test func referenceToLaterLabel() {
        #expect(messages([source("{consume} c", line: 1, "inputs: [a]\n"), source("{produce} a", line: 4, "value: 1\n")]) ==
                ["nb.md:2:10: error: no result labelled 'a' above this point; a directive can only use results labelled above it"])
    }

    @Test func referenceOfTheWrongKind() {
        #expect(messages([source("{produce} a", line: 1, "value: 1\n"), source("{consume} c", line: 4, "inputs: [a]\n"),
                          source("{consume} d", line: 7, "inputs: [c]\n")]) ==
                ["nb.md:8:10: error: option 'inputs' needs the label of an earlier thing, but 'c' (line 4) is a sum; use 'a'"])
    }

    @Test func bodyThatIsNotAMapping() {
        #expect(messages([source("{produce} a", line: 1, "- value\n")]) == [
            "nb.md:2:1: error: the body of {produce} must be 'option: value' lines, found a list; write one option per line, e.g. 'value: …'",
        ])
    }

    @Test func invalidYAMLInBody() {
        let m = messages([source("{produce} a", line: 1, "value: [1\n")])
        // At the end of the body (after "[1"), not on the closing fence.
        #expect(m.first?.hasPrefix("nb.md:2:10: error: invalid YAML") == true)
        #expect(m.count == 1)
    }

    @Test func expectedErrorThatDoesNotHappen() {
        #expect(messages([source("{produce} a", line: 1, "value: 1\nexpect: error\n")]) ==
                ["nb.md:3:9: error: this directive was expected to fail (expect: error) but it succeeded; remove 'expect: error' or change the input so that it fails"])
    }

    @Test func missingFile() throws {
        let folder = "/tmp/parzen-tests"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let m = messages([source("{produce} a", line: 1, "value: 1\nsource: data/none.csv\n")])
        #expect(m == ["nb.md:3:9: error: file 'data/none.csv' not found (looked for \(folder)/data/none.csv); paths are relative to the notebook's folder"])
    }

    @Test func pathLeavingTheProject() throws {
        let folder = "/tmp/parzen-tests"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let m = messages([source("{produce} a", line: 1, "value: 1\nsource: ../../etc/passwd\n")])
        #expect(m == ["nb.md:3:9: error: path '../../etc/passwd' leaves the project folder \(folder); move the file into the project, or run with --allow-outside"])
    }
}
