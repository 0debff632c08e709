import ParzenChart
/// Locale-free fixed-precision number formatting, so the same numbers give the same bytes on
/// every machine (Foundation's formatters follow the user's locale; `String(format:)` is not
/// guaranteed to round the same way everywhere).
enum FixedPoint {
    /// The largest magnitude formatted digit by digit; beyond it the value is printed by
    /// Swift's shortest round-trip `description`, which is also locale-free.
    private static let integerLimit = 9.0e15

    /// Formats `value` rounded half away from zero to `decimals` places.
    ///
    /// - Parameters:
    ///   - trimmingZeros: drop trailing fractional zeros ("1.50" → "1.5", "2.0" → "2"); used for
    ///     SVG coordinates, where every byte counts, but not for tick labels, which should line up.
    ///   - minus: the sign to print; SVG path syntax needs ASCII "-", text wants "−" (U+2212).
    static func format(_ value: Double, decimals: Int, trimmingZeros: Bool, minus: String = "-") -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? minus + "∞" : "∞") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < integerLimit else { return (value < 0 ? minus : "") + abs(value).description }
        let units = UInt64(scaled)
        if units == 0 { return decimals > 0 && !trimmingZeros ? "0." + String(repeating: "0", count: decimals) : "0" }
        var digits = String(units)
        if digits.count <= decimals {
            digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
        }
        var integerPart = String(digits.dropLast(decimals))
        var fraction = String(digits.suffix(decimals))
        if trimmingZeros {
            while fraction.last == "0" { fraction.removeLast() }
        }
        if integerPart.isEmpty { integerPart = "0" }
        let sign = value < 0 ? minus : ""
        return fraction.isEmpty ? sign + integerPart : sign + integerPart + "." + fraction
    }

    /// An SVG user-space coordinate: one decimal (a tenth of a viewBox unit is far below what a
    /// screen shows at any sensible size), trailing zeros dropped, ASCII minus.
    static func coordinate(_ value: Double) -> String {
        format(value, decimals: 1, trimmingZeros: true)
    }
}
