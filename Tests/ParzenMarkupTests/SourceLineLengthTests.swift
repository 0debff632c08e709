import Foundation
import ParzenTestSupport
import Testing

/// House style: no line of `Sources/` over 120 columns (characters, not bytes), generated files
/// included — their generators wrap too.
@Suite struct SourceLineLengthTests {
    @Test func everySourceLineFitsIn120Columns() throws {
        let sources = Fixtures.repositoryFile("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        #expect(!files.isEmpty)
        var long: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.count > 120 {
                long.append("\(file.path.dropFirst(sources.path.count + 1)):\(index + 1) (\(line.count) columns)")
            }
        }
        #expect(long.isEmpty, "\(long.count) lines over 120 columns: \(long.prefix(10).joined(separator: ", "))")
    }
}
