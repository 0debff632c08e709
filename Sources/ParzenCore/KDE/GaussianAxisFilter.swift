#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sampled Gaussian kernel N(0, σ²) applied along one axis of a binning grid (`FineAxis`),
/// read off at the axis's output points only — one pass of the separable 2-D grid:
///
/// ```
/// out(i) = Σ_{|t| ≤ pad} k(tδ)·line(pad + i·r + t),   k(u) = exp(−u²/2σ²)/√(2πσ²)
/// ```
///
/// Two ways, whichever costs less: the direct sum (outputs × (2·pad + 1) multiply-adds per line,
/// eight outputs at a time in vector registers) for kernels short against the grid, which is
/// the usual case because the grid step is a sizeable fraction of σ; else FFT convolution
/// (two real transforms of the axis's FFT length per line). Both are exact up to rounding for
/// the truncated kernel, so the choice does not change the result beyond ~1e-16 relative.
struct GaussianAxisFilter: Sendable {
    let axis: FineAxis
    /// k(jδ) for j = 0 … pad.
    private let taps: [Double]
    /// The FFT plan and the kernel's spectrum, when the FFT is cheaper.
    private let transform: (plan: RealFourierTransform, spectrum: (real: [Double], imaginary: [Double]))?

    init(axis: FineAxis, variance: Double) {
        self.axis = axis
        let norm = 1 / (2 * Double.pi * variance).squareRoot()
        taps = (0...axis.pad).map { j in
            let u = Double(j) * axis.step
            return norm * exp(-0.5 * u * u / variance)
        }
        // Multiply-adds per line, direct, against ~10·L·log₂L for the two transforms (callgrind: a
        // real transform pair of 512 points takes the instructions of ~45,000 multiply-adds here).
        // pad ≥ 1 always (it includes the stencil's half-width).
        let direct = Double(axis.count) * Double(2 * axis.pad + 1)
        let length = Double(axis.length)
        if direct <= 10 * length * log2(length) {
            transform = nil
        } else {
            let plan = RealFourierTransform(count: axis.length)
            var samples = [Double](repeating: 0, count: axis.length)
            for (j, v) in taps.enumerated() {
                samples[j] = v
                if j > 0 { samples[axis.length - j] = v }
            }
            transform = (plan, plan.forward(samples))
        }
    }

    /// Filters `line` (axis.nodes values) and writes output i to `out[i * spacing]`.
    func apply(_ line: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, spacing: Int) {
        let (count, pad, r) = (axis.count, axis.pad, axis.refinement)
        if let (plan, spectrum) = transform {
            var padded = [Double](repeating: 0, count: axis.length)
            for j in 0..<axis.nodes { padded[j] = line[j] }
            let smoothed = FFTConvolution.circular(padded, spectrum: spectrum, plan: plan)
            for i in 0..<count { out[i * spacing] = smoothed[pad + i * r] }
            return
        }
        taps.withUnsafeBufferPointer { k in
            var i = 0
            while i + 8 <= count {
                // Outputs i … i + 7 sit at nodes pad + (i + l)·r; tap t reads node + t.
                let centre = line + pad + i * r
                func load(_ t: Int) -> SIMD8<Double> {
                    let p = centre + t
                    return r == 1 ? UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
                        : SIMD8(p[0], p[r], p[2 * r], p[3 * r], p[4 * r], p[5 * r], p[6 * r], p[7 * r])
                }
                var sum = k[0] * load(0)
                for t in 1...pad { sum += k[t] * (load(t) + load(-t)) }
                for l in 0..<8 { out[(i + l) * spacing] = sum[l] }
                i += 8
            }
            while i < count {
                let centre = line + pad + i * r
                var sum = k[0] * centre[0]
                for t in 1...pad { sum += k[t] * (centre[t] + centre[-t]) }
                out[i * spacing] = sum
                i += 1
            }
        }
    }
}
