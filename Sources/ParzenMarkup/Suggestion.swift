/// "Did you mean …?" for misspelt names: options, directives, kernels, front-matter keys,
/// TeX commands and environments — one rule everywhere, so every layer suggests alike.
public enum Suggestion {
    /// The candidate closest to `word` by optimal-string-alignment distance (Damerau–Levenshtein
    /// with adjacent transpositions), if it is close enough to be a plausible typo: distance ≤ 2
    /// and at most a third of the word's length (so short words need a near-exact match).
    /// Ties go to the candidate that shares the longest prefix with the word, then to the
    /// earliest: pass candidates in a fixed order (sorted, or declaration order) so
    /// suggestions are deterministic.
    public static func closest<S: Sequence>(to word: String, among candidates: S) -> String? where S.Element == String {
        let limit = max(1, min(2, word.count / 3))
        // `\\x` → `\\xi` (an insertion after the shared `\\x`), not `\\L` (one substitution too).
        var best: (name: String, distance: Int, prefix: Int)?
        for candidate in candidates {
            let d = distance(word.lowercased(), candidate.lowercased())
            guard d <= limit, d <= (best?.distance ?? .max) else { continue }
            let prefix = zip(word, candidate).prefix { $0 == $1 }.count
            if d < (best?.distance ?? .max) || prefix > best!.prefix { best = (candidate, d, prefix) }
        }
        return best?.name
    }

    /// "did you mean 'x'?" for the closest candidate, if one is close enough.
    public static func didYouMean<S: Sequence>(_ word: String, among candidates: S) -> String?
    where S.Element == String {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// "did you mean 'x'?" or, without a close candidate, "expected one of: a, b, c".
    public static func fix<S: Sequence>(for word: String, among candidates: S) -> String where S.Element == String {
        let list = Array(candidates)
        if let suggestion = didYouMean(word, among: list) { return suggestion }
        return "expected one of: \(list.joined(separator: ", "))"
    }

    /// The optimal-string-alignment edit distance between two strings, in Unicode scalars.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
