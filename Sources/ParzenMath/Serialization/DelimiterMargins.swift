/// The negative side margins that give a fixed-size delimiter (`\big(` … `\Bigg(`, binomials)
/// in Chromium the width TeX gives it.
///
/// Chromium lays out every stretchy `<mo>` as wide as the widest size variant of its
/// character (0.875 em for a parenthesis, 2.57 em for a slash) and centres the variant it
/// shows in that box, which left gaps inside `\Bigl( … \Bigr)` and between consecutive
/// delimiters. Each side gets back half of the difference between the box and the advance
/// width of the variant shown. Read from Latin Modern Math's MATH table (MathVariants: the
/// first variant at least as tall as the size, which is how Chromium picks one) with
/// fontTools (scripts/delimiter-margins.py), and checked against Chromium's boxes measured in
/// a screenshot; the sizes are the variants cmex10 shows for TeX's `\big` sizes, which Latin
/// Modern Math copies.
enum DelimiterMargins {
    /// The sizes, as written in `minsize`/`maxsize`: 1.2, 1.8, 2.4 and 3 em.
    static let heights = ["1.2em", "1.8em", "2.4em", "3em"]

    /// Character → margin at each of `heights`.
    private static let margins: [String: [String]] = {
        let round = ["-0.208em", "-0.139em", "-0.070em", "0em"]
        let square = ["-0.125em", "-0.098em", "-0.070em", "0em"]
        let curly = ["-0.160em", "-0.117em", "-0.076em", "0em"]
        let angle = ["-0.218em", "-0.149em", "-0.079em", "0em"]
        let floor = ["-0.098em", "-0.070em", "-0.042em", "-0.022em"]
        let slash = ["-0.978em", "-0.804em", "-0.675em", "-0.508em"]
        return ["(": round, ")": round, "[": square, "]": square, "{": curly, "}": curly, "⟨": angle, "⟩": angle,
                "⌊": floor, "⌋": floor, "⌈": floor, "⌉": floor, "/": slash]
    }()

    /// The margin for `text` shown at `height`; nil for other characters (bars have one
    /// width at every size), other sizes, or no margin.
    static func margin(of text: String, height: String) -> String? {
        guard let index = heights.firstIndex(of: height), let margin = margins[text]?[index] else { return nil }
        return margin == "0em" ? nil : margin
    }
}
