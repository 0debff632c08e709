/// Lagrange interpolation on p equally spaced nodes around a cell, the spreading and gathering
/// weights of the binned Gaussian sum, with the constants of its error bound.
///
/// A point at fractional position a + f (0 ≤ f < 1) between nodes a and a + 1 uses the p nodes
/// a + m, m = −p/2 + 1 … p/2, with weights
///
/// ```
/// ℓₘ(f) = Πₖ≠ₘ (f − k)/(m − k),     Σₘ ℓₘ(f)·g(a + m) = g(a + f) + E,
/// |E| ≤ ω̄/p! · δᵖ · max |g⁽ᵖ⁾| over the stencil,   ω̄ = max_f Πₘ |f − m| = Π_{k<p/2} (k + ½)²
/// ```
/// (the node polynomial is largest at the middle of the central cell). Λ = max_f Σₘ |ℓₘ(f)|,
/// the Lebesgue constant, bounds how much the interpolation can amplify an error in the
/// node values. p = 2 is linear binning (Wand 1994); larger p trades more taps per point for a
/// coarser grid at the same accuracy.
///
/// Reference: e.g. K. E. Atkinson, "An Introduction to Numerical Analysis", 2nd ed., §3.2
/// (the interpolation error formula) and §3.5 (the Lebesgue constant).
struct LagrangeStencil: Sendable {
    /// p, the number of nodes (even, 2 … 16).
    let order: Int
    /// 1/Πₖ≠ₘ (m − k) for each node m of the stencil, in order m = −p/2 + 1 … p/2.
    private let inverseDenominators: [Double]
    /// For p ≤ 8: entry k holds, in lane m, the coefficient of fᵏ in ℓₘ(f) (lanes ≥ p are 0),
    /// so that all weights come from one vector Horner scheme (`vectorWeights`).
    private let powerCoefficients: [SIMD8<Double>]
    /// Λ, the Lebesgue constant on the central cell (sampled at 4,001 points, raised by 1 %:
    /// the Lebesgue function is a smooth polynomial piece there, so the sampled maximum is
    /// within far less than 1 % of the true one).
    let lebesgueConstant: Double
    /// ω̄/p!, the factor of δᵖ·max|g⁽ᵖ⁾| in the interpolation error.
    let errorFactor: Double

    /// The stencil of order p (even, 2 … 16); the orders Parzen uses (2 and 4 for the plotting
    /// grid, 8 and 12 for the binned sums) are built once per process, each when first asked for:
    /// sampling the Lebesgue function took ~0.25 ms, a tenth of a whole binned grid, and building
    /// all eight orders up front about a millisecond of a 20,000-draw Monte Carlo KL.
    init(order p: Int) {
        precondition(p >= 2 && p <= 16 && p % 2 == 0, "the stencil order must be even, 2 … 16")
        switch p {
        case 2: self = Self.linear
        case 4: self = Self.cubic
        case 8: self = Self.eightPoint
        case 12: self = Self.twelvePoint
        default: self = LagrangeStencil(building: p)
        }
    }

    private static let linear = LagrangeStencil(building: 2)
    private static let cubic = LagrangeStencil(building: 4)
    private static let eightPoint = LagrangeStencil(building: 8)
    private static let twelvePoint = LagrangeStencil(building: 12)

    private init(building p: Int) {
        order = p
        let offsets = (0..<p).map { Double($0 - p / 2 + 1) }
        let inverse = offsets.map { m in 1 / offsets.filter { $0 != m }.reduce(1) { $0 * (m - $1) } }
        inverseDenominators = inverse
        var coefficients = [SIMD8<Double>](repeating: .zero, count: p <= 8 ? p : 0)
        for m in 0..<(p <= 8 ? p : 0) {
            // Πₖ≠ₘ (f − k) expanded, lowest power first, then scaled by the inverse denominator.
            var polynomial = [1.0]
            for k in offsets where k != offsets[m] {
                var next = [Double](repeating: 0, count: polynomial.count + 1)
                for (i, c) in polynomial.enumerated() { next[i + 1] += c; next[i] -= k * c }
                polynomial = next
            }
            for k in 0..<p { coefficients[k][m] = polynomial[k] * inverse[m] }
        }
        powerCoefficients = coefficients
        var omega = 1.0, factorial = 1.0
        for k in 0..<(p / 2) { omega *= (Double(k) + 0.5) * (Double(k) + 0.5) }
        for k in 1...p { factorial *= Double(k) }
        errorFactor = omega / factorial
        var weights = [Double](repeating: 0, count: p)
        var lebesgue = 0.0
        for s in 0...4000 {
            weights.withUnsafeMutableBufferPointer { w in Self.fill(w.baseAddress!, Double(s) / 4000, p, inverse) }
            lebesgue = Swift.max(lebesgue, weights.reduce(0) { $0 + abs($1) })
        }
        lebesgueConstant = 1.01 * lebesgue
    }

    /// Writes ℓₘ(f) for the p nodes into `weights`, by prefix and suffix products of (f − k):
    /// 2p multiplications, exact at the nodes (f = 0 gives the unit vector).
    @inline(__always)
    func weights(at f: Double, into weights: UnsafeMutablePointer<Double>) {
        inverseDenominators.withUnsafeBufferPointer { Self.fill(weights, f, order, $0.baseAddress!) }
    }

    /// ℓₘ(f) in lane m (p ≤ 8; lanes ≥ p are 0) by Horner's rule on `powerCoefficients`: p − 1
    /// vector multiply-adds in registers, for the binning loops, which would otherwise wait on
    /// the stores of a weight buffer before reading it back. `p` must be `order`; callers pass
    /// it as a constant so that the loop is unrolled.
    @inline(__always)
    func vectorWeights(at f: Double, order p: Int) -> SIMD8<Double> {
        powerCoefficients.withUnsafeBufferPointer { c in
            var w = c[p - 1]
            for k in stride(from: p - 2, through: 0, by: -1) { w = w * f + c[k] }
            return w
        }
    }

    @inline(__always)
    private static func fill(_ w: UnsafeMutablePointer<Double>, _ f: Double, _ p: Int, _ inverse: UnsafePointer<Double>)
    {
        let first = Double(-p / 2 + 1)
        var prefix = 1.0
        for m in 0..<p { w[m] = prefix; prefix *= f - (first + Double(m)) }
        var suffix = 1.0
        for m in stride(from: p - 1, through: 0, by: -1) {
            w[m] *= suffix * inverse[m]; suffix *= f - (first + Double(m))
        }
    }
}
