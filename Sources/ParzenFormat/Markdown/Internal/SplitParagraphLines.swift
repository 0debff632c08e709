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

    /// The same split misplaces the table's header row (fuzz finding
    /// notebook/table-header-after-paragraph): the table, its header row and everything in
    /// the row get the split paragraph's start line, and the cells and their inlines are
    /// measured from the start of the paragraph's text, so their columns are too large by the
    /// bytes of the lines before the header. The header is the line above the delimiter row,
    /// which is the line above the first body row (whose position is right) or, without body
    /// rows, the table's last line. The row's end column is the header line's length plus
    /// that excess, so the excess is read off it. Returns nil for a table that was not split
    /// off a paragraph.
    static func headerShift(of table: OpaquePointer, in sourceMap: SourceMap) -> (lines: Int, columns: Int)? {
        guard let previous = cmark_node_previous(table), shift(of: previous) > 0,
              let header = cmark_node_first_child(table) else { return nil }
        let headerLine: Int
        if let row = cmark_node_next(header) {
            headerLine = Int(cmark_node_get_start_line(row)) - 2
        } else {
            headerLine = Int(cmark_node_get_end_line(table)) - 1
        }
        let length = sourceMap.modifiedLength(ofLine: headerLine)
        return (headerLine - Int(cmark_node_get_start_line(header)),
                max(0, Int(cmark_node_get_end_column(header)) - length))
    }
}
