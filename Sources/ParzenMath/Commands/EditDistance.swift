/// Levenshtein distance, for "did you mean" suggestions.
enum EditDistance {
    /// The candidate closest to `word`, if within `max(1, min(2, word.count / 3))` edits;
    /// ties go to the alphabetically first candidate so suggestions are deterministic.
    static func closest(to word: String, among candidates: [String]) -> String? {
        let limit = max(1, min(2, word.count / 3))
        var best: (distance: Int, name: String)?
        for candidate in candidates where abs(candidate.count - word.count) <= limit {
            let distance = between(word, candidate)
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance || (distance == best!.distance && candidate < best!.name) {
                best = (distance, candidate)
            }
        }
        return best?.name
    }

    /// The number of single-character insertions, deletions and substitutions from `a` to `b`.
    static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...max(a.count, 1) where i <= a.count {
            current[0] = i
            for j in 1...max(b.count, 1) where j <= b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
