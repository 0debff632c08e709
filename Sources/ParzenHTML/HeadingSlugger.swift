/// Deterministic, unique `id`s for headings, GitHub style: lower-cased letters and digits
/// kept, spaces become `-`, `-` and `_` kept, everything else dropped; a repeated slug
/// gets `-1`, `-2`, … in document order.
struct HeadingSlugger {
    private var used: Set<String> = []

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
        var candidate = base
        var counter = 0
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }
}
