/// Maps cmark-gfm positions (1-based line in the body, 1-based UTF-8 byte column in the text
/// cmark saw) back to notebook locations (line after the front matter, column in Unicode
/// scalars), undoing the byte shifts of ``EscapeMarkers``.
struct SourceMap {
    /// The body's lines as the author wrote them, without line terminators.
    let lines: [[UInt8]]
    /// Lines before the body (front matter), added to every line number.
    let lineOffset: Int
    /// Columns before every line (an admonition body's fence indentation), added to every column.
    let columnOffset: Int
    /// Per body line (0-based): byte offsets, in the text cmark saw, where a 3-byte marker
    /// replaced a 2-byte escape; each shifts the rest of the line by one byte.
    let markerOffsets: [Int: [Int]]
    /// For lines with non-ASCII bytes: the number of scalars before each byte offset (one
    /// entry per byte, plus one for the end), so conversions cost O(1) even on very long
    /// lines. ASCII lines need no table: bytes and scalars coincide.
    private let scalarCounts: [Int: [Int32]]

    init(body: [UInt8], lineOffset: Int, columnOffset: Int = 0, markerOffsets: [Int: [Int]]) {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in body {
            if byte == UInt8(ascii: "\n") {
                if current.last == UInt8(ascii: "\r") { current.removeLast() }
                lines.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        lines.append(current)
        var scalarCounts: [Int: [Int32]] = [:]
        for (index, line) in lines.enumerated() where line.contains(where: { $0 >= 0x80 }) {
            var counts: [Int32] = [0]
            counts.reserveCapacity(line.count + 1)
            var scalars: Int32 = 0
            for byte in line {
                if byte & 0xC0 != 0x80 { scalars += 1 }
                counts.append(scalars)
            }
            scalarCounts[index] = counts
        }
        self.scalarCounts = scalarCounts
        self.lines = lines
        self.lineOffset = lineOffset
        self.columnOffset = columnOffset
        self.markerOffsets = markerOffsets
    }

    /// The bytes of body line `line` (1-based), or empty past the end.
    func bytes(ofLine line: Int) -> [UInt8] {
        line >= 1 && line <= lines.count ? lines[line - 1] : []
    }

    /// The length in bytes of body line `line` (1-based) in the text cmark saw, where each
    /// escape marker is one byte longer than the escape it stands for.
    func modifiedLength(ofLine line: Int) -> Int {
        bytes(ofLine: line).count + (markerOffsets[line - 1]?.count ?? 0)
    }

    /// The byte offset in the author's line for a byte offset in the text cmark saw.
    func originalOffset(line: Int, modifiedOffset: Int) -> Int {
        guard let markers = markerOffsets[line - 1] else { return modifiedOffset }
        var shift = 0
        for marker in markers where marker < modifiedOffset {
            // Inside a marker: point at the escape's backslash.
            shift += min(1, modifiedOffset - marker)
        }
        return modifiedOffset - shift
    }

    /// The notebook location of a byte offset (0-based) in the author's body line `line`.
    func location(line: Int, originalOffset: Int) -> SourceLocation {
        let bytes = bytes(ofLine: line)
        let end = max(0, min(originalOffset, bytes.count))
        var scalars = end
        if let counts = scalarCounts[line - 1] { scalars = Int(counts[end]) }
        // Past the end of the line (cmark's column for an empty last line): keep counting bytes.
        scalars += max(0, originalOffset - bytes.count)
        return SourceLocation(line: line + lineOffset, column: scalars + 1 + columnOffset)
    }

    /// The notebook location of a cmark position (1-based body line, 1-based byte column).
    func location(line: Int, byteColumn: Int) -> SourceLocation {
        location(
            line: max(1, line),
            originalOffset: originalOffset(line: max(1, line), modifiedOffset: max(0, byteColumn - 1)))
    }

    /// The byte offset of the first occurrence of `needle` in body line `line` at or after
    /// byte `start`, if any.
    func find(_ needle: some Collection<UInt8>, line: Int, from start: Int = 0) -> Int? {
        let haystack = bytes(ofLine: line)
        let needle = Array(needle)
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty ? start : nil }
        var index = max(0, start)
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }
}

extension SourceMap {
    /// The body line (1-based) and byte offset in the author's line of a notebook location.
    func offset(of location: SourceLocation) -> (line: Int, offset: Int) {
        let line = location.line - lineOffset
        let bytes = bytes(ofLine: line)
        let scalars = max(0, location.column - 1 - columnOffset)
        guard let counts = scalarCounts[line - 1] else { return (line, min(scalars, bytes.count)) }
        // The first byte offset preceded by `scalars` scalars (counts is non-decreasing).
        var low = 0
        var high = bytes.count
        while low < high {
            let middle = (low + high) / 2
            if Int(counts[middle]) < scalars { low = middle + 1 } else { high = middle }
        }
        return (line, low)
    }
}
