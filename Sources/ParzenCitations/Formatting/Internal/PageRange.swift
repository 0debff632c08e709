/// Page ranges abbreviated as the Chicago Manual of Style does (15th ed. §9.64, the rule
/// citeproc's `page-range-format="chicago"` follows): under 100 or at a multiple of 100, all
/// digits (3–10, 100–104); from 101 to 109 past a hundred, only the changed part (101–8);
/// otherwise at least two digits (321–28, 1065–76), but all four digits when three of them
/// change (1496–1504).
enum PageRange {
    /// `pages` with each `a-b`, `a--b` or `a–b` range abbreviated and joined by an en dash.
    static func chicago(_ pages: String) -> String {
        pages.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let piece = part.trimmingCharacters(in: " ")
            let bounds = piece.split(omittingEmptySubsequences: true) { $0 == "-" || $0 == "–" || $0 == "—" }
            guard bounds.count == 2 else { return String(part) }
            let first = bounds[0].trimmingCharacters(in: " "), last = bounds[1].trimmingCharacters(in: " ")
            let lead = part.prefix { $0 == " " }
            return lead + first + "–" + abbreviated(first, last)
        }.joined(separator: ",")
    }

    private static func abbreviated(_ first: String, _ last: String) -> String {
        guard let a = Int(first), let b = Int(last), b > a, first.count == last.count else { return last }
        if a < 100 || a % 100 == 0 { return last }
        let changed = String(last.dropFirst(zip(first, last).prefix { $0 == $1 }.count))
        if a % 100 < 10 { return changed }
        if first.count == 4, changed.count >= 3 { return last }
        return changed.count >= 2 ? changed : String(last.suffix(2))
    }
}

private extension StringProtocol {
    func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
