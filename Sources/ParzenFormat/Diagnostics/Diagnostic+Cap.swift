extension Diagnostic {
    /// How many diagnostics of one kind a notebook reports before the rest are counted.
    public static let perKindCap = 20

    /// `diagnostics` (in page order) with at most `cap` of each kind — the same severity,
    /// message and fix, as 10,000 unclosed `\text{` give — kept; after the last one kept, a
    /// note counts the rest ("and 9980 more like it"). The one place this cap is applied,
    /// so every source of diagnostics is covered; the exit status is unchanged, since the
    /// errors kept are errors. Linear in the number of diagnostics.
    public static func capped(_ diagnostics: [Diagnostic], perKind cap: Int = perKindCap) -> [Diagnostic] {
        struct Kind: Hashable {
            var severity: Severity
            var message: String
            var fix: String?
        }
        let kind = { (diagnostic: Diagnostic) in
            Kind(severity: diagnostic.severity, message: diagnostic.message, fix: diagnostic.fix)
        }
        var totals: [Kind: Int] = [:]
        for diagnostic in diagnostics { totals[kind(diagnostic), default: 0] += 1 }
        guard totals.values.contains(where: { $0 > cap }) else { return diagnostics }
        var seen: [Kind: Int] = [:]
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            let key = kind(diagnostic)
            let count = seen[key, default: 0] + 1
            seen[key] = count
            guard count <= cap else { continue }
            kept.append(diagnostic)
            if count == cap, let total = totals[key], total > cap {
                kept.append(Diagnostic(.note, file: diagnostic.file, at: diagnostic.location,
                                       "and \(total - cap) more like it"))
            }
        }
        return kept
    }
}
