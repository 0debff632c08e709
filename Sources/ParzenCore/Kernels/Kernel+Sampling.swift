#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Kernel {
    /// Writes one draw from K (scale h = 1) into `out[0..<d]`.
    ///
    /// Methods, all exact (no approximation beyond floating point), using only the
    /// generator's documented uniforms and normals so a seed fixes every draw:
    /// - `gaussian`: d independent standard normals z.
    /// - `tophat`, `epanechnikov`, `biweight`, `triweight` (k = (1 − r²)^p): ‖u‖² has the
    ///   Beta(d/2, p+1) law. With z ~ N(0, I_d), ‖z‖²/2 ~ Gamma(d/2) independent of the
    ///   direction z/‖z‖, and G = −Σ_{j=0}^{p} log U_j ~ Gamma(p+1), so
    ///   u = z / √(‖z‖² + 2G) has ‖u‖² = Gamma(d/2)/(Gamma(d/2) + Gamma(p+1)) ~ Beta(d/2, p+1).
    /// - `exponential`: direction z/‖z‖, radius Gamma(d) = −Σ_{j<d} log U_j.
    /// - `linear`: direction z/‖z‖, radius R ~ Beta(d, 2) (density ∝ r^{d−1}(1 − r)) as a
    ///   ratio of Gamma(d) and Gamma(2) draws.
    /// - `cosine`: R ~ Beta(d, 2) proposals accepted with probability cos(πR/2)/((π/2)(1 − R))
    ///   ≤ 1 (rejection sampling; acceptance 8/π² ≈ 0.81 in 1-D, → 1 as d grows).
    /// - `formula`: inverse CDF on the kernel's tabulated distribution function.
    /// - `radial`: direction z/‖z‖, radius by the inverse CDF of r^{d−1}k(r), tabulated.
    ///
    /// Cost: O(d) normals and O(p + d) uniforms per draw.
    public func sample(into out: UnsafeMutableBufferPointer<Double>, using g: inout Xoshiro256StarStar) {
        let d = out.count
        switch self {
        case .gaussian:
            for k in 0..<d { out[k] = g.nextGaussian() }
        case .tophat, .epanechnikov, .biweight, .triweight:
            var norm2 = 0.0
            for k in 0..<d {
                out[k] = g.nextGaussian()
                norm2 += out[k] * out[k]
            }
            let gamma = Kernel.gammaOfIntegerShape(polynomialPower! + 1, using: &g)
            let scale = 1 / (norm2 + 2 * gamma).squareRoot()
            for k in 0..<d { out[k] *= scale }
        case .exponential:
            Kernel.drawDirection(into: out, using: &g)
            let radius = Kernel.gammaOfIntegerShape(d, using: &g)
            for k in 0..<d { out[k] *= radius }
        case .linear:
            Kernel.drawDirection(into: out, using: &g)
            let radius = Kernel.betaRadius(d, using: &g)
            for k in 0..<d { out[k] *= radius }
        case .cosine:
            Kernel.drawDirection(into: out, using: &g)
            var radius: Double
            repeat {
                radius = Kernel.betaRadius(d, using: &g)
            } while g.nextUniform() * 0.5 * Double.pi * (1 - radius) >= cos(0.5 * Double.pi * radius)
            for k in 0..<d { out[k] *= radius }
        case .formula(let f):
            precondition(d == 1, "formula kernels are 1-D")
            out[0] = f.inverseDistribution(g.nextOpenUniform())
        case .radial(let f):
            Kernel.drawDirection(into: out, using: &g)
            let radius = f.radius(g.nextOpenUniform(), dimension: d)
            for k in 0..<d { out[k] *= radius }
        }
    }

    /// `count` draws from K (scale h = 1) in d dimensions.
    public func sample(_ count: Int, dimension d: Int, using g: inout Xoshiro256StarStar) -> PointSet {
        precondition(d >= 1 && d <= maximumDimension, "kernel \(name) is not defined in \(d) dimensions")
        var values = [Double](repeating: 0, count: count * d)
        values.withUnsafeMutableBufferPointer { buffer in
            for i in 0..<count {
                sample(into: UnsafeMutableBufferPointer(rebasing: buffer[(i * d)..<((i + 1) * d)]), using: &g)
            }
        }
        return PointSet(dimension: d, values: values)
    }

    /// A uniform direction on the unit sphere S^{d−1}: z/‖z‖ with z ~ N(0, I_d).
    private static func drawDirection(into out: UnsafeMutableBufferPointer<Double>, using g: inout Xoshiro256StarStar) {
        var norm2 = 0.0
        repeat {
            norm2 = 0
            for k in 0..<out.count {
                out[k] = g.nextGaussian()
                norm2 += out[k] * out[k]
            }
        } while norm2 == 0
        let scale = 1 / norm2.squareRoot()
        for k in 0..<out.count { out[k] *= scale }
    }

    /// Gamma(n, 1) for an integer shape n ≥ 1: the sum of n standard exponentials −log U.
    private static func gammaOfIntegerShape(_ n: Int, using g: inout Xoshiro256StarStar) -> Double {
        var sum = 0.0
        for _ in 0..<n { sum -= log(g.nextOpenUniform()) }
        return sum
    }

    /// Beta(d, 2) = Gamma(d)/(Gamma(d) + Gamma(2)): density d(d+1) r^{d−1}(1 − r) on (0, 1).
    private static func betaRadius(_ d: Int, using g: inout Xoshiro256StarStar) -> Double {
        let a = gammaOfIntegerShape(d, using: &g)
        let b = gammaOfIntegerShape(2, using: &g)
        return a / (a + b)
    }
}
