/// MyST colon fences (`:::{name} label` … `:::`) as directive fences.
///
/// cmark knows only backtick and tilde fences, so before parsing, a colon fence whose info
/// starts with `{` is rewritten into a tilde fence of the same length — byte for byte the
/// same size, so every position stays put. Tildes, not backticks: MyST authors put backtick
/// code fences inside `:::{note}`, and those must not close it. A fence counts when its
/// opening and closing lines are indented at most three spaces, the closing line has at least
/// as many colons and nothing else, it is not inside a backtick or tilde fence, and its body
/// has no tilde fence line that would close the rewritten fence early; anything else is left
/// as written, and an opening line of a directive that no line closes is reported.
enum ColonFences {
    /// An opening line `:::{name}` that no line closes (0-based line, 1-based column).
    struct Unclosed: Equatable {
        var line: Int
        var column: Int
        var colons: Int
        var name: String
    }

    static func rewrite(_ text: [UInt8], unclosed: inout [Unclosed]) -> [UInt8] {
        guard text.contains(UInt8(ascii: ":")) else { return text }
        let lines = lineRanges(text)
        var out = text
        var open: (character: UInt8, count: Int)?
        var closers = ClosingLineCache()
        var index = 0
        while index < lines.count {
            let line = Array(text[lines[index]])
            defer { index += 1 }
            guard let (character, count, rest) = fence(line) else { continue }
            if let current = open {
                // Inside a code fence: only its closing line matters.
                if character == current.character, count >= current.count, rest.allSatisfy(isBlank) { open = nil }
                continue
            }
            if character != UInt8(ascii: ":") {
                open = (character, count)
                continue
            }
            guard rest.first == UInt8(ascii: "{") else { continue }
            guard let close = closers.closingLine(after: index, colons: count, lines: lines, text: text) else {
                let name = rest.dropFirst().prefix { $0 != UInt8(ascii: "}") && !isBlank($0) }
                unclosed.append(Unclosed(line: index, column: leadingSpaces(line) + 1, colons: count,
                                         name: String(decoding: name, as: UTF8.self)))
                continue
            }
            for lineIndex in [index, close] {
                let line = Array(text[lines[lineIndex]])
                let start = leadingSpaces(line)
                let run = line[start...].prefix { $0 == UInt8(ascii: ":") }.count
                for offset in start..<(start + run) { out[lines[lineIndex].lowerBound + offset] = UInt8(ascii: "~") }
            }
            index = close
        }
        return out
    }

    /// Answers "where does a fence of `colons` colons opened on line `opening` close?" in
    /// linear total time. Openers are asked about top to bottom, and the answer for a later
    /// opener with the same colon count is the same as long as it lies before the line that
    /// decided the earlier answer — so 20,000 unclosed `:::{data}` fences scan the rest of
    /// the file once, not once each.
    private struct ClosingLineCache {
        /// Per colon count: the last query's opening line, the line that decided it (the
        /// closer, a blocking backtick fence, or the line count) and its answer.
        private var answers: [Int: (opening: Int, decidedAt: Int, close: Int?)] = [:]

        /// The first line after `opening` that closes a fence of `colons` colons, unless a
        /// tilde fence line of that length comes first (it would end the rewritten fence).
        mutating func closingLine(after opening: Int, colons: Int, lines: [Range<Int>], text: [UInt8]) -> Int? {
            if let known = answers[colons], opening >= known.opening, opening < known.decidedAt { return known.close }
            var decidedAt = lines.count
            var close: Int?
            for index in (opening + 1)..<lines.count {
                guard let (character, count, rest) = fence(Array(text[lines[index]])) else { continue }
                if character == UInt8(ascii: ":"), count >= colons, rest.allSatisfy(isBlank) {
                    (decidedAt, close) = (index, index)
                    break
                }
                if character == UInt8(ascii: "~"), count >= colons {
                    decidedAt = index
                    break
                }
            }
            answers[colons] = (opening, decidedAt, close)
            return close
        }
    }

    /// A fence line: at most three spaces, then three or more of `` ` ``, `~` or `:`;
    /// returns the character, the run's length and what follows it.
    private static func fence(_ line: [UInt8]) -> (UInt8, Int, ArraySlice<UInt8>)? {
        let indent = leadingSpaces(line)
        guard indent <= 3, indent < line.count else { return nil }
        let character = line[indent]
        guard character == UInt8(ascii: "`") || character == UInt8(ascii: "~") || character == UInt8(ascii: ":") else {
            return nil
        }
        var end = indent
        while end < line.count, line[end] == character { end += 1 }
        guard end - indent >= 3 else { return nil }
        return (character, end - indent, line[end...].drop(while: isBlank))
    }

    private static func leadingSpaces(_ line: [UInt8]) -> Int {
        line.prefix { $0 == UInt8(ascii: " ") }.count
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    private static func lineRanges(_ text: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        for (index, byte) in text.enumerated() where byte == UInt8(ascii: "\n") {
            ranges.append(start..<index)
            start = index + 1
        }
        ranges.append(start..<text.count)
        return ranges
    }
}
