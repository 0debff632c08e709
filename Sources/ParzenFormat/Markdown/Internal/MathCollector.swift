import CCmarkGFM

/// The cmark-gfm inline syntax extension that turns math into nodes before emphasis, links
/// or escapes can touch it, and remembers each span's raw bytes and position.
///
/// cmark calls `match` whenever its inline parser reaches a `$` or a marker's lead byte
/// (see ``EscapeMarkers``) outside code spans, autolinks and raw HTML — those win because
/// cmark consumes them first, exactly as pandoc gives precedence to whichever construct
/// starts first. A match becomes a `CMARK_NODE_CODE` node whose user data is the 1-based
/// index of its ``Capture`` — a code node because every inline container accepts one (the
/// table extension refuses custom inline nodes in cells); real code spans have no user data.
final class MathCollector {
    /// A math span as cmark's inline parser saw it.
    struct Capture {
        var delimiter: MathSpan.Delimiter
        /// The content bytes (markers still substituted).
        var content: [UInt8]
        /// The opening delimiter: body line and byte column from cmark's inline parser.
        var line: Int
        var byteColumn: Int
        /// The closing delimiter's last byte as cmark would place it: its line as cmark counts
        /// them and its column in those terms (``InlineDrift``).
        var cmarkEnd: (line: Int, column: Int)
    }

    private(set) var captures: [Capture] = []
    /// The scanner of the buffer cmark is parsing now, with the buffer it belongs to: the
    /// block node and the buffer's address and length (a block's inline text is parsed once,
    /// so the three together never name two different buffers while the tree is alive).
    private var scanner: (parent: OpaquePointer?, data: UnsafePointer<UInt8>, length: Int, scanner: MathScanner)?
    /// The line breaks of that buffer counted so far: up to `offset`, `breaks` of them, the
    /// last line starting at `lineStart` (matches come in increasing order, so counting
    /// resumes where it stopped and stays linear).
    private var lines = (offset: 0, breaks: 0, lineStart: 0)

    /// A fresh cmark extension bound to this collector; the caller frees it after the parse
    /// (the collector must outlive it).
    func makeExtension() -> OpaquePointer {
        let ext = cmark_syntax_extension_new("parzen-math")!
        let mem = cmark_get_default_mem_allocator()
        var chars: UnsafeMutablePointer<cmark_llist>? = nil
        for byte in [UInt8(ascii: "$"), EscapeMarkers.leadByte] {
            chars = cmark_llist_append(mem, chars, UnsafeMutableRawPointer(bitPattern: UInt(byte)))
        }
        cmark_syntax_extension_set_special_inline_chars(ext, chars)
        cmark_syntax_extension_set_match_inline_func(ext, mathMatchInline)
        cmark_syntax_extension_set_private(ext, Unmanaged.passUnretained(self).toOpaque(), nil)
        return ext
    }

    fileprivate func match(_ inline: OpaquePointer, parent: OpaquePointer?) -> OpaquePointer? {
        // cmark_chunk is `{ unsigned char *data; bufsize_t len; bufsize_t alloc; }` (chunk.h);
        // `cmark_inline_parser_peek_at` does no bounds check, so the length is read here.
        guard let chunk = cmark_inline_parser_get_chunk(inline) else { return nil }
        let raw = UnsafeRawPointer(chunk)
        guard let data = raw.load(as: UnsafePointer<UInt8>?.self) else { return nil }
        let length = Int(raw.load(fromByteOffset: MemoryLayout<UnsafePointer<UInt8>>.stride, as: Int32.self))
        let start = Int(cmark_inline_parser_get_offset(inline))
        if scanner == nil || scanner!.parent != parent || scanner!.data != data || scanner!.length != length {
            scanner = (parent, data, length, MathScanner(length: length) { $0 < length ? data[$0] : 0 })
            lines = (0, 0, 0)
        }
        guard let match = scanner!.scanner.match(at: start) else { return nil }
        let (line, byteColumn) = position(of: start, in: data, parent: parent, inline: inline)
        captures.append(Capture(
            delimiter: match.delimiter,
            content: Array(UnsafeBufferPointer(start: data + match.content.lowerBound, count: match.content.count)),
            line: line + SplitParagraphLines.shift(of: parent),
            byteColumn: byteColumn,
            cmarkEnd: (Int(cmark_inline_parser_get_line(inline)),
                       Int(cmark_inline_parser_get_column(inline)) + match.end - 1 - start)
        ))
        let node = cmark_node_new_with_mem(CMARK_NODE_CODE, cmark_get_default_mem_allocator())
        cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: captures.count))
        cmark_inline_parser_set_offset(inline, Int32(match.end))
        return node
    }

    /// The body line and byte column of `offset` in the block's inline text. cmark's inline
    /// parser counts a line only when it handles the line break itself, so after a math span
    /// spanning lines (consumed here) or a backslash hard break (cmark 0.29's
    /// `handle_backslash` skips the break without counting it) its line lags behind and its
    /// column is measured from a stale line start. On the block's first line its position is
    /// right; below it, the line is the block's start line plus the line breaks before
    /// `offset`, and the column is cmark's own rule (offset in the line plus the block's
    /// indentation) with the right line start.
    private func position(of offset: Int, in data: UnsafePointer<UInt8>, parent: OpaquePointer?,
                          inline: OpaquePointer) -> (line: Int, byteColumn: Int) {
        if offset < lines.offset { lines = (0, 0, 0) }
        var index = lines.offset
        while index < offset {
            let byte = data[index]
            index += 1
            // "\r\n", "\r" and "\n" each end a line, as in cmark.
            // `index` ≤ `offset`, a position inside the buffer, so `data[index]` is readable.
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && data[index] != UInt8(ascii: "\n")) {
                lines.breaks += 1
                lines.lineStart = index
            }
        }
        lines.offset = offset
        guard lines.breaks > 0, let parent else {
            return (Int(cmark_inline_parser_get_line(inline)), Int(cmark_inline_parser_get_column(inline)))
        }
        let indentation = max(0, Int(cmark_node_get_start_column(parent)) - 1)
        return (Int(cmark_node_get_start_line(parent)) + lines.breaks, offset - lines.lineStart + 1 + indentation)
    }
}

/// The C entry point: finds the collector in the extension's private data.
private let mathMatchInline: cmark_match_inline_func = { ext, _, parent, _, inline in
    guard let ext, let inline, let context = cmark_syntax_extension_get_private(ext) else { return nil }
    return Unmanaged<MathCollector>.fromOpaque(context).takeUnretainedValue().match(inline, parent: parent)
}
