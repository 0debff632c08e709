import Foundation
import Testing

@testable import ParzenMath

/// The TeX inputs of seven other renderers' own test suites (`../shared/math-peers/`, with real
/// LaTeX's verdict on each): every formula LaTeX accepts must typeset without `<merror>`, at a
/// rate that may only go up. Skips with a notice where `../shared/` is absent (a bare clone).
@Suite struct PeerCorpusTests {
    /// Lowest acceptable share of LaTeX-valid formulas without `<merror>`, overall and per corpus.
    /// Raise these when coverage grows; a drop is a regression.
    static let overallFloor = 0.98
    static let corpusFloor = 0.97

    struct Record: Decodable {
        var id: String
        var tex: String
        var latex: LaTeXVerdict
    }

    /// `"core"`, `"ext"` or `false`.
    enum LaTeXVerdict: Decodable {
        case accepted
        case rejected

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = text == "core" || text == "ext" ? .accepted : .rejected
            } else {
                self = .rejected
            }
        }
    }

    static let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/math-peers")

    /// The formula as the corpus README says a notebook holds it: lines trimmed, blank lines
    /// dropped, and a line that would open a Markdown block joined to the line before it.
    static func notebookForm(of tex: String) -> String {
        var lines: [String] = []
        for raw in tex.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let opensBlock = ["-", "+", "*", ">", "#"].contains { line.hasPrefix($0) } || line.hasPrefix("1.")
            if opensBlock, !lines.isEmpty {
                lines[lines.count - 1] += " " + line
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func latexValidPeerFormulasRenderWithoutErrors() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: PeerCorpusTests.folder.path)) ?? []
        let corpora = files.filter { $0.hasSuffix(".json") && $0 != "SOURCES.json" }.sorted()
        guard !corpora.isEmpty else {
            print("notice: \(PeerCorpusTests.folder.path) is absent; the peer corpus test is skipped")
            return
        }
        var failures = ""
        var total = 0
        var rendered = 0
        for file in corpora {
            let data = try Data(contentsOf: PeerCorpusTests.folder.appendingPathComponent(file))
            let records = try JSONDecoder().decode([Record].self, from: data).filter { $0.latex == .accepted }
            var good = 0
            for record in records {
                let tex = PeerCorpusTests.notebookForm(of: record.tex)
                let result = MathDocument(macros: [:]).typeset(tex, display: true, origin: 0)
                #expect(isWellFormedXML(result.html), "\(file) \(record.id)")
                if result.html.contains("<merror>") {
                    let errors = result.diagnostics.filter { $0.severity == .error }.map(\.message)
                    failures +=
                        "\(file)\t\(record.id)\t\(errors.joined(separator: " | "))\t\(tex.replacingOccurrences(of: "\n", with: " "))\n"
                } else {
                    good += 1
                }
            }
            let rate = Double(good) / Double(max(records.count, 1))
            print(
                "peer corpus \(file): \(good) of \(records.count) (\(String(format: "%.1f", rate * 100))%) without <merror>"
            )
            #expect(rate >= PeerCorpusTests.corpusFloor, "\(file): \(rate)")
            total += records.count
            rendered += good
        }
        let rate = Double(rendered) / Double(max(total, 1))
        print("peer corpora overall: \(rendered) of \(total) (\(String(format: "%.1f", rate * 100))%) without <merror>")
        #expect(rate >= PeerCorpusTests.overallFloor)
        if let path = ProcessInfo.processInfo.environment["PARZEN_PEER_FAILURES"] {
            try failures.write(toFile: path, atomically: true, encoding: .utf8)
        }
    }
}
