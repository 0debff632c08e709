/// Refuses GFM tables wider than ``InputLimits/tableColumns`` before cmark-gfm sees them:
/// Debian's 0.29.0.gfm.6 spends time quadratic in a table's width (CVE-2023-37463, fixed in
/// gfm.12). A table's width is the number of cells of its delimiter row (`|---|:--:|`), so
/// each line made only of `|`, `:`, `-` and blanks is measured; one over the cap is reported
/// and its pipes become spaces (same length, so every position stays put), which makes
/// the table plain text. Cost: one pass over the text.
enum TableWidthCap {
    /// The body lines (0-based) that were too wide, with their width.
    static func apply(to text: inout [UInt8], cap: Int) -> [(line: Int, columns: Int)] {
        var found: [(line: Int, columns: Int)] = []
        var lineStart = 0
        var line = 0
        while lineStart <= text.count {
            var lineEnd = lineStart
            var pipes = 0
            var cells = 0
            var inCell = false
            var onlyDelimiters = true
            while lineEnd < text.count, text[lineEnd] != UInt8(ascii: "\n") {
                switch text[lineEnd] {
                case UInt8(ascii: "|"): pipes += 1; inCell = false
                case UInt8(ascii: "-"), UInt8(ascii: ":"):
                    if !inCell { cells += 1; inCell = true }
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
                default: onlyDelimiters = false
                }
                lineEnd += 1
            }
            if onlyDelimiters, pipes > 0, cells > cap {
                found.append((line, cells))
                for index in lineStart..<lineEnd where text[index] == UInt8(ascii: "|") {
                    text[index] = UInt8(ascii: " ")
                }
            }
            lineStart = lineEnd + 1
            line += 1
        }
        return found
    }
}
