import Foundation

/// Axis ticks at "nice" numbers — 1, 2 or 5 times a power of ten — by Heckbert's loose
/// labelling.
///
/// Paul S. Heckbert, "Nice numbers for graph labels", *Graphics Gems* (1990), 61–63: round
/// the data range to a nice number, divide it by one less than the wanted tick count, round
/// that to a nice step, then widen the range outwards to whole steps. The number of decimals
/// shown is the step's, `max(0, −⌊log₁₀ step⌋)`, so every label has the same precision.
public struct NiceTicks: Sendable, Equatable {
    /// The tick values, ascending; computed as integer multiples of `step` (not by repeated
    /// addition) so that rounding errors do not accumulate.
    public let values: [Double]
    /// The distance between neighbouring ticks.
    public let step: Double
    /// Decimal places needed to print every tick exactly: `max(0, −⌊log₁₀ step⌋)`.
    public let decimals: Int

    /// Heckbert's loose labelling: ticks that cover `range`, widened outwards to whole steps.
    ///
    /// - Parameters:
    ///   - range: the data range; an empty range (`lower == upper`) is widened by 10 % of its
    ///     magnitude (or by 1 around zero) so that a constant series still gets an axis.
    ///   - count: the wanted number of ticks (at least 2); the result has about this many.
    public static func loose(covering range: ClosedRange<Double>, count: Int = 5) -> NiceTicks {
        let (lower, upper) = widenedIfEmpty(range)
        let span = niceNumber(upper - lower, rounding: false)
        let step = niceNumber(span / Double(max(count, 2) - 1), rounding: true)
        let first = (lower / step).rounded(.down)
        let last = (upper / step).rounded(.up)
        return NiceTicks(multiplesOf: step, from: first, through: last)
    }

    /// Ticks at nice numbers inside a fixed `range`, which is not widened: used when the
    /// author gave the axis domain.
    public static func inside(_ range: ClosedRange<Double>, count: Int = 5) -> NiceTicks {
        let (lower, upper) = widenedIfEmpty(range)
        let span = niceNumber(upper - lower, rounding: false)
        let step = niceNumber(span / Double(max(count, 2) - 1), rounding: true)
        // A relative slack of 1e-9 keeps a tick that sits on the boundary up to rounding.
        let slack = 1e-9 * step
        let first = ((lower - slack) / step).rounded(.up)
        let last = ((upper + slack) / step).rounded(.down)
        return NiceTicks(multiplesOf: step, from: first, through: max(first, last))
    }

    /// The loosest range the ticks span, from the first to the last tick.
    public var range: ClosedRange<Double> { values[0]...values[values.count - 1] }

    /// Heckbert's `nicenum`: a nice number near `x` — the closest of 1, 2, 5, 10 times a power
    /// of ten when `rounding`, otherwise the smallest of them that is at least `x`.
    public static func niceNumber(_ x: Double, rounding: Bool) -> Double {
        let exponent = log10(x).rounded(.down)
        let power = pow(10, exponent)
        let fraction = x / power
        let nice: Double
        if rounding {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        return nice * power
    }

    package init(multiplesOf step: Double, from first: Double, through last: Double) {
        self.step = step
        // `+ 0` turns −0 into +0 so that a zero tick never prints as "−0".
        self.values = stride(from: first, through: last, by: 1).map { $0 * step + 0 }
        self.decimals = max(0, Int(-log10(step).rounded(.down)))
    }

    package static func widenedIfEmpty(_ range: ClosedRange<Double>) -> (Double, Double) {
        guard range.lowerBound == range.upperBound else { return (range.lowerBound, range.upperBound) }
        let half = range.lowerBound == 0 ? 1 : abs(range.lowerBound) * 0.1
        return (range.lowerBound - half, range.upperBound + half)
    }
}
