import Foundation
import ParzenMarkup

/// A number with its standard error, printed with as many digits as the error justifies:
/// `0.29 ± 0.12`.
///
/// The rule (the GUM, JCGM 100:2008 §7.2.6, asks for at most two significant digits of an
/// uncertainty; Parzen always gives two, so that 0.12 and 0.95 keep their second digit):
/// 1. the standard error is rounded to **two significant digits** (0.1234 → 0.12, 0.0996 →
///    0.10: when rounding adds a digit in front, the error keeps two digits at the new place);
/// 2. the value is rounded to **the same decimal place** as the rounded error (0.2915 → 0.29);
/// 3. both are rounded to nearest from their exact binary values, as `printf` rounds; a value
///    that rounds to zero prints without a sign;
/// 4. when that place is more than six decimals in, or value or error reaches 10⁶, both share
///    one power of ten: `(3.00 ± 0.12) × 10⁻⁷`;
/// 5. a standard error of zero prints as `± 0` beside the value at four significant digits (a
///    value known exactly); a NaN or infinite one is printed as it is (`± NaN`, `± ∞`) beside
///    the value at four significant digits, so a broken estimate is never dressed up.
struct MeasuredNumber: Equatable {
    var value: Double
    var standardError: Double

    /// Digits of the value and the error, with an ASCII `-`, and the shared power of ten.
    struct Parts: Equatable {
        var value: String
        var standardError: String
        var exponent: Int?
    }

    var parts: Parts {
        guard standardError.isFinite, standardError > 0 else {
            return Parts(value: NumberFormat.plain(value), standardError: NumberFormat.plain(standardError))
        }
        // "%.1e" rounds to two significant digits; its exponent is the rounded error's.
        let errorExponent = Self.exponent(String(format: "%.1e", standardError))
        let place = errorExponent - 1  // the rounded error's last digit is at 10^place
        let largest = max(abs(value), standardError)
        guard value.isFinite, place >= -6, largest < 1e6 else {
            let shared = value.isFinite && abs(value) >= standardError
                ? Self.exponent(String(format: "%e", value)) : errorExponent
            let scale = pow(10, Double(shared))
            guard value.isFinite else {
                return Parts(value: NumberFormat.plain(value), standardError: Self.fixed(standardError, place: place))
            }
            return Parts(value: Self.fixed(value / scale, place: place - shared),
                         standardError: Self.fixed(standardError / scale, place: place - shared), exponent: shared)
        }
        return Parts(value: Self.fixed(value, place: place), standardError: Self.fixed(standardError, place: place))
    }

    /// For prose: `0.29 ± 0.12`, `−1.5 ± 2.0`, `(3.00 ± 0.12) × 10⁻⁷`, with a true minus sign.
    var prose: String {
        let parts = parts
        let pair = parts.value + " ± " + parts.standardError
        let text = parts.exponent.map { "(" + pair + ") × 10" + NumberFormat.superscript($0) } ?? pair
        return text.replacingOccurrences(of: "-", with: "−")
    }

    /// For a formula: `0.29 \pm 0.12`, `(3.00 \pm 0.12) \times 10^{-7}`.
    var tex: String {
        let parts = parts
        func tex(_ digits: String) -> String {
            switch digits {
            case "∞": "\\infty"
            case "-∞": "-\\infty"
            case "NaN": "\\text{NaN}"
            default: digits
            }
        }
        let pair = tex(parts.value) + " \\pm " + tex(parts.standardError)
        return parts.exponent.map { "\\left(" + pair + "\\right) \\times 10^{\($0)}" } ?? pair
    }

    /// `x` rounded to the decimal place 10^place (a negative place keeps `-place` decimals).
    private static func fixed(_ x: Double, place: Int) -> String {
        let text: String
        if place >= 0 {
            let step = pow(10, Double(place))
            text = String(format: "%.0f", (x / step).rounded() * step)
        } else {
            text = String(format: "%.\(-place)f", x)
        }
        // "-0.00" is zero: no sign.
        return text.hasPrefix("-") && text.allSatisfy({ "-0.".contains($0) }) ? String(text.dropFirst()) : text
    }

    /// The decimal exponent of a number printed by `%e`.
    private static func exponent(_ printed: String) -> Int {
        Int(printed.split(separator: "e").last!)!
    }
}
