import Foundation

/// Ticks for a base-10 logarithmic axis.
///
/// Over two decades or more the ticks are powers of ten (every k-th power when there would be
/// too many); over a shorter range the 1–2–5 multiples of each power are used, which are the
/// log axis's nice numbers. An automatic domain is widened outwards to the nearest 1–2–5
/// multiples, the logarithmic counterpart of Heckbert's loose labelling.
public struct LogTicks: Sendable, Equatable {
    /// Tick values, ascending, all positive.
    public let values: [Double]
    /// The domain the ticks were chosen for.
    public let domain: ClosedRange<Double>

    /// Ticks covering the positive `range`, with the domain widened to 1–2–5 multiples.
    ///
    /// - Parameters:
    ///   - range: a range of positive values (non-positive values cannot be drawn on a log
    ///     axis and must be filtered out beforehand). An empty range is widened to a factor
    ///     of two either side.
    ///   - maximumCount: at most this many ticks (at least 2).
    public static func loose(covering range: ClosedRange<Double>, maximumCount: Int = 8) -> LogTicks {
        var lower = range.lowerBound, upper = range.upperBound
        if lower == upper { lower /= 2; upper *= 2 }
        let domain = niceMultiple(atMost: lower)...niceMultiple(atLeast: upper)
        return LogTicks(domain: domain, maximumCount: maximumCount)
    }

    /// Ticks inside the fixed positive `domain`, which is not widened.
    public static func inside(_ domain: ClosedRange<Double>, maximumCount: Int = 8) -> LogTicks {
        LogTicks(domain: domain, maximumCount: maximumCount)
    }

    package init(domain: ClosedRange<Double>, maximumCount: Int) {
        self.domain = domain
        let low = log10(domain.lowerBound), high = log10(domain.upperBound)
        // A slack of 1e-9 decades keeps a tick that lies on the boundary up to rounding.
        let firstPower = Int((low - 1e-9).rounded(.up)), lastPower = Int((high + 1e-9).rounded(.down))
        let powerCount = lastPower - firstPower + 1
        let multiples = LogTicks.multiples(inside: domain, exponents: (firstPower - 1)...(lastPower + 1))
        if powerCount >= 3 || (powerCount == 2 && multiples.count > maximumCount) {
            let stride = Int((Double(powerCount) / Double(max(maximumCount, 2))).rounded(.up))
            // Keep exponents that are multiples of the stride, so ticks read 10⁰, 10², 10⁴….
            let first = Int((Double(firstPower) / Double(stride)).rounded(.up)) * stride
            values = Swift.stride(from: first, through: lastPower, by: stride).map { LogTicks.power($0) }
        } else {
            values = multiples
        }
    }

    /// The 1–2–5 multiples of the given powers of ten that lie in `domain`.
    package static func multiples(inside domain: ClosedRange<Double>, exponents: ClosedRange<Int>) -> [Double] {
        var values: [Double] = []
        for exponent in exponents {
            for mantissa in [1.0, 2, 5] {
                let value = mantissa * power(exponent)
                if value >= domain.lowerBound * (1 - 1e-9) && value <= domain.upperBound * (1 + 1e-9) {
                    values.append(value)
                }
            }
        }
        return values
    }

    /// 10^exponent computed by multiplication of exact powers, so that 10⁻³ is the double
    /// nearest 0.001 (as typed in a notebook) and not pow's result one ulp away.
    package static func power(_ exponent: Int) -> Double {
        exponent >= 0 ? pow(10, Double(exponent)) : 1 / pow(10, Double(-exponent))
    }

    /// The largest 1, 2 or 5 × 10^k that is at most `x` (x > 0).
    package static func niceMultiple(atMost x: Double) -> Double {
        let exponent = Int(log10(x).rounded(.down))
        for mantissa in [5.0, 2, 1] where mantissa * power(exponent) <= x * (1 + 1e-12) {
            return mantissa * power(exponent)
        }
        return power(exponent - 1) * 5
    }

    /// The smallest 1, 2 or 5 × 10^k that is at least `x` (x > 0).
    package static func niceMultiple(atLeast x: Double) -> Double {
        let exponent = Int(log10(x).rounded(.down))
        for mantissa in [1.0, 2, 5] where mantissa * power(exponent) >= x * (1 - 1e-12) {
            return mantissa * power(exponent)
        }
        return power(exponent + 1)
    }
}
