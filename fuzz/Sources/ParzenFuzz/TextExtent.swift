/// The lines of a text, to judge whether a position (1-based line, column in Unicode scalars)
/// lies inside it. The position just after the last character of a line is inside (an error
/// "expected … at the end of the line" points there).
struct TextExtent {
    /// The number of Unicode scalars on each line; lines end at "\n".
    let lineLengths: [Int]

    init(_ text: String) {
        var lengths = [0]
        for scalar in text.unicodeScalars {
            if scalar == "\n" { lengths.append(0) } else { lengths[lengths.count - 1] += 1 }
        }
        lineLengths = lengths
    }

    /// Why (`line`, `column`) is outside the text, or nil when it is inside. `firstLine` is the
    /// number the text's first line has in the file.
    func problem(line: Int, column: Int, firstLine: Int = 1) -> String? {
        let index = line - firstLine
        guard lineLengths.indices.contains(index) else {
            return "line \(line) outside lines \(firstLine)...\(firstLine + lineLengths.count - 1)"
        }
        guard (1...(lineLengths[index] + 1)).contains(column) else {
            return "column \(column) outside 1...\(lineLengths[index] + 1) on line \(line)"
        }
        return nil
    }
}
