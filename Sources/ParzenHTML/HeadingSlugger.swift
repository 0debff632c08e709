/// Deterministic, unique `id`s for headings, GitHub style: lower-cased letters and digits
/// kept, spaces become `-`, `-` and `_` kept, everything else dropped; a repeated slug
/// gets `-1`, `-2`, … in document order.
///
/// Linear in the number of headings: each base slug remembers the next suffix to try, so
/// 20,000 identical headings do not retry `-1`, `-2`, … from the start every time. A suffix
/// is retried only when an author's own heading already took it (`a-1` written out), and
/// each such slug is passed over at most once.
struct HeadingSlugger {
    private var used: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    /// Records an id the author chose (`{#id}`) so no generated slug takes it; returns it.
    mutating func reserve(_ id: String) -> String {
        used.insert(id)
        return id
    }

    mutating func slug(for text: String) -> String {
        var base = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                base.append(character)
            } else if character == " " {
                base.append("-")
            }
        }
        if base.isEmpty { base = "section" }
        var counter = nextSuffix[base] ?? 0
        var candidate = counter == 0 ? base : "\(base)-\(counter)"
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        nextSuffix[base] = counter + 1
        used.insert(candidate)
        return candidate
    }
}
