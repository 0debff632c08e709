#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Upper envelopes of the Gaussian's p-th derivative over a window, for the error bound of the
/// binned Gaussian sum:
///
/// ```
/// Eₚ(r) = max_{|s − r| ≤ w} |Heₚ(s)|·e^{−s²/2},    E₀(r) = max_{|s − r| ≤ w} e^{−s²/2} = e^{−max(0, |r| − w)²/2}
/// ```
/// where Heₚ is the probabilists' Hermite polynomial, (d/ds)ᵖ e^{−s²/2} = (−1)ᵖ Heₚ(s) e^{−s²/2}.
/// The maximum of |g|, g = Heₚ·e^{−s²/2}, over an interval is at an end or at a critical point
/// of g, and g′ = −Heₚ₊₁·e^{−s²/2}: so Eₚ is the largest of |g| at r ± w and at the roots of
/// Heₚ₊₁ inside the window. The roots are found once by bisection to machine precision.
struct HermiteEnvelope: Sendable {
    let order: Int
    let window: Double
    /// The roots of Heₚ₊₁, ascending.
    private let criticalPoints: [Double]

    init(order p: Int, window w: Double) {
        order = p
        window = w
        // Heₚ₊₁ has p + 1 real simple roots in |s| < √(4p + 6), at least ~0.5 apart for p ≤ 16;
        // a scan at step 0.01 separates them, bisection refines each bracket.
        let n = p + 1
        func he(_ s: Double) -> Double { Self.hermite(n, s) }
        var roots: [Double] = []
        let limit = (4 * Double(p) + 6).squareRoot() + 1
        var a = -limit, fa = he(a)
        while a < limit {
            let b = a + 0.01, fb = he(b)
            if fa == 0 { roots.append(a) } else if fa * fb < 0 {
                var (lo, hi, flo) = (a, b, fa)
                for _ in 0..<80 {
                    let mid = 0.5 * (lo + hi), fm = he(mid)
                    if (fm < 0) == (flo < 0) { lo = mid; flo = fm } else { hi = mid }
                }
                roots.append(0.5 * (lo + hi))
            }
            (a, fa) = (b, fb)
        }
        criticalPoints = roots
    }

    /// Heₙ(s) by the recurrence Heₖ₊₁ = s·Heₖ − k·Heₖ₋₁.
    static func hermite(_ n: Int, _ s: Double) -> Double {
        if n == 0 { return 1 }
        var (previous, current) = (1.0, s)
        if n == 1 { return current }
        for k in 1..<n { (previous, current) = (current, s * current - Double(k) * previous) }
        return current
    }

    /// |Heₚ(s)|·e^{−s²/2}.
    func magnitude(_ s: Double) -> Double { abs(Self.hermite(order, s)) * exp(-0.5 * s * s) }

    /// Eₚ(r), raised by 1e-12 relative so that the rounding of `magnitude` cannot bring it below
    /// the true maximum.
    func derivative(_ r: Double) -> Double {
        let (lo, hi) = (r - window, r + window)
        var m = Swift.max(magnitude(lo), magnitude(hi))
        for z in criticalPoints where z > lo && z < hi { m = Swift.max(m, magnitude(z)) }
        return m * (1 + 1e-12)
    }

    /// E₀(r).
    func value(_ r: Double) -> Double {
        let t = Swift.max(0, abs(r) - window)
        return exp(-0.5 * t * t) * (1 + 1e-12)
    }
}
