import Foundation
import ParzenCore
import ParzenFormat
import Testing
@testable import ParzenRunner

/// What happened, in order, across the directives of one run.
private final class Log: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    func append(_ entry: String) { lock.withLock { entries.append(entry) } }
    var all: [String] { lock.withLock { entries } }
}

private let log = Log()

/// Logs its validation and its run; `even` must be an even number (a rule-free check).
private enum Step: Directive {
    static let name = "step"
    static let version = 1
    static let summary = "Logs."
    static let resultKind = ResultKind(rawValue: "step")
    static let example = "even: 2\n"
    static let options = [OptionSpec("even", .integer(0...100), required: true, help: "An even number.")]
    static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape {
        log.append("validate \(call.label!)")
        guard call.options.integer("even")! % 2 == 0 else {
            throw DirectiveError("\(call.options.integer("even")!) is odd", at: call.options.location(of: "even"))
        }
        return .opaque(resultKind)
    }
    static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        log.append("run \(call.label!)")
        return DirectiveResult(kind: resultKind)
    }
}

@Suite(.serialized) struct ValidationPhaseTests {
    func run(_ text: String, checkOnly: Bool = false) -> NotebookRunner.Outcome {
        let notebook = DirectiveNotebook(text)
        let context = RunContext(file: "nb.md", paths: ProjectPaths(notebookPath: notebook.folder.path + "/nb.md", allowOutside: false),
                                 globalSeed: 0, checkOnly: checkOnly)
        return NotebookRunner(registry: DirectiveRegistry([Step.self])).run(notebook.sources, in: context)
    }

    @Test func everyDirectiveIsValidatedBeforeAnyRuns() {
        let before = log.all.count
        let outcome = run("```{step} a\neven: 2\n```\n```{step} b\neven: 3\n```\n```{step} c\neven: 4\n```\n")
        #expect(Array(log.all.dropFirst(before)) == ["validate a", "validate b", "validate c", "run a", "run c"])
        #expect(outcome.messages == ["5:7 3 is odd"])
    }

    @Test func checkModeValidatesAndRunsNothing() {
        let before = log.all.count
        let outcome = run("```{step} a\neven: 2\n```\n```{step} b\neven: 3\n```\n", checkOnly: true)
        #expect(Array(log.all.dropFirst(before)) == ["validate a", "validate b"])
        #expect(outcome.messages == ["5:7 3 is odd"])
        guard case .checked = outcome.cells[0], case .failure = outcome.cells[1] else {
            Issue.record("\(outcome.cells)")
            return
        }
    }

    @Test func aValidationErrorCanBeAnIntendedExample() {
        for checkOnly in [false, true] {
            let outcome = run("```{step} a\neven: 3\nexpect: error\n```\n", checkOnly: checkOnly)
            #expect(outcome.diagnostics.isEmpty)
            guard case .expectedFailure(let message) = outcome.cells[0] else { Issue.record("\(outcome.cells)"); continue }
            #expect(message == "3 is odd")
        }
    }

    @Test func aCSVFileIsParsedOnceForValidationAndRun() throws {
        let context = RunContext(file: "nb.md", paths: ProjectPaths(notebookPath: "/tmp/nb.md", allowOutside: false),
                                 globalSeed: 0, checkOnly: false)
        var loads = 0
        for _ in 0..<2 {
            _ = try context.csvPoints(path: "/tmp/d.csv", columns: ["x"]) {
                loads += 1
                return (["x"], PointSet([1, 2]))
            }
        }
        _ = try context.csvPoints(path: "/tmp/d.csv", columns: ["y"]) {
            loads += 1
            return (["y"], PointSet([3, 4]))
        }
        #expect(loads == 2)
    }

    @Test func aFailedDirectiveIsNamedWithItsLineByItsDependents() {
        let outcome = DirectiveNotebook("```{data} d\nvalues: [1]\n```\n```{fit} g\ndata: d\nmodel: gaussian\n```\n").run()
        #expect(outcome.messages == ["2:9 'values' has 1 number; a data set needs at least 2", "5:7 'd' failed at line 1"])
        #expect(outcome.failedLabels["d"] == SourceLocation(line: 1, column: 1))
        #expect(outcome.failedLabels["g"] == SourceLocation(line: 4, column: 1))
    }
}

/// Each rule between options, in notebook and in command-line spelling.
@Suite struct OptionRuleTests {
    let fence = SourceLocation(line: 1, column: 1)

    func values(_ entries: [String: OptionValue.Content]) -> OptionValues {
        OptionValues(entries.mapValues { OptionValue($0, at: SourceLocation(line: 9, column: 3)) })
    }

    func messages(_ rule: OptionRule, _ entries: [String: OptionValue.Content], spelling: OptionSpelling = .notebook) -> [String] {
        rule.violations(in: values(entries), directive: "x", at: fence, spelling: spelling).map {
            "\($0.location!.line):\($0.location!.column) \($0.message)" + ($0.fix.map { "; \($0)" } ?? "")
        }
    }

