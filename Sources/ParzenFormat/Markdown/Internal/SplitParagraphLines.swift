import CCmarkGFM

/// cmark-gfm 0.29.0.gfm.6 (Debian's) loses the position of a paragraph that a GFM table
/// splits off: when the paragraph's last lines turn out to be a table header, the lines
/// before them become a new paragraph with start line 0 — and every inline in it is placed
/// 0-based, so a formula on line 12 was reported on line 11, inside the front matter when the
/// paragraph opened the body. The table keeps the original paragraph's start line, which is
/// where the split-off paragraph starts, so its lines are recovered by that shift.
enum SplitParagraphLines {
    /// The number of lines to add to positions inside `block` (0 for correctly placed ones).
    static func shift(of block: OpaquePointer?) -> Int {
        guard let block, cmark_node_get_start_line(block) == 0,
              cmark_node_get_type(block) == CMARK_NODE_PARAGRAPH,
              let next = cmark_node_next(block),
              String(cString: cmark_node_get_type_string(next)) == "table" else { return 0 }
        return Int(cmark_node_get_start_line(next))
    }
}
