import ParzenFormat

/// The lines of a text, to judge whether a position (1-based line, column in Unicode scalars)
/// lies inside it. The position just after the last character of a line is inside (an error
/// "expected … at the end of the line" points there).
///
/// A line ends at "\n", "\r\n" or a lone "\r": CommonMark's definition, the notebook's (every
/// layer reads it so, see `LoneCarriageReturns`) and the CSV reader's. With `lineFeedsToo`, a
/// reading with lines ending at "\n" only is accepted as well: the YAML reader's, which the
/// `options` target drives without a notebook around it.
struct TextExtent {
    /// The number of Unicode scalars on each line, lines ending at "\n".
    let lineLengths: [Int]
    /// The same with "\r\n" and a lone "\r" also ending a line.
    let commonMarkLineLengths: [Int]
    let lineFeedsToo: Bool

    init(_ text: String, lineFeedsToo: Bool = false) {
        self.lineFeedsToo = lineFeedsToo
        var lengths = [0], commonMark = [0]
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lengths.append(0) } else { lengths[lengths.count - 1] += 1 }
            switch scalar {
            case "\n" where previous == "\r": break
            case "\n", "\r": commonMark.append(0)
            default: commonMark[commonMark.count - 1] += 1
            }
            previous = scalar
        }
        lineLengths = lengths
        commonMarkLineLengths = commonMark
    }

    /// Why (`line`, `column`) is outside the text under every accepted reading, or nil when
    /// it is inside.
    func problem(line: Int, column: Int) -> String? {
        guard let problem = Self.problem(line: line, column: column, lengths: commonMarkLineLengths) else { return nil }
        guard lineFeedsToo else { return problem }
        return Self.problem(line: line, column: column, lengths: lineLengths).map { _ in problem }
    }

    private static func problem(line: Int, column: Int, lengths: [Int]) -> String? {
        guard lengths.indices.contains(line - 1) else { return "line \(line) outside lines 1...\(lengths.count)" }
        guard (1...(lengths[line - 1] + 1)).contains(column) else {
            return "column \(column) outside 1...\(lengths[line - 1] + 1) on line \(line)"
        }
        return nil
    }

    /// The diagnostics about `file` that point outside the text, described.
    func outsiders(_ diagnostics: [Diagnostic], file: String) -> [String] {
        // Diagnostics about other files (a data file's bad row) point into those files.
        let own = diagnostics.filter { $0.file == file }
        return own.compactMap { diagnostic in
            problem(line: diagnostic.location.line, column: diagnostic.location.column).map { "\($0): \(diagnostic)" }
        }
    }
}
