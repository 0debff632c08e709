#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The discrete Fourier transform of length n = 2ᵏ by the iterative radix-2
/// Cooley–Tukey algorithm, on split real and imaginary arrays:
///
/// ```
/// X_k = Σ_{j<n} x_j · exp(−2πi·jk/n)          (forward)
/// x_j = (1/n) Σ_{k<n} X_k · exp(+2πi·jk/n)     (inverse, scaled)
/// ```
///
/// Goals, in order: accuracy (twiddles from `cos`/`sin` of each angle or an exact symmetry,
/// not by recurrence, so the error grows like ε·log n), no allocation per transform (the plan
/// holds the bit-reversal swaps and one contiguous twiddle table per stage), speed (split
/// arrays let the butterflies vectorise).
///
/// - Cost: (n/2)·log₂n butterflies (~5n·log₂n flops); n = 2¹⁶ takes well under a
///   millisecond. Build the plan once per size and reuse it.
/// - Reference: J. W. Cooley and J. W. Tukey, Math. Comp. 19(90), 1965.
public struct FastFourierTransform: Sendable {
    /// The transform length n (a power of two).
    public let count: Int
    /// (i, bitreverse(i)) pairs with i < bitreverse(i).
    private let swaps: [(Int, Int)]
    /// Twiddles of the stage with half-length m at offsets m ..< 2m: exp(−iπj/m).
    private let twiddleReal: [Double]
    private let twiddleImaginary: [Double]

    /// A plan for transforms of length `count`.
    /// - Precondition: `count` is a power of two ≥ 1.
    public init(count: Int) {
        precondition(count >= 1 && count & (count - 1) == 0, "FFT length must be a power of two, got \(count)")
        self.count = count
        let bits = count.trailingZeroBitCount
        var swaps: [(Int, Int)] = []
        for i in 0..<count {
            var r = 0, v = i
            for _ in 0..<bits { r = (r << 1) | (v & 1); v >>= 1 }
            if i < r { swaps.append((i, r)) }
        }
        self.swaps = swaps
        var re = [Double](repeating: 0, count: max(count, 2)), im = re
        // exp(−iπj/m) = exp(−2πi·j(n/2m)/n): every stage samples the roots of unity of order n.
        let roots = UnitCircle.roots(count)
        var m = 1
        while m < count {
            let stride = count / (2 * m)
            for j in 0..<m {
                re[m + j] = roots.cosines[j * stride]
                im[m + j] = roots.sines[j * stride]
            }
            m *= 2
        }
        twiddleReal = re
        twiddleImaginary = im
    }

    /// The forward transform in place.
    public func forward(real: inout [Double], imaginary: inout [Double]) {
        precondition(real.count == count && imaginary.count == count, "FFT arrays must have length \(count)")
        real.withUnsafeMutableBufferPointer { r in
            imaginary.withUnsafeMutableBufferPointer { i in transform(r.baseAddress!, i.baseAddress!, inverse: false) }
        }
    }

    /// The inverse transform in place, scaled by 1/n so that it undoes `forward`.
    public func inverse(real: inout [Double], imaginary: inout [Double]) {
        precondition(real.count == count && imaginary.count == count, "FFT arrays must have length \(count)")
        real.withUnsafeMutableBufferPointer { r in
            imaginary.withUnsafeMutableBufferPointer { i in
                transform(r.baseAddress!, i.baseAddress!, inverse: true)
                let scale = 1 / Double(count)
                for k in 0..<count { r[k] *= scale; i[k] *= scale }
            }
        }
    }

    /// The unscaled transform in place on raw storage; `inverse` conjugates the twiddles.
    func transform(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, inverse: Bool) {
        for (a, b) in swaps {
            (re[a], re[b]) = (re[b], re[a])
            (im[a], im[b]) = (im[b], im[a])
        }
        let n = count
        if n >= 2 {
            // m = 1: twiddle 1.
            var k = 0
            while k < n {
                let (ar, ai, br, bi) = (re[k], im[k], re[k + 1], im[k + 1])
                re[k] = ar + br; im[k] = ai + bi
                re[k + 1] = ar - br; im[k + 1] = ai - bi
                k += 2
            }
        }
        let sign: Double = inverse ? -1 : 1
        var m = 2
        twiddleReal.withUnsafeBufferPointer { twr in
            twiddleImaginary.withUnsafeBufferPointer { twi in
                while m < n {
                    let wr = twr.baseAddress! + m, wi = twi.baseAddress! + m
                    var start = 0
                    while start < n {
                        let ar = re + start, ai = im + start, br = re + start + m, bi = im + start + m
                        for j in 0..<m {
                            let cr = wr[j], ci = sign * wi[j]
                            let tr = br[j] * cr - bi[j] * ci
                            let ti = br[j] * ci + bi[j] * cr
                            let xr = ar[j], xi = ai[j]
                            ar[j] = xr + tr; ai[j] = xi + ti
                            br[j] = xr - tr; bi[j] = xi - ti
                        }
                        start += 2 * m
                    }
                    m *= 2
                }
            }
        }
    }
}