    @Test func exactlyOne() {
        let rule = OptionRule.exactlyOne(["a", "b", "c"], example: "a: 1")
        #expect(messages(rule, [:]) == ["1:1 {x} needs one of 'a', 'b' or 'c'; e.g. a: 1"])
        #expect(messages(rule, ["b": .integer(1)]).isEmpty)
        #expect(messages(rule, ["a": .integer(1), "c": .integer(2)]) == ["9:3 give only one of 'a', 'b' and 'c' (found a and c); keep a and remove c"])
    }

    @Test func notTogether() {
        let rule = OptionRule.notTogether(OptionMeaning("h", "a width"), OptionMeaning("v", "a variance"))
        #expect(messages(rule, ["h": .number(1)]).isEmpty)
        #expect(messages(rule, ["h": .number(1), "v": .number(1)]) == ["9:3 give either 'h' (a width) or 'v' (a variance), not both; remove 'v', or remove 'h'"])
        #expect(messages(rule, ["h": .number(1), "v": .number(1)], spelling: .commandLine)
                == ["9:3 give either --h (a width) or --v (a variance), not both; remove --v, or remove --h"])
    }

    @Test func onlyWith() {
        let rule = OptionRule.onlyWith("n", other: "generate", meaning: "generated data")
        #expect(messages(rule, ["n": .integer(5), "generate": .text("g")]).isEmpty)
        #expect(messages(rule, ["n": .integer(5)]) == ["9:3 'n' only applies to generated data; remove it, or use 'generate'"])
    }

    @Test func onlyWhen() {
        let rule = OptionRule.onlyWhen("kernel", other: "model", isOneOf: ["kde"])
        #expect(messages(rule, ["kernel": .text("cosine"), "model": .text("kde")]).isEmpty)
        #expect(messages(rule, ["kernel": .text("cosine"), "model": .text("gmm")])
                == ["9:3 'kernel' does not apply to model: gmm; it applies to model: kde; remove it"])
        #expect(messages(rule, ["kernel": .text("cosine")]) == ["9:3 'kernel' only applies to model: kde; remove it, or set model: kde"])
        #expect(messages(rule, ["kernel": .text("cosine"), "model": .text("gmm")], spelling: .commandLine)
                == ["9:3 --kernel does not apply to --model gmm; it applies to --model kde; remove it"])
    }

    @Test func everyRuleNamesDeclaredOptions() {
        for directive in StandardDirectives.registry.directives {
            let names = Set(directive.options.map(\.name))
            for rule in directive.rules {
                #expect(Set(rule.optionNames).isSubset(of: names), "\(directive.name): \(rule.optionNames)")
            }
        }
    }
}

/// `parzen fit`'s flags go through `{fit}`'s declarations.
@Suite struct CommandLineOptionsTests {
    func check(_ flags: [(name: String, text: String)]) -> Result<OptionValues, DirectiveError> {
        CommandLineOptions.check(flags, specs: FitDirective.options, rules: FitDirective.rules, command: "fit")
    }

    func message(_ flags: [(name: String, text: String)]) -> String? {
        guard case .failure(let error) = check(flags) else { return nil }
        return error.message + (error.fix.map { "; \($0)" } ?? "")
    }

    @Test func valuesAreTypedByTheirDeclarations() throws {
        let options = try check([("model", "kde"), ("bandwidth", "0.3"), ("kernel", "cosine")]).get()
        #expect(options.number("bandwidth") == 0.3)
        #expect(options.text("kernel") == "cosine")
        #expect(message([("model", "gmm"), ("components", "0")]) == "option --components expects a whole number in 1…50, found the number 0; write e.g. --components 10")
        #expect(message([("model", "kde"), ("bandwidth", "scot")])
                == "option --bandwidth expects a positive number or one of scott, silverman, isj, cv, found 'scot'; did you mean 'scott'?")
    }

    @Test func theRulesAreFitsSpeltAsFlags() {
        #expect(message([("model", "kde"), ("bandwidth", "0.3"), ("beta", "0.1")])
                == "give either --bandwidth (h, the kernel's scale) or --beta (β = h², the Gaussian kernel's variance), not both; remove --beta, or remove --bandwidth")
        #expect(message([("model", "gaussian"), ("latent", "2")])
                == "--latent does not apply to --model gaussian; it applies to --model ppca, --model latent; remove it")
    }

    @Test func theSpecificationIsFits() throws {
        let options = try check([("model", "gmm"), ("components", "3"), ("covariance", "diagonal")]).get()
        let specification = try FitDirective.specification(commandLine: options, seed: 4)
        #expect(specification.family == .gmm && specification.components == 3 && specification.covarianceType == .diagonal)
        #expect(FitDirective.requirementProblem(specification, dimension: 1, trainCount: 2)?.message
                == "a mixture of 3 Gaussians needs at least 3 points, got 2")
    }
}
