import ParzenChart
import Foundation

/// Tick label text: fixed precision, no locale, "−" (U+2212) for negative numbers, as in
/// typeset mathematics.
enum TickLabel {
    /// A linear-axis label with the ticks' common number of decimals.
    static func linear(_ value: Double, decimals: Int) -> String {
        FixedPoint.format(value, decimals: decimals, trimmingZeros: false, minus: "−")
    }

    /// A log-axis label: plain decimals from 10⁻⁴ to 10⁵, otherwise `m×10ᵏ` with a
    /// superscript exponent (and no `1×`), which stays short at any magnitude.
    static func logarithmic(_ value: Double) -> String {
        let exponent = Int(log10(value).rounded(.down))
        if (-4...5).contains(exponent) {
            return FixedPoint.format(value, decimals: max(0, -exponent), trimmingZeros: true, minus: "−")
        }
        let mantissa = (value / LogTicks.power(exponent)).rounded()
        let power = "10" + superscript(exponent)
        return mantissa == 1 ? power : FixedPoint.format(mantissa, decimals: 0, trimmingZeros: true) + "×" + power
    }

    private static func superscript(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(String(abs(exponent)).map { digits[Int(String($0))!] })
        return exponent < 0 ? "⁻" + body : body
    }
}
