import Foundation
import ParzenFormat

extension Site {
    /// `--budget`: a warning for every notebook whose page is larger than `budget` bytes,
    /// naming its largest parts (``PageWeight``) so the author sees what to trim. Located at
    /// the notebook's first line: the page as a whole, not one line, is over.
    public func budgetWarnings(budget: Int, pages: [Page]) -> [Diagnostic] {
        let sizes = Dictionary(pages.map { ($0.fileName, $0.html) }, uniquingKeysWith: { first, _ in first })
        return builds.compactMap { build in
            guard let html = sizes[build.outputPath], html.utf8.count > budget else { return nil }
            let weight = PageWeight(html: html)
            let largest = weight.parts.prefix(4).map { "\($0.name) \(Self.kilobytes($0.bytes))" }
            return Diagnostic(.warning, file: build.path, at: SourceLocation(line: 1, column: 1),
                              "its page \(build.outputPath) is \(Self.kilobytes(weight.total)), over the budget of "
                                  + "\(Self.kilobytes(budget)); largest parts: \(largest.joined(separator: ", "))",
                              fix: "split the notebook, or show fewer or smaller figures")
        }
    }

    /// Bytes in kilobytes (10³ bytes) with one decimal: `305.2 KB`.
    static func kilobytes(_ bytes: Int) -> String {
        String(format: "%.1f KB", Double(bytes) / 1000)
    }
}
