import Foundation

/// Names as Chicago author-date writes them (and pandoc's `chicago-author-date.csl`).
enum NameFormatter {
    /// "Vaart, Aad W. van der" — family name first, particles after the given names
    /// (`demote-non-dropping-particle="display-and-sort"`), then ", Jr.".
    static func inverted(_ name: PersonName) -> String {
        var given = [name.first, name.von].filter { !$0.isEmpty }.joined(separator: " ")
        if !name.jr.isEmpty { given += (given.isEmpty ? "" : ", ") + name.jr }
        return given.isEmpty ? name.last : "\(name.last), \(given)"
    }

    /// "Aad W. van der Vaart", then ", Jr.".
    static func natural(_ name: PersonName) -> String {
        let base = [name.first, name.von, name.last].filter { !$0.isEmpty }.joined(separator: " ")
        return name.jr.isEmpty ? base : "\(base), \(name.jr)"
    }

    /// The reference-list form: the first name inverted, the rest natural, ", and " before the
    /// last; more than ten names (or `and others`) end in "et al." after the seventh.
    static func referenceList(_ names: [PersonName]) -> String {
        var listed = names.filter { !$0.isOthers }
        var etAl = listed.count < names.count
        if listed.count > 10 {
            listed = Array(listed.prefix(7))
            etAl = true
        }
        let written = listed.enumerated().map { $0.offset == 0 ? inverted($0.element) : natural($0.element) }
        if etAl { return written.joined(separator: ", ") + ", et al." }
        guard written.count > 1 else { return written.first ?? "" }
        return written.dropLast().joined(separator: ", ") + ", and " + written.last!
    }

    /// Names in running text ("edited by Alan Smith and Beth Jones"): natural order.
    static func running(_ names: [PersonName]) -> String {
        joinedWithAnd(names.filter { !$0.isOthers }.map(natural), etAl: names.contains { $0.isOthers })
    }

    /// The in-text form: family names ("Kullback and Leibler", "Botev, Grotowski, and Kroese"),
    /// or from `etAlMinimum` names on the first `shown` and "et al." ("King et al.",
    /// "King, Lee, et al."). `initials` puts the first person's initials before the family
    /// name ("J. A. Hall"), for when two cited people share it.
    static func short(_ names: [PersonName], etAlMinimum: Int, shown: Int = 1, initials: Bool = false) -> String {
        let listed = names.filter { !$0.isOthers }
        var families = listed.map(\.last)
        if initials, let first = listed.first, !first.first.isEmpty {
            families[0] = self.initials(first.first) + " " + first.last
        }
        let abbreviated = listed.count >= etAlMinimum || listed.count < names.count
        guard abbreviated, !families.isEmpty, shown < listed.count || listed.count < names.count else {
            return joinedWithAnd(families, etAl: false)
        }
        let kept = families.prefix(max(1, shown))
        return kept.count == 1 ? "\(kept[0]) et al." : kept.joined(separator: ", ") + ", et al."
    }

    /// "Jane Anne" → "J. A.", "Jean-Paul" → "J.-P.", "D. P." stays.
    static func initials(_ given: String) -> String {
        given.split(separator: " ").map { word in
            word.split(separator: "-").map { $0.prefix(1) + "." }.joined(separator: "-")
        }.joined(separator: " ")
    }

    /// Who a name stands for, to tell two people with one family name apart.
    static func person(_ name: PersonName) -> String {
        [name.first, name.von, name.last, name.jr].joined(separator: "|").sortFolded
    }

    private static func joinedWithAnd(_ names: [String], etAl: Bool) -> String {
        if etAl { return names.joined(separator: ", ") + " et al." }
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return "\(names[0]) and \(names[1])"
        default: return names.dropLast().joined(separator: ", ") + ", and " + names.last!
        }
    }

    /// The key the reference list sorts by: family, given, particle, suffix, name after name,
    /// ignoring case and accents.
    static func sortKey(_ names: [PersonName]) -> String {
        names.map { [$0.last, $0.first, $0.von, $0.jr].joined(separator: " ") }.joined(separator: "  ").sortFolded
    }
}

extension String {
    /// Lowercased, accents removed, quotes dropped: the form sorting compares.
    var sortFolded: String {
        let folded = folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return String(folded.filter { !"“”‘’\"'".contains($0) })
    }
}
