/// A GFM table: a header row, body rows, and one alignment per column.
public struct MarkdownTable: Sendable, Hashable {
    /// Column alignment from the delimiter row (`:--`, `:-:`, `--:`).
    public enum Alignment: Sendable, Hashable {
        case none, left, center, right
    }

    /// One alignment per column.
    public var alignments: [Alignment]
    /// The header row's cells.
    public var header: [[MarkdownInline]]
    /// Body rows; each row has one entry per cell (cmark-gfm pads short rows).
    public var rows: [[[MarkdownInline]]]

    /// A table from its parts.
    public init(alignments: [Alignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]]) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}
