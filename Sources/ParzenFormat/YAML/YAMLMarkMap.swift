/// Converts libyaml's positions in a YAML text into the notebook's (1-based line and column
/// in Unicode scalars, lines ending at "\n"; a notebook's or `parzen.yml`'s lone "\r"s are
/// line feeds by the time YAML is read, see `LoneCarriageReturns`).
///
/// The two disagree in two ways. libyaml ends a line at every YAML 1.1 line break — "\n",
/// "\r\n", a lone "\r", U+0085, U+2028 and U+2029 — so after a U+2028 (or a lone "\r" in text
/// that did not come from a notebook) its line numbers run ahead of the notebook's. And at the
/// end of a text without a final line break, libyaml moves its position to the start of the
/// line after it, a line the notebook does not have; the position meant is the end of the text.
/// So a mark is turned into a scalar offset by libyaml's rules (clamped to its line, and to the
/// text) and the offset into a location by the notebook's. Cost: O(n) to build, O(log n) per
/// position.
struct YAMLMarkMap {
    /// The scalar offsets where each of libyaml's lines starts and where its line break is
    /// (the end of the text for the last line).
    private let yamlLines: [(start: Int, end: Int)]
    /// The scalar offset where each of the notebook's lines starts.
    private let lineStarts: [Int]
    private let count: Int
    /// Offsets of the "\r"s that end a notebook line ("\r\n") or the text: a position just
    /// after one is shown at it, the end of the line as an editor shows it.
    private let lineEndCarriageReturns: Set<Int>

    init(_ text: String) {
        var yamlLines: [(start: Int, end: Int)] = [], yamlStart = 0, starts = [0]
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if scalar == "\n" { starts.append(index) }
            switch scalar {
            case "\r" where index < scalars.count && scalars[index] == "\n":
                // "\r\n" is one break: the line ends at the "\r", the next starts after the "\n".
                yamlLines.append((yamlStart, index - 1))
                yamlStart = index + 1
            case "\n" where index >= 2 && scalars[index - 2] == "\r":
                break
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}":
                yamlLines.append((yamlStart, index - 1))
                yamlStart = index
            default:
                break
            }
        }
        yamlLines.append((yamlStart, scalars.count))
        self.yamlLines = yamlLines
        lineEndCarriageReturns = Set(scalars.indices.filter {
            scalars[$0] == "\r" && ($0 + 1 == scalars.count || scalars[$0 + 1] == "\n")
        })
        lineStarts = starts
        count = scalars.count
    }

    /// The notebook location (relative to the text: its first line is 1) of libyaml's 1-based
    /// `line` and `column`.
    func location(line: Int, column: Int) -> (line: Int, column: Int) {
        location(ofOffset: offset(line: line, column: column))
    }

    /// The scalar offset in the text of libyaml's 1-based `line` and `column`.
    func offset(line: Int, column: Int) -> Int {
        var offset: Int
        if line < 1 {
            offset = 0
        } else if line > yamlLines.count {
            offset = count
        } else {
            let (start, end) = yamlLines[line - 1]
            offset = min(start + max(0, column - 1), end)
        }
        if lineEndCarriageReturns.contains(offset - 1) { offset -= 1 }
        return offset
    }

    /// The notebook location (relative to the text) of the scalar offset `offset`.
    func location(ofOffset offset: Int) -> (line: Int, column: Int) {
        // The last notebook line starting at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }
}
