/// A root of a continuous function on a bracketing interval by Brent's method: inverse
/// quadratic interpolation and secant steps, falling back to bisection so that the
/// bracket at least halves every two steps.
///
/// - Domain: f(a) and f(b) of opposite signs (given as `values`).
/// - Accuracy: stops when the bracket is below 4ε·|b| + 1e-300, i.e. to a few ulps.
/// - Reference: R. P. Brent, *Algorithms for Minimization without Derivatives*, 1973, ch. 4
///   (`zero`).
enum BrentRoot {
    static func find(_ f: (Double) -> Double, in interval: ClosedRange<Double>, values: (Double, Double)) -> Double {
        var a = interval.lowerBound, b = interval.upperBound
        var fa = values.0, fb = values.1
        precondition(fa * fb <= 0, "Brent's method needs a sign change")
        var c = a, fc = fa
        var d = b - a, e = d
        for _ in 0..<200 {
            if fb * fc > 0 { c = a; fc = fa; d = b - a; e = d }
            if abs(fc) < abs(fb) { (a, b, c) = (b, c, b); (fa, fb, fc) = (fb, fc, fb) }
            let tolerance = 4 * Double.ulpOfOne * abs(b) + 1e-300
            let m = 0.5 * (c - b)
            if abs(m) <= tolerance || fb == 0 { return b }
            if abs(e) >= tolerance && abs(fa) > abs(fb) {
                var p: Double, q: Double
                let s = fb / fa
                if a == c {
                    p = 2 * m * s
                    q = 1 - s
                } else {
                    let qa = fa / fc, r = fb / fc
                    p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1))
                    q = (qa - 1) * (r - 1) * (s - 1)
                }
                if p > 0 { q = -q } else { p = -p }
                if 2 * p < min(3 * m * q - abs(tolerance * q), abs(e * q)) {
                    e = d
                    d = p / q
                } else {
                    d = m; e = m
                }
            } else {
                d = m; e = m
            }
            a = b; fa = fb
            b += abs(d) > tolerance ? d : (m > 0 ? tolerance : -tolerance)
            fb = f(b)
        }
        return b
    }
}
