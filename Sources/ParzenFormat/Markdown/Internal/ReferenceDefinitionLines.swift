import CCmarkGFM

/// cmark-gfm 0.29.0.gfm.6 (Debian's) misplaces the inlines of a paragraph that opens with link
/// reference definitions (`[id]: part-2.md` on the line above the text, no blank line between):
/// it drops the definitions from the paragraph's content but keeps the paragraph's start line,
/// and numbers the inlines' lines from there, so each was reported as many lines too early as
/// the definitions took — a warning about `[id]` on line 4 appeared on line 3, past its end
/// (fuzz finding notebook/reference-definition-paragraph-lines).
///
/// The definitions are whole lines at the paragraph's start. Their number is the longest run of
/// the paragraph's first lines that cmark, parsing them alone, turns into nothing but
/// definitions (containers such as a block quote around them aside): a definition's title may
/// continue on the next line, so each length is tried, longest first.
enum ReferenceDefinitionLines {
    /// At most this many lines of definitions are looked for at a paragraph's start: beyond
    /// any notebook's needs, and it bounds the cost at ~50 small parses per such paragraph.
    static let maximumLines = 50

    /// The number of lines to add to the positions of the inlines of `paragraph` (0 for a
    /// paragraph that does not open with definitions), read from the author's lines.
    static func shift(of paragraph: OpaquePointer, in sourceMap: SourceMap) -> Int {
        let start = Int(cmark_node_get_start_line(paragraph)), end = Int(cmark_node_get_end_line(paragraph))
        // A definition's first line holds "]:"; a paragraph of one line has no text after one.
        guard start >= 1, end > start, sourceMap.find(Array("]:".utf8), line: start) != nil else { return 0 }
        let lines = (start..<min(end, start + maximumLines)).map(sourceMap.bytes(ofLine:))
        for count in stride(from: lines.count, through: 1, by: -1) where definesOnly(Array(lines.prefix(count))) {
            return count
        }
        return 0
    }

    /// Whether cmark reads `lines`, parsed alone, as link reference definitions and nothing
    /// else. Leading blanks common to all lines are removed first, so that the definitions of
    /// a paragraph inside a list item are not read as an indented code block.
    private static func definesOnly(_ lines: [[UInt8]]) -> Bool {
        let indent = lines.map { $0.prefix { $0 == UInt8(ascii: " ") }.count }.min() ?? 0
        let text = String(decoding: lines.flatMap { $0.dropFirst(indent) + [UInt8(ascii: "\n")] }, as: UTF8.self)
        guard let document = cmark_parse_document(text, text.utf8.count, CMARK_OPT_DEFAULT) else { return false }
        defer { cmark_node_free(document) }
        return onlyContainers(below: document)
    }

    /// Whether every node of `document` is a block quote, list or list item (no paragraph or
    /// other leaf: what definitions leave behind). Walked with cmark's iterator, not recursion:
    /// one line of `>` nests as deep as it is long.
    private static func onlyContainers(below document: OpaquePointer) -> Bool {
        guard let iterator = cmark_iter_new(document) else { return false }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_DOCUMENT, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM: continue
            default: return false
            }
        }
        return true
    }
}
