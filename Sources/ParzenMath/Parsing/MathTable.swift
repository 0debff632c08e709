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
        /// Display environments one under the other, each row one full-width environment: what
        /// one display formula holding several (a `subequations` group) shows, as LaTeX does.
        case stack
    }

    var rows: [[MathNode]]
    /// Per row: the equation number to show, if any.
    var numbers: [EquationNumber?]
    var layout: Layout
    /// Cells in display style (amsmath's display environments) or text style (matrices, cases).
    var displayStyle: Bool
    /// Whether the table is a full-width display with a number column (`equation`, `align`, …).
    var numbered: Bool

    var isStack: Bool {
        if case .stack = layout { return true }
        return false
    }

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
    /// Several display environments of one formula, one per row of a `.stack` table; a single
    /// node is returned as it is.
    static func stacked(_ nodes: [MathNode], at offset: Int) -> MathNode {
        let shown = nodes.filter { if case .empty = $0.kind { false } else { true } }
        guard shown.count > 1 else { return shown.first ?? MathNode(.row(nodes), at: offset) }
        let table = MathTable(
            rows: shown.map { [$0] }, numbers: [], layout: .stack, displayStyle: true, numbered: false)
        return MathNode(.table(table), at: offset)
    }

    /// Whether the node is a full-width display environment (`equation`, `align`, …).
    static func isDisplayEnvironment(_ node: MathNode) -> Bool {
        if case .table(let table) = node.kind { return table.numbered }
        return false
    }

    /// The `id` of the whole table: the first environment of a labelled `subequations` group.
    var anchor: String?
}

/// The number shown beside one equation (`(2)` or a `\tag`) and its anchor.
struct EquationNumber {
    /// What `\ref` prints: "2", or the tag's text.
    var text: String
    /// How it is shown: in the tag form's delimiters ("(2)"), or as it is for `\tag*` (nil).
    var form: TagForm?
    /// What is shown beside the equation: "(2)", or "text" for `\tag*`.
    var display: String { form.map { $0.left + text + $0.right } ?? text }
    /// The `id` of the row, derived from its first label.
    var anchor: String?
}
