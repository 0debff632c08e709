import Foundation
import ParzenFuzz
import ParzenTestSupport
import Testing

/// Every committed fuzz input — the seed corpus (`fuzz/corpus/<target>/`) and each minimised
/// finding (`fuzz/findings/<target>/`, named after the finding) — through its target's
/// invariants, so `make test` keeps what `make fuzz` established.
@Suite struct CorpusReplayTests {
    static func inputs(_ folder: String, _ target: FuzzTarget) -> [URL] {
        let url = Fixtures.repositoryFile("fuzz/\(folder)/\(target.rawValue)")
        let files = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)) ?? []
        return files.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test(arguments: FuzzTarget.allCases)
    func seedCorpusKeepsTheInvariants(target: FuzzTarget) throws {
        let inputs = Self.inputs("corpus", target)
        #expect(inputs.count >= 8, "fuzz/corpus/\(target.rawValue) is missing; run fuzz/make-corpus.py")
        for input in inputs {
            #expect(target.violations(Array(try Data(contentsOf: input))) == [], "\(input.lastPathComponent)")
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func findingsStayFixed(target: FuzzTarget) throws {
        for input in Self.inputs("findings", target) {
            #expect(target.violations(Array(try Data(contentsOf: input))) == [], "\(input.lastPathComponent)")
        }
    }
}
