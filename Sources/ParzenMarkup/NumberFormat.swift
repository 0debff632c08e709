import Foundation

/// How Parzen writes numbers for readers: deterministic (no locale), four significant digits
/// by default, scientific notation outside [10⁻³, 10⁶).
public enum NumberFormat {
    /// A number for prose and tables: `0.1329`, `-1.234`, `272`, `3.2 × 10⁻⁵`.
    ///
    /// Integers below 10⁶ print without decimals. Others round to `digits` significant digits
    /// and drop trailing zeros. −∞, +∞ and NaN print as "−∞", "∞" and "NaN". The minus sign is
    /// U+2212 so numbers align and read as mathematics.
    public static func prose(_ x: Double, digits: Int = 4) -> String {
        plain(x, digits: digits).replacingOccurrences(of: "-", with: "−")
    }

    /// Like `prose`, but in TeX for formulas: `3.2 \times 10^{-5}`.
    public static func tex(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return x.isNaN ? "\\text{NaN}" : (x < 0 ? "-\\infty" : "\\infty") }
        let (mantissa, exponent) = parts(x, digits: digits)
        guard let exponent else { return mantissa }
        return "\(mantissa) \\times 10^{\(exponent)}"
    }

    /// Like `prose`, with an ASCII hyphen-minus, for messages printed on a terminal:
    /// `-1.234`, `3.2 × 10⁻⁵`.
    public static func plain(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-∞" : "∞") }
        let (mantissa, exponent) = parts(x, digits: digits)
        guard let exponent else { return mantissa }
        return "\(mantissa) × 10" + superscript(exponent)
    }

    /// Mantissa text and, for scientific notation, the decimal exponent.
    private static func parts(_ x: Double, digits: Int) -> (String, Int?) {
        if x == 0 { return ("0", nil) }
        let magnitude = abs(x)
        if magnitude < 1e6, x == x.rounded() { return (String(Int(x)), nil) }
        if magnitude >= 1e-3 && magnitude < 1e6 {
            let decimals = max(0, digits - 1 - Int(floor(log10(magnitude))))
            return (trimZeros(String(format: "%.\(decimals)f", x)), nil)
        }
        let text = String(format: "%.\(max(0, digits - 1))e", x)
        let pieces = text.split(separator: "e")
        return (trimZeros(String(pieces[0])), Int(pieces[1])!)
    }

    private static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = Substring(text)
        while t.last == "0" { t = t.dropLast() }
        if t.last == "." { t = t.dropLast() }
        return String(t)
    }

    /// An integer in superscript digits, for powers of ten: `-5` → `⁻⁵`.
    public static func superscript(_ n: Int) -> String {
        let digits: [Character: Character] = [
            "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
            "-": "⁻",
        ]
        return String(String(n).map { digits[$0]! })
    }
}
