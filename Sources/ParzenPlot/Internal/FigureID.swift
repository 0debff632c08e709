import ParzenChart
/// Element ids derived from a caller's figure id, never random, so that a report renders to
/// the same bytes every time and several figures on one page do not collide.
struct FigureID {
    let base: String

    /// Keeps letters, digits, `-` and `_`; anything else becomes `-`, and an id that does not
    /// start with a letter gets a `fig-` prefix (ids must not start with a digit in CSS
    /// selectors).
    init(_ raw: String) {
        var cleaned = String(raw.unicodeScalars.map { scalar -> Character in
            let isASCIIAlphanumeric = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            return isASCIIAlphanumeric || scalar == "-" || scalar == "_" ? Character(scalar) : "-"
        })
        if cleaned.first.map({ !($0.isASCII && $0.isLetter) }) ?? true { cleaned = "fig-" + cleaned }
        base = cleaned
    }

    var title: String { base + "-title" }
    var description: String { base + "-desc" }
    var clip: String { base + "-clip" }

    /// The id of the n-th panel (1-based) of a grid of charts.
    func panel(_ index: Int) -> String { base + "-\(index)" }
}
