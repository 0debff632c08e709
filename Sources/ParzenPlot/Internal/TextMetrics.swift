import ParzenChart
/// A deterministic estimate of rendered text width, for laying out margins and the legend
/// without a font engine. 0.6 em per character is about the advance of digits and lower-case
/// letters in common sans-serif faces; generous, so that labels do not collide.
enum TextMetrics {
    static func width(of text: String, fontSize: Double) -> Double {
        Double(text.unicodeScalars.count) * 0.6 * fontSize
    }
}
