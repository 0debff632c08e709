#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The discrete Fourier transform of a real sequence of length n = 2ᵏ (n ≥ 4), computed with
/// one complex transform of length n/2 — half the work of a complex transform of length n.
///
/// The input is packed as z_j = x_{2j} + i·x_{2j+1}; with Z = FFT_{n/2}(z), the spectrum is
///
/// ```
/// X_k = E_k + exp(−2πik/n)·O_k,   E_k = (Z_k + conj Z_{n/2−k})/2,   O_k = (Z_k − conj Z_{n/2−k})/(2i)
/// ```
///
/// for k = 0 … n/2 (the rest follow from X_{n−k} = conj X_k). The inverse runs the same
/// steps backwards. Used for convolutions (binned KDE, LOO CV) and the DCT of the
/// Improved Sheather–Jones rule.
///
/// - Cost: about half of `FastFourierTransform` of length n.
public struct RealFourierTransform: Sendable {
    /// The real input length n.
    public let count: Int
    private let half: FastFourierTransform
    /// exp(−2πik/n) for k = 0 … n/2.
    private let rotationReal: [Double]
    private let rotationImaginary: [Double]

    /// A plan for real transforms of length `count` (a power of two ≥ 4).
    public init(count: Int) {
        precondition(count >= 4 && count & (count - 1) == 0, "real FFT length must be a power of two ≥ 4, got \(count)")
        self.count = count
        half = FastFourierTransform(count: count / 2)
        (rotationReal, rotationImaginary) = UnitCircle.roots(count)
    }

    /// The spectrum X_0 … X_{n/2} of the real sequence `x` (n values).
    public func forward(_ x: [Double]) -> (real: [Double], imaginary: [Double]) {
        precondition(x.count == count, "input must have length \(count)")
        var re = [Double](repeating: 0, count: count / 2 + 1), im = re
        x.withUnsafeBufferPointer { input in
            re.withUnsafeMutableBufferPointer { r in
                im.withUnsafeMutableBufferPointer { i in forward(input.baseAddress!, r.baseAddress!, i.baseAddress!) }
            }
        }
        return (re, im)
    }

    /// The real sequence (n values) whose spectrum is X_0 … X_{n/2}, scaled by 1/n.
    public func inverse(real: [Double], imaginary: [Double]) -> [Double] {
        precondition(
            real.count == count / 2 + 1 && imaginary.count == count / 2 + 1,
            "spectrum must have length \(count / 2 + 1)")
        var x = [Double](repeating: 0, count: count)
        var re = real, im = imaginary
        x.withUnsafeMutableBufferPointer { out in
            re.withUnsafeMutableBufferPointer { r in
                im.withUnsafeMutableBufferPointer { i in inverse(r.baseAddress!, i.baseAddress!, out.baseAddress!) }
            }
        }
        return x
    }

    /// Forward on raw storage: `x` has n values; `re`, `im` receive n/2 + 1 values.
    func forward(_ x: UnsafePointer<Double>, _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>) {
        let h = count / 2
        for j in 0..<h { re[j] = x[2 * j]; im[j] = x[2 * j + 1] }
        half.transform(re, im, inverse: false)
        re[h] = re[0]; im[h] = im[0]
        // Untangle pairs (k, h − k) together so the transform stays in place.
        rotationReal.withUnsafeBufferPointer { cr in
            rotationImaginary.withUnsafeBufferPointer { ci in
                var k = 0
                while k <= h - k {
                    let j = h - k
                    let (zkr, zki, zjr, zji) = (re[k], im[k], re[j], im[j])
                    // X_k from (Z_k, Z_j); X_j from (Z_j, Z_k).
                    func combine(_ ar: Double, _ ai: Double, _ br: Double, _ bi: Double, _ wr: Double, _ wi: Double)
                        -> (Double, Double)
                    {
                        let er = 0.5 * (ar + br), ei = 0.5 * (ai - bi)
                        let or_ = 0.5 * (ai + bi), oi = -0.5 * (ar - br)
                        return (er + wr * or_ - wi * oi, ei + wr * oi + wi * or_)
                    }
                    (re[k], im[k]) = combine(zkr, zki, zjr, zji, cr[k], ci[k])
                    if j != k { (re[j], im[j]) = combine(zjr, zji, zkr, zki, cr[j], ci[j]) }
                    k += 1
                }
            }
        }
    }

    /// Inverse on raw storage: `re`, `im` hold n/2 + 1 values (overwritten); `x` receives n.
    func inverse(
        _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, _ x: UnsafeMutablePointer<Double>
    ) {
        let h = count / 2
        rotationReal.withUnsafeBufferPointer { cr in
            rotationImaginary.withUnsafeBufferPointer { ci in
                var k = 0
                while k <= h - k {
                    let j = h - k
                    let (xkr, xki, xjr, xji) = (re[k], im[k], re[j], im[j])
                    // Z_k = E_k + i·O_k with E_k = (X_k + conj X_j)/2, O_k = (X_k − conj X_j)·conj(w_k)/2.
                    func combine(_ ar: Double, _ ai: Double, _ br: Double, _ bi: Double, _ wr: Double, _ wi: Double)
                        -> (Double, Double)
                    {
                        let er = 0.5 * (ar + br), ei = 0.5 * (ai - bi)
                        let dr = 0.5 * (ar - br), di = 0.5 * (ai + bi)
                        let or_ = dr * wr + di * wi, oi = di * wr - dr * wi
                        return (er - oi, ei + or_)
                    }
                    (re[k], im[k]) = combine(xkr, xki, xjr, xji, cr[k], ci[k])
                    if j != k { (re[j], im[j]) = combine(xjr, xji, xkr, xki, cr[j], ci[j]) }
                    k += 1
                }
            }
        }
        half.transform(re, im, inverse: true)
        let scale = 1 / Double(h)  // the unscaled half-length inverse; 1/h undoes it
        for j in 0..<h { x[2 * j] = re[j] * scale; x[2 * j + 1] = im[j] * scale }
    }
}
