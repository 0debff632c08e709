import ParzenMarkup
import ParzenRunner

/// The numeric columns of a directive's result table, printed to one precision so that their
/// decimal points line up (with tabular figures, right-aligned): 2.000 beside 1.669, not "2".
///
/// A column is numeric when every body cell holds one quantity. Its precision is the most
/// decimals any of its values prints with on its own (``NumberFormat/prose(_:digits:)``), so no
/// value loses a digit; whole numbers (counts) set none, and a column of counts stays as it
/// was. A column with a value in scientific notation keeps each value's own form: its points
/// cannot line up. Every writer (HTML, ipynb, LaTeX) prints result tables through this.
struct NumericColumns {
    /// Per column: the common number of decimals, or nil when the column is printed cell by cell.
    let decimals: [Int?]
    /// Per column: whether every body cell is a number (such columns are right-aligned).
    let isNumeric: [Bool]

    init(_ table: ResultTable) {
        let width = table.header.count
        var decimals: [Int?] = []
        var isNumeric: [Bool] = []
        for column in 0..<width {
            let quantities = table.rows.map { column < $0.count ? Self.quantity($0[column]) : nil }
            let numeric = !table.rows.isEmpty && quantities.allSatisfy { $0 != nil }
            isNumeric.append(numeric)
            guard numeric else { decimals.append(nil); continue }
            var most = 0
            var fixed = true
            for quantity in quantities.compactMap({ $0 }) where quantity.value.isFinite {
                let text = NumberFormat.plain(quantity.value, digits: quantity.digits)
                if text.contains("×") { fixed = false; break }
                if let point = text.firstIndex(of: ".") {
                    most = max(most, text.distance(from: point, to: text.endIndex) - 1)
                }
            }
            decimals.append(fixed && most > 0 ? most : nil)
        }
        self.decimals = decimals
        self.isNumeric = isNumeric
    }

    /// The text of the body cell at `column`, when its column has a common precision.
    func text(_ cell: ResultTable.Cell, column: Int) -> String? {
        guard column < decimals.count, let places = decimals[column], cell.count == 1,
              case .quantity(let quantity, let showsError) = cell[0], quantity.value.isFinite else { return nil }
        var text = String(format: "%.\(places)f", quantity.value).replacingOccurrences(of: "-", with: "−")
        if showsError, let error = quantity.standardError { text += " ± " + NumberFormat.prose(error, digits: 2) }
        return text
    }

    private static func quantity(_ cell: ResultTable.Cell) -> Quantity? {
        guard cell.count == 1, case .quantity(let quantity, _) = cell[0] else { return nil }
        return quantity
    }
}
