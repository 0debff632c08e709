/// A person's (or an organisation's) name split into BibTeX's four parts.
///
/// BibTeX's rules (Patashnik, *BibTeXing*, 1988, §4; Markey, *Tame the BeaST*, §11): with no
/// comma the name is "First von Last", with one "von Last, First", with two
/// "von Last, Jr, First". The von part is the run of words starting with a lowercase
/// letter (the last word is always Last); a word in braces has no case, so
/// `{Barnes and Noble}` is one Last name and `{\"O}rs` starts with an uppercase letter.
public struct PersonName: Sendable, Hashable {
    /// Given names, e.g. "Aad W.".
    public var first: String
    /// Particles printed before the family name, e.g. "van der".
    public var von: String
    /// The family name (or the whole name of an organisation).
    public var last: String
    /// Generational suffix, e.g. "Jr.".
    public var jr: String

    /// A name from its parts (empty parts are absent).
    public init(first: String = "", von: String = "", last: String, jr: String = "") {
        self.first = first
        self.von = von
        self.last = last
        self.jr = jr
    }

    /// `true` for BibTeX's `and others`, which stands for names left out ("et al.").
    public var isOthers: Bool { first.isEmpty && von.isEmpty && jr.isEmpty && last == "others" }

    /// The names of an `author` or `editor` field (TeX source), split at `and` outside braces.
    public static func list(from tex: String) -> [PersonName] {
        splitAtAnd(Array(tex.unicodeScalars)).compactMap { parse(Array($0)) }
    }

    /// One name, written in any of BibTeX's three forms.
    public static func parse(_ tex: String) -> PersonName? { parse(Array(tex.unicodeScalars)) }

    private static func parse(_ scalars: [Unicode.Scalar]) -> PersonName? {
        let parts = splitTopLevel(scalars, at: { $0 == "," }).map(words)
        guard let head = parts.first, !head.isEmpty || parts.count > 1 else { return nil }
        let text = { (words: ArraySlice<[Unicode.Scalar]>) in
            TeXTextReader.plainText(words.map { String(String.UnicodeScalarView($0)) }.joined(separator: " "))
        }
        switch parts.count {
        case 1:
            let words = head[...]
            // "First von Last": von runs from the first to the last lowercase word before Last.
            let lowercase = words.indices.dropLast().filter { startsLowercase(words[$0]) }
            guard let vonStart = lowercase.first, let vonEnd = lowercase.last else {
                return PersonName(first: text(words.dropLast()), last: text(words.suffix(1)))
            }
            return PersonName(
                first: text(words[..<vonStart]), von: text(words[vonStart...vonEnd]),
                last: text(words[(vonEnd + 1)...]))
        default:
            typealias Words = ArraySlice<[Unicode.Scalar]>
            let vonLast: Words = head[...]
            let jr: Words = parts.count == 2 ? [] : parts[1][...]
            let first: Words = parts.count == 2 ? parts[1][...] : Array(parts[2...].joined())[...]
            let vonEnd = vonLast.indices.dropLast().last { startsLowercase(vonLast[$0]) }
            let von = vonEnd.map { vonLast[...$0] } ?? []
            let last = vonEnd.map { vonLast[($0 + 1)...] } ?? vonLast
            return PersonName(first: text(first), von: text(von), last: text(last), jr: text(jr))
        }
    }

    /// Whether a word starts with a lowercase letter by BibTeX's rule: the first letter outside
    /// braces decides, a brace group that opens with a command (`{\"u}`) counts by the letter
    /// it produces, and any other brace group has no case.
    private static func startsLowercase(_ word: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index < word.count {
            let scalar = word[index]
            if scalar == "{" {
                if index + 1 < word.count, word[index + 1] == "\\" {
                    let group = TeXTextReader.plainText(String(String.UnicodeScalarView(word[index...])))
                    if let letter = group.unicodeScalars.first(where: { $0.properties.isAlphabetic }) {
                        return letter.properties.isLowercase
                    }
                }
                return false
            }
            if scalar.properties.isAlphabetic { return scalar.properties.isLowercase }
            index += 1
        }
        return false
    }

    /// The whitespace-separated words of a name part (`~` separates words too), braces kept.
    private static func words(_ scalars: ArraySlice<Unicode.Scalar>) -> [[Unicode.Scalar]] {
        splitTopLevel(Array(scalars), at: { $0.properties.isWhitespace || $0 == "~" })
            .map(Array.init).filter { !$0.isEmpty }
    }

    private static func splitTopLevel(
        _ scalars: [Unicode.Scalar], at isSeparator: (Unicode.Scalar) -> Bool
    ) -> [ArraySlice<Unicode.Scalar>] {
        var pieces: [ArraySlice<Unicode.Scalar>] = []
        var depth = 0, start = 0
        for (index, scalar) in scalars.enumerated() {
            if scalar == "{" { depth += 1 } else if scalar == "}" { depth = max(0, depth - 1) }
            else if depth == 0, isSeparator(scalar) {
                pieces.append(scalars[start..<index])
                start = index + 1
            }
        }
        pieces.append(scalars[start...])
        return pieces
    }

    /// Splits at the word `and` (any case) surrounded by whitespace, outside braces.
    private static func splitAtAnd(_ scalars: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var names: [ArraySlice<Unicode.Scalar>] = []
        var depth = 0, start = 0, index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "{" { depth += 1 } else if scalar == "}" { depth = max(0, depth - 1) }
            else if depth == 0, scalar.properties.isWhitespace, index + 4 < scalars.count,
                String(String.UnicodeScalarView(scalars[(index + 1)...(index + 3)])).lowercased() == "and",
                scalars[index + 4].properties.isWhitespace {
                names.append(scalars[start..<index])
                index += 4
                start = index + 1
            }
            index += 1
        }
        names.append(scalars[start...])
        return names.filter { $0.contains { !$0.properties.isWhitespace } }
    }
}
