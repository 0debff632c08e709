/// Turns a ``MathCollector/Capture`` into a ``MathSpan``: the TeX as written (markers
/// restored, kramdown escapes resolved when asked) and anchors mapping TeX bytes to the
/// notebook, line by line.
struct MathSpanBuilder {
    let sourceMap: SourceMap
    /// Resolve kramdown's backslash escapes in `$…$` math (see
    /// ``MarkdownParser/Options/kramdownMathEscapes``).
    let kramdown: Bool

    /// The characters kramdown's escape rule turns `\c` into `c` for, from kramdown's
    /// `lib/kramdown/parser/kramdown/escaped_chars.rb`:
    /// `ESCAPED_CHARS = /\\([\\.*_+`<>()\[\]{}#!:|"'\$=-])/`.
    /// TeX's own `\,`, `\;` and `\ ` are not in it and survive.
    static let kramdownEscapable: Set<UInt8> = Set("\\.*_+`<>()[]{}#!:|\"'$=-".utf8)

    func span(for capture: MathCollector.Capture) -> MathSpan {
        let (delimiter, delimiterBytes): (MathSpan.Delimiter, [UInt8]) = switch capture.delimiter {
        case .dollar: (.dollar, Array("$".utf8))
        case .doubleDollar: (.doubleDollar, Array("$$".utf8))
        case .parenthesis: (.parenthesis, Array("\\(".utf8))
        case .bracket: (.bracket, Array("\\[".utf8))
        }
        let segments = capture.content.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            Array(EscapeMarkers.restore(String(decoding: $0, as: UTF8.self), literal: true).utf8)
        }
        var tex: [UInt8] = []
        var anchors: [MathSpan.Anchor] = []
        let unescape = kramdown && delimiter == .dollar
        for (index, segment) in segments.enumerated() {
            let line = capture.line + index
            let start: Int
            if index == 0 {
                start = openingOffset(capture, delimiter: delimiterBytes, firstSegment: segment) + delimiterBytes.count
            } else {
                start = sourceMap.find(segment, line: line) ?? firstNonSpace(line)
            }
            if index > 0 { tex.append(UInt8(ascii: "\n")) }
            anchors.append(
                MathSpan.Anchor(utf8Offset: tex.count, location: sourceMap.location(line: line, originalOffset: start)))
            var cursor = 0
            while cursor < segment.count {
                let byte = segment[cursor]
                if unescape, byte == UInt8(ascii: "\\"), cursor + 1 < segment.count,
                    Self.kramdownEscapable.contains(segment[cursor + 1])
                {
                    cursor += 1
                    anchors.append(
                        MathSpan.Anchor(
                            utf8Offset: tex.count,
                            location: sourceMap.location(line: line, originalOffset: start + cursor)))
                }
                tex.append(segment[cursor])
                cursor += 1
            }
        }
        return MathSpan(tex: String(decoding: tex, as: UTF8.self), delimiter: delimiter, anchors: anchors)
    }

    /// The byte offset of the opening delimiter in the author's line. cmark's column is exact
    /// except on lazy continuation lines; when the bytes there are not the delimiter, the
    /// delimiter followed by the first TeX line is searched for instead.
    private func openingOffset(_ capture: MathCollector.Capture, delimiter: [UInt8], firstSegment: [UInt8]) -> Int {
        let offset = sourceMap.originalOffset(line: capture.line, modifiedOffset: capture.byteColumn - 1)
        let line = sourceMap.bytes(ofLine: capture.line)
        if offset >= 0, offset + delimiter.count <= line.count,
            line[offset..<(offset + delimiter.count)].elementsEqual(delimiter)
        {
            return offset
        }
        return sourceMap.find(delimiter + firstSegment, line: capture.line) ?? max(0, offset)
    }

    private func firstNonSpace(_ line: Int) -> Int {
        sourceMap.bytes(ofLine: line).firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) ?? 0
    }
}
