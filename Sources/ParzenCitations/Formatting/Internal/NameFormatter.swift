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
    /// or the first one and "et al." from `etAlMinimum` names on.
    static func short(_ names: [PersonName], etAlMinimum: Int) -> String {
        let listed = names.filter { !$0.isOthers }
        if listed.count >= etAlMinimum || (listed.count < names.count && !listed.isEmpty) {
            return "\(listed[0].last) et al."
        }
        return joinedWithAnd(listed.map(\.last), etAl: false)
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
