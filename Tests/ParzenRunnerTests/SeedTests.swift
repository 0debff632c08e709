import Testing
@testable import ParzenRunner

/// Seeds survive edits: an unlabelled directive's draws depend on what it says, not where it
/// is; the seed a result shows is the one used, and pasting it into `seed:` repeats the draws.
@Suite struct SeedTests {
    static let data = "```{data} d\nvalues: [1.2, 2.3, 2.9, 3.1, 4.8, 5.0, 3.3, 2.2]\n```\n\n```{fit} k\ndata: d\nmodel: kde\n```\n\n"

    /// The values of the last directive of `text`, which must succeed.
    func lastValues(_ text: String) throws -> ResultValues {
        let outcome = DirectiveNotebook(text).run(seed: 42)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.messages)")
        guard case .success(let result)? = outcome.cells.last else { throw Failure.notRun(outcome.messages) }
        return result.values
    }

    enum Failure: Error { case notRun([String]) }

    @Test func anUnlabelledSampleDrawsTheSameWhereverItIs() throws {
        let sample = "```{sample}\nfit: k\nn: 50\n```\n"
        let here = try lastValues(Self.data + sample)
        let moved = try lastValues(Self.data + "```{data} e\nvalues: [7, 8, 9]\n```\n\n\n\n" + sample)
        #expect(here == moved)
    }

    @Test func theSeedDependsOnTheOptionsNotTheirOrderOrSpelling() throws {
        let a = try lastValues(Self.data + "```{sample}\nfit: k\nn: 50\n```\n")
        let b = try lastValues(Self.data + "```{sample}\nn: 50\nfit: k\n```\n")
        let c = try lastValues(Self.data + "```{sample}\nfit: k\nn: 51\n```\n")
        #expect(a["seed"] == b["seed"])
        #expect(a["seed"] != c["seed"])
    }

    @Test(arguments: ["```{sample}\nfit: k\nn: 50\n```\n", "```{sample} s\nfit: k\nn: 50\n```\n"])
    func theShownSeedPastedBackRepeatsTheDraws(_ sample: String) throws {
        let derived = try lastValues(Self.data + sample)
        guard case .integer(let seed)? = derived["seed"] else { Issue.record("no seed shown"); return }
        #expect(seed >= 0)
        let pasted = try lastValues(Self.data + sample.replacingOccurrences(of: "n: 50\n", with: "n: 50\nseed: \(seed)\n"))
        #expect(pasted == derived)
    }

    @Test func derivedSeedsAreValidSeedOptions() {
        let context = RunContext(file: "nb.md", paths: ProjectPaths(notebookPath: "/tmp/nb.md", allowOutside: false),
                                 globalSeed: .max, checkOnly: false)
        for label in (0..<200).map({ "label\($0)" }) {
            let call = DirectiveCall(name: "sample", label: label, location: .init(line: 1, column: 1), options: OptionValues([:]))
            #expect(context.seed(for: call) <= UInt64(Int.max))
        }
    }
}
