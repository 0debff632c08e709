#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The roots of unity exp(−2πik/n) for k = 0 … n/2, the twiddle factors of FFT plans.
///
/// Only the first octant (angles ≤ π/4) is computed with `cos` and `sin`; the rest follows
/// from exact symmetries with integer index arithmetic (cos(π/2 − θ) = sin θ,
/// cos(π − θ) = −cos θ), so every entry is as accurate as a direct call and a plan of
/// length 2¹⁶ needs 8,192 calls of each instead of 65,536 — plan building was the largest
/// cost of a binned KDE grid.
enum UnitCircle {
    /// (cos, sin) of −2πk/n for k = 0 … n/2; n a multiple of 8 or n ∈ {1, 2, 4}.
    static func roots(_ n: Int) -> (cosines: [Double], sines: [Double]) {
        var c = [Double](repeating: 0, count: n / 2 + 1), s = c
        func direct(_ k: Int) -> (Double, Double) {
            let angle = 2 * Double.pi * Double(k) / Double(n)
            return (cos(angle), -sin(angle))
        }
        guard n % 8 == 0 else {
            for k in 0...(n / 2) { (c[k], s[k]) = direct(k) }
            return (c, s)
        }
        let eighth = n / 8, quarter = n / 4, half = n / 2
        for k in 0...eighth { (c[k], s[k]) = direct(k) }
        // θ ∈ (π/4, π/2]: cos θ = sin(π/2 − θ), sin θ = cos(π/2 − θ); signs: s = −sin.
        for k in (eighth + 1)...quarter {
            c[k] = -s[quarter - k]
            s[k] = -c[quarter - k]
        }
        // θ ∈ (π/2, π]: cos θ = −cos(π − θ), sin θ = sin(π − θ).
        for k in (quarter + 1)...half {
            c[k] = -c[half - k]
            s[k] = s[half - k]
        }
        return (c, s)
    }
}
