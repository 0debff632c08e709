/// Keeps the first explanation with each key on a page and drops the later ones
/// (`Inline.oncePerPage`). It runs on the whole run's cells in page order, after every
/// directive finished, so the page reads the same whichever cells were computed, cached or
/// run concurrently.
enum OncePerPage {
    static func resolve(_ cells: [CellOutcome]) -> [CellOutcome] {
        var seen: Set<String> = []
        return cells.map { cell in
            guard case .success(var result) = cell else { return cell }
            result.output = result.output.map { block -> OutputBlock in
                switch block {
                case .paragraph(let inlines):
                    return .paragraph(keepFirst(inlines, seen: &seen))
                case .table(var table):
                    table.header = table.header.map { keepFirst($0, seen: &seen) }
                    table.rows = table.rows.map { $0.map { keepFirst($0, seen: &seen) } }
                    return .table(table)
                case .equation, .derivation, .figure:
                    return block
                }
            }
            return .success(result)
        }
    }

    private static func keepFirst(_ inlines: [Inline], seen: inout Set<String>) -> [Inline] {
        inlines.compactMap { piece in
            switch piece {
            case .oncePerPage(let key, _): seen.insert(key).inserted ? piece : nil
            case .emphasis(let inner): .emphasis(keepFirst(inner, seen: &seen))
            default: piece
            }
        }
    }
}
