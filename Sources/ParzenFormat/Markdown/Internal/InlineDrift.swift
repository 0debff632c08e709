/// Corrects cmark-gfm 0.29.0.gfm.6's positions of the inlines in one block (paragraph,
/// heading or table cell), which go wrong in two ways.
///
/// - cmark holds a continuation line without its leading spaces and measures its columns
///   from there: an inline on a line indented by three more spaces is three columns too far
///   left.
/// - cmark counts lines only at the line breaks its inline parser handles itself. Three
///   constructs take a line break without counting it: a backslash hard break
///   (`handle_backslash` skips the break), a link's or image's `(destination "title")` over
///   lines, and math over lines (consumed by ``MathCollector``). After one, every later inline
///   of the block is placed on the line the construct started on, its column measured from
///   that line's start (fuzz finding notebook/inline-after-multiline-construct). cmark still
///   places the construct's last byte consistently in those stale terms, so the true position
///   of that byte, found by walking the source lines from there, says how far the later
///   inlines are off: by a number of lines, and on the stale line by a number of columns.
///
/// Positions given are cmark's (its line count in the block, 1-based byte columns in the
/// text cmark saw); positions returned are body lines and byte columns in that text.
struct InlineDrift {
    private let sourceMap: SourceMap
    /// The block's first line as cmark counts, and the lines to add to turn cmark's lines into
    /// body lines (``SplitParagraphLines``, ``ReferenceDefinitionLines``).
    private let firstLine: Int
    private let shift: Int
    /// The block's indentation as cmark's inline parser counts it (start column − 1): cmark
    /// assumes every line of the block has it.
    private let blockOffset: Int
    /// The cmark line whose columns are measured from a stale line start (none at first),
    /// and how many bytes they are ahead.
    private var staleLine = Int.min
    private var columns = 0
    /// Lines to add to every later inline's line.
    private var lines = 0

    /// Without a block (`firstLine` .max), positions are taken as they are.
    init(sourceMap: SourceMap, firstLine: Int = .max, shift: Int = 0, blockOffset: Int = 0) {
        self.sourceMap = sourceMap
        self.firstLine = firstLine
        self.shift = shift
        self.blockOffset = blockOffset
    }

    /// The body line and byte column of a position cmark gave.
    func place(line: Int, column: Int) -> (line: Int, column: Int) {
        let bodyLine = line + lines + shift
        if line == staleLine { return (bodyLine, column - columns) }
        guard line > firstLine else { return (bodyLine, column) }
        return (bodyLine, column + indentation(of: bodyLine) - blockOffset)
    }

    /// Notes a construct whose last byte cmark placed at (`line`, `column`). One that stays
    /// on its line changes nothing. Cost: one step per line it spans.
    mutating func passed(line: Int, column reported: Int) {
        var (bodyLine, column) = place(line: line, column: reported)
        let first = bodyLine
        // Past the line's end: on a later line, whose text cmark holds without its
        // indentation. (A byte at that indentation, where a backslash break's line ends, stays:
        // a lazy continuation line may be shorter.)
        while bodyLine < sourceMap.lines.count,
              column > max(sourceMap.modifiedLength(ofLine: bodyLine), indentation(of: bodyLine)) {
            // cmark holds a line break as one byte, CR LF too.
            column -= sourceMap.modifiedLength(ofLine: bodyLine) + 1
            bodyLine += 1
            column += indentation(of: bodyLine)
        }
        guard bodyLine > first else { return }
        (staleLine, lines, columns) = (line, bodyLine - shift - line, reported - column)
    }

    /// The bytes of a continuation line before the text cmark holds of it: the block's
    /// indentation, then spaces and tabs.
    private func indentation(of line: Int) -> Int {
        let bytes = sourceMap.bytes(ofLine: line)
        var index = min(blockOffset, bytes.count)
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
        return index
    }
}
