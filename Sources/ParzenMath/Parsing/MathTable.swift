/// The content of an environment: rows of cells, how columns align, and equation numbers.
struct MathTable {
    /// How cells align, following amsmath and the matrix environments.
    enum Layout {
        /// `align`, `aligned`, `split`: right/left column pairs, pairs separated by 2 em.
        case align
        /// `alignat`, `alignedat`: column pairs side by side, with no space between them.
        case alignat
        /// `flalign`: the first pair flush left, the last flush right.
        case flalign
        /// `gather`, `gathered`, `equation`: one centred column.
        case gather
        /// `multline`: first row left, last row right, others centred.
        case multline
        /// `cases`: left-aligned columns 1 em apart.
        case cases
        /// Matrices: centred columns 1 em apart.
        case matrix
        /// `array`: columns aligned as its preamble says ("l", "c", "r").
        case array([String])
    }

    var rows: [[MathNode]]
    /// Per row: the equation number to show, if any.
    var numbers: [EquationNumber?]
    var layout: Layout
    /// Cells in display style (amsmath's display environments) or text style (matrices, cases).
    var displayStyle: Bool
    /// Whether the table is a full-width display with a number column (`equation`, `align`, …).
    var numbered: Bool

    /// Columns of the widest row, counting spanned columns.
    var columnCount: Int {
        rows.indices.map { row in rows[row].indices.reduce(0) { total, cell in
            let span = format.span(row: row, cell: cell)
            return total + (span >= 1000 ? 1 : span)
        } }.max() ?? 0
    }
    /// `smallmatrix` is set one script level down.
    var scriptLevel: Int?
    /// Rules, spans, widths and column material from `\hline`, `\multicolumn` and the preamble.
    var format = TableFormat()
    /// `\substack`: no padding between rows or columns beyond the lines' own.
    var compact = false
    /// The `id` of the whole table: the first environment of a labelled `subequations` group.
    var anchor: String?
}

/// The number shown beside one equation (`(2)` or a `\tag`) and its anchor.
struct EquationNumber {
    /// What `\ref` prints: "2", or the tag's text.
    var text: String
    /// What is shown beside the equation: "(2)", or "text" for `\tag*`.
    var display: String
    /// The `id` of the row, derived from its first label.
    var anchor: String?
}
