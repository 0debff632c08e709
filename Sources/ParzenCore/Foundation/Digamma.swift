#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The digamma function ψ(x) = d/dx log Γ(x) for x > 0.
///
/// ```
/// ψ(x) = ψ(x + n) − Σ_{j=0}^{n−1} 1/(x + j)                      (recurrence up to x + n ≥ 10)
/// ψ(y) ≈ log y − 1/(2y) − 1/(12y²) + 1/(120y⁴) − 1/(252y⁶) + 1/(240y⁸) − 1/(132y¹⁰)
/// ```
/// The asymptotic series is cut after the y⁻¹⁰ term; the first omitted term,
/// 691/(32760·y¹²), is 2.1e-14 at y = 10, i.e. ~1e-14 relative to ψ(10) ≈ 2.25. Used by the Kozachenko–Leonenko entropy
/// estimator, whose bias correction is ψ(N) − ψ(k).
///
/// - Domain: x > 0 (NaN otherwise; Parzen only needs positive integers).
/// - Accuracy: ~1e-15 relative away from the root x ≈ 1.4616 (checked against
///   `scipy.special.digamma`).
/// - Cost: at most 10 divisions plus one `log`.
/// - Reference: Abramowitz & Stegun 6.3.5 (recurrence) and 6.3.18 (asymptotic series).
public func digamma(_ x: Double) -> Double {
    guard x > 0, x.isFinite else { return x == .infinity ? .infinity : .nan }
    var y = x
    var shift = 0.0
    while y < 10 {
        shift -= 1 / y
        y += 1
    }
    let r = 1 / (y * y)
    let series = r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r * (1.0 / 132)))))
    return shift + log(y) - 0.5 / y - series
}
