#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Improved Sheather–Jones bandwidth of Botev, Grotowski & Kroese, "Kernel density
/// estimation via diffusion", Ann. Statist. 38(5), 2010 — following Botev's own `kde.m`
/// step by step:
///
/// 1. Bin the data on n = 2¹⁴ points spanning [min − R/10, max + R/10] (R the data range),
///    counts divided by the number of distinct values, then normalised to sum 1.
/// 2. Take the DCT-II of the bins: a_k (Botev's `dct1d`, computed here with a real FFT).
/// 3. Solve t = ξ·γ^[ℓ](t) with ℓ = 7: starting from f = 2π^{2ℓ} Σ k^{2ℓ} (a_k/2)² e^{−k²π²t},
///    for s = ℓ−1 … 2 set time = (2·c_s·K₀(s)/(N·f))^{2/(3+2s)}, K₀(s) = (1·3·…·(2s−1))/√(2π),
///    c_s = (1 + 2^{−(s+½)})/3, and f = 2π^{2s} Σ k^{2s} (a_k/2)² e^{−k²π²·time}; the equation
///    is t − (2N√π·f)^{−2/5} = 0.
/// 4. Find its smallest root by Brent's method on [0, tol], doubling tol from Botev's start
///    value up to 0.1; h = √t*·(range of the binning interval).
///
/// KDEpy's `improved_sheather_jones` differs in step 2's scaling and returns 0.42× this
/// value (KDEpy issue #199); the tests compare with a numpy line-by-line transcription of
/// `kde.m` at 1e-10.
///
/// - Domain: 1-D data with at least two distinct values; returns nil when the fixed-point
///   equation has no root in (0, 0.1] (Botev's code then minimises |equation| instead,
///   which invents a value). That is common for small samples (all of 2, 5 and 10 normal
///   draws; none of 50 in the tests) and for data with many ties; `BandwidthRule.selection`
///   then falls back to Silverman's rule and says so.
/// - Cost: one real FFT of 2¹⁴ and ~40 evaluations of the equation (6·2¹⁴ exponentials each).
enum ImprovedSheatherJones {
    static let gridCount = 1 << 14

    static func bandwidth(_ x: [Double]) -> Double? {
        let n = gridCount
        let lo = x.min()!, hi = x.max()!
        let span = hi - lo
        let minimum = lo - span / 10, maximum = hi + span / 10
        let range = maximum - minimum
        let step = range / Double(n - 1)
        let distinct = Set(x).count
        var bins = [Double](repeating: 0, count: n)
        for v in x { bins[min(Int(((v - minimum) / step).rounded(.down)), n - 1)] += 1 }
        let total = bins.reduce(0, +)
        bins = bins.map { $0 / total }
        // Botev's dct1d: reorder (even indices, then odd ones reversed), FFT, weight by
        // w_0 = 1, w_k = 2·exp(−iπk/(2n)), keep the real part.
        var reordered = [Double](repeating: 0, count: n)
        for j in 0..<(n / 2) {
            reordered[j] = bins[2 * j]
            reordered[n - 1 - j] = bins[2 * j + 1]
        }
        let (re, im) = RealFourierTransform(count: n).forward(reordered)
        var a2 = [Double](repeating: 0, count: n - 1)  // (a_k / 2)² for k = 1 … n−1
        for k in 1..<n {
            let (yr, yi) = k <= n / 2 ? (re[k], im[k]) : (re[n - k], -im[n - k])
            let angle = -Double.pi * Double(k) / Double(2 * n)
            let a = 2 * (yr * cos(angle) - yi * sin(angle))
            a2[k - 1] = (a / 2) * (a / 2)
        }
        let count = Double(distinct)
        func gamma(_ s: Int, _ t: Double) -> Double {
            var sum = 0.0
            for k in 1..<n {
                let i = Double(k * k)
                sum += pow(i, Double(s)) * a2[k - 1] * exp(-i * Double.pi * Double.pi * t)
            }
            return 2 * pow(Double.pi, Double(2 * s)) * sum
        }
        func equation(_ t: Double) -> Double {
            let l = 7
            var f = gamma(l, t)
            for s in stride(from: l - 1, through: 2, by: -1) {
                var k0 = 1.0
                for j in stride(from: 1, through: 2 * s - 1, by: 2) { k0 *= Double(j) }
                k0 /= (2 * Double.pi).squareRoot()
                let c = (1 + pow(0.5, Double(s) + 0.5)) / 3
                let time = pow(2 * c * k0 / count / f, 2 / (3 + 2 * Double(s)))
                f = gamma(s, time)
            }
            return t - pow(2 * count * Double.pi.squareRoot() * f, -0.4)
        }
        let clamped = Double(min(max(distinct, 50), 1050))
        var tolerance = 1e-12 + 0.01 * (clamped - 50) / 1000
        let atZero = equation(0)
        while true {
            let atTolerance = equation(tolerance)
            if atZero * atTolerance < 0 {
                let t = BrentRoot.find(equation, in: 0...tolerance, values: (atZero, atTolerance))
                return t.squareRoot() * range
            }
            if tolerance >= 0.1 { break }
            tolerance = min(2 * tolerance, 0.1)
        }
        return nil
    }
}
