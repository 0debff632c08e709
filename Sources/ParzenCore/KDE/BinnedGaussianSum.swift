#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// S(q) = Σᵢ exp(−‖q − xᵢ‖²/2) over whitened data xᵢ (d = 1 or 2) at many query points, with a
/// rigorous bound on the error at each query — the fast path of a Gaussian KDE's log-density.
///
/// Method: every data point is spread onto a grid of step δ with the p-point Lagrange weights
/// of its cell (`LagrangeStencil`), the grid is convolved with the sampled Gaussian by FFT
/// (separable: rows, then columns; the spectrum of the periodised Gaussian in closed form), and
/// each query gathers S from the p^d nodes around it with the same weights. The result is the
/// tensor-product Lagrange interpolant, in all 2d coordinates of (x, q), of G(x, q) =
/// exp(−‖q − x‖²/2), summed over the data.
///
/// Error bound, per query q in cell b (telescoping the 2d one-dimensional interpolations,
/// each amplifying earlier errors by at most Λ):
/// ```
/// |S̃(q) − S(q)| ≤ C·Σₐ cₐ·Env((b − a)δ) + Λ^d·ε_FFT + Λ^{2d}·4N·e^{−R²/2},
/// C = 2Λ^{2d−1}·(ω̄/p!)·δᵖ,   Env(Δ) = Σₖ Eₚ(Δₖ)·Πⱼ≠ₖ E₀(Δⱼ)   (window (p − 1)δ, `HermiteEnvelope`)
/// ```
/// cₐ is the number of data points in cell a; the envelope sum is itself one more (separable)
/// FFT convolution, so the bound costs about as much as the value and is exact up to its own
/// round-off, which is added. ε_FFT bounds the convolutions' round-off,
/// ‖ε‖∞ ≤ ‖ε‖₂ ≤ u·(40 log₂L + 20)·‖w‖₂·Π‖g‖₁ (Higham, "Accuracy and Stability of Numerical
/// Algorithms", 2nd ed., §24.1: ε·log₂L per transform, with a twiddle error of a few ulps and a
/// factor 2 to spare). The last term covers the periodic images and truncated kernel tails
/// beyond the grid's padding R = √(2(ln N + 50)).
///
/// Reference: M. P. Wand, "Fast computation of multivariate kernel estimators", J. Comput.
/// Graph. Statist. 3(4), 1994 (binned KDE; here with higher-order binning and a computed bound).
struct BinnedGaussianSum {
    let dimension: Int
    let stencil: LagrangeStencil
    let step: Double
    /// Per axis: the coordinate of node 0, the number of nodes, the FFT length.
    private let origin: [Double]
    private let nodes: [Int]
    private let lengths: [Int]
    /// S at the nodes (row stride nodes[0]).
    private let sums: [Double]
    /// C·(Σₐ cₐ Env + its round-off and tail) at the nodes.
    private let bounds: [Double]
    /// The part of the bound that is the same at every query.
    private let uniformBound: Double

    /// The step δ (in whitened units, i.e. bandwidths) at which the predicted relative error of
    /// S is `tolerance`/4 for an isolated point and for a locally uniform density: both ratios of
    /// the envelope to the kernel, Env(0)/1 and ∫Env/∫e^{−r²/2}, are computed, not guessed.
    static func step(tolerance: Double, order p: Int, dimension d: Int) -> Double {
        if tolerance == 1e-10 && p == 8 && d == 1 { return standardStep1D }
        if tolerance == 1e-10 && p == 12 && d == 2 { return standardStep2D }
        return designedStep(tolerance: tolerance, order: p, dimension: d)
    }

    /// The steps of the default grids (10⁻¹⁰ per point, 8 taps in 1-D, 12 in 2-D), computed once
    /// per process: the 24,000 envelope evaluations of `designedStep` took about a millisecond,
    /// as much as evaluating a small KDE at 20,000 points through the grid.
    private static let standardStep1D = designedStep(tolerance: 1e-10, order: 8, dimension: 1)
    private static let standardStep2D = designedStep(tolerance: 1e-10, order: 12, dimension: 2)

    private static func designedStep(tolerance: Double, order p: Int, dimension d: Int) -> Double {
        let stencil = LagrangeStencil(order: p)
        var delta = 0.5
        for _ in 0..<3 {
            let envelope = HermiteEnvelope(order: p, window: Double(p - 1) * delta)
            // Both envelopes are even in r: the sum over k = −2000 … 2000 as twice k > 0 plus k = 0.
            var integralP = 0.5 * envelope.derivative(0) * 0.01, integral0 = 0.5 * envelope.value(0) * 0.01
            for k in 1...2000 {
                let r = Double(k) * 0.01
                integralP += envelope.derivative(r) * 0.01
                integral0 += envelope.value(r) * 0.01
            }
            integralP *= 2
            integral0 *= 2
            let gaussian = (2 * Double.pi).squareRoot()
            let uniform = Double(d) * integralP * pow(integral0, Double(d - 1)) / pow(gaussian, Double(d))
            let isolated = Double(d) * envelope.derivative(0)
            let ratio = Swift.max(uniform, isolated)
            let factor = 2 * pow(stencil.lebesgueConstant, Double(2 * d - 1)) * stencil.errorFactor * ratio
            delta = Swift.min(0.5, pow(tolerance / (4 * factor), 1 / Double(p)))
        }
        return delta
    }

    /// Spreads `data` (N points, row-major, d = `dimension`) and builds the node values and
    /// bounds; nil when the grid would exceed `maximumNodes` FFT points.
    init?(whitened data: [Double], dimension d: Int, step delta: Double, order p: Int, maximumNodes: Int = 1 << 22) {
        precondition(d == 1 || d == 2, "the binned sum is for 1-D and 2-D data")
        let n = data.count / d
        let stencil = LagrangeStencil(order: p)
        let reach = Self.reach(count: n)
        let (origin, nodes, lengths) = Self.layout(extent: Self.extent(of: data, dimension: d), count: n,
                                                   step: delta, order: p)
        guard lengths.reduce(1, *) <= maximumNodes else { return nil }
        self.dimension = d
        self.stencil = stencil
        self.step = delta
        self.origin = origin
        self.nodes = nodes
        self.lengths = lengths

        let (weights, counts) = Self.spread(data, d, stencil, origin, delta, nodes)
        let lambda = stencil.lebesgueConstant
        let envelope = HermiteEnvelope(order: p, window: Double(p - 1) * delta)
        // Kernel samples at node offsets jδ, |j| ≤ R/δ (beyond: the tail terms below).
        let padNodes = Int((reach / delta).rounded(.up))
        let offsets = (0...padNodes).map { Double($0) * delta }
        let e0 = offsets.map { envelope.value($0) }, ep = offsets.map { envelope.derivative($0) }
        let gaussianNorm = offsets.enumerated().reduce(0) {
            $0 + ($1.offset == 0 ? 1 : 2) * exp(-0.5 * $1.element * $1.element)
        }
        func norm1(_ s: [Double]) -> Double { 2 * s.reduce(0, +) - s[0] }
        let fftFactor = 1.1e-16 * (40 * log2(Double(lengths.reduce(1, *))) + 20)
        let weightNorm = weights.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let countNorm = counts.reduce(0) { $0 + $1 * $1 }.squareRoot()
        let valueError = fftFactor * weightNorm * pow(gaussianNorm, Double(d))
        let envelopeError = fftFactor * countNorm * (d == 1 ? norm1(ep) : 2 * norm1(ep) * norm1(e0))
        let envelopeTail = Double(n) * Double(d) * envelope.derivative(reach)
        let scale = 2 * pow(lambda, Double(2 * d - 1)) * stencil.errorFactor * pow(delta, Double(p))
        uniformBound = scale * (envelopeError + envelopeTail) + pow(lambda, Double(d)) * valueError
            + pow(lambda, Double(2 * d)) * 4 * Double(n) * exp(-0.5 * reach * reach)

        if d == 1 {
            sums = Self.convolve(
                weights, length: lengths[0], count: nodes[0], spectrum: Self.gaussianSpectrum(lengths[0], delta))
            let b = Self.convolve(counts, length: lengths[0], count: nodes[0], spectrum: Self.spectrum(ep, lengths[0]))
            bounds = b.map { scale * Swift.max(0, $0) }
        } else {
            let gx = Self.gaussianSpectrum(lengths[0], delta), gy = Self.gaussianSpectrum(lengths[1], delta)
            sums = Self.convolve2D(weights, nodes, lengths, [(gx, gy)])
            let terms = [(Self.spectrum(ep, lengths[0]), Self.spectrum(e0, lengths[1])),
                         (Self.spectrum(e0, lengths[0]), Self.spectrum(ep, lengths[1]))]
            bounds = Self.convolve2D(counts, nodes, lengths, terms).map { scale * Swift.max(0, $0) }
        }
    }

    /// R = √(2(ln N + 50)), the padding beyond the data (in bandwidths) past which N kernels
    /// together stay below e^{−50}.
    static func reach(count n: Int) -> Double { (2 * (log(Double(n)) + 50)).squareRoot() }

    /// Per axis, the smallest and largest coordinate of `data` (row-major, d per point).
    static func extent(of data: [Double], dimension d: Int) -> [(lo: Double, hi: Double)] {
        (0..<d).map { k in
            var lo = Double.infinity, hi = -Double.infinity
            for i in stride(from: k, to: data.count, by: d) { lo = Swift.min(lo, data[i]); hi = Swift.max(hi, data[i]) }
            return (lo, hi)
        }
    }

    /// Per axis of the data's extent [lo, hi] (whitened): the coordinate of node 0, the number of
    /// nodes (the extent, the padding R on both sides and the stencil's reach) and the FFT length
    /// (a power of two with room for one more padding, so periodic images stay R away).
    static func layout(extent: [(lo: Double, hi: Double)], count n: Int, step delta: Double, order p: Int)
        -> (origin: [Double], nodes: [Int], lengths: [Int]) {
        let padNodes = Int((reach(count: n) / delta).rounded(.up))
        var origin: [Double] = [], nodes: [Int] = [], lengths: [Int] = []
        for (lo, hi) in extent {
            let count = Int(((hi - lo) / delta).rounded(.up)) + 2 * padNodes + p + 2
            var length = 4
            while length < count + padNodes { length *= 2 }
            origin.append(lo - (Double(padNodes) + Double(p / 2)) * delta)
            nodes.append(count)
            lengths.append(length)
        }
        return (origin, nodes, lengths)
    }

    /// S̃(q) and its error bound at a whitened query (d coordinates); nil when the query's
    /// stencil leaves the grid (farther than the padding from every data point's box).
    func evaluate(_ q: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>) -> (sum: Double, bound: Double)? {
        let p = stencil.order
        let half = p / 2 - 1
        var cell = (0, 0)
        for k in 0..<dimension {
            let position = (q[k] - origin[k]) / step
            guard position >= Double(half), position < Double(nodes[k] - p / 2 - 1) else { return nil }
            let a = Int(position)
            stencil.weights(at: position - Double(a), into: scratch + k * p)
            if k == 0 { cell.0 = a } else { cell.1 = a }
        }
        return sums.withUnsafeBufferPointer { s in
            if dimension == 1 {
                var total = 0.0
                let base = cell.0 - half
                for m in 0..<p { total += scratch[m] * s[base + m] }
                return (
                    total,
                    bounds[cell.0] + uniformBound + 4 * Double(p) * 1.1e-16 * stencil.lebesgueConstant * abs(total)
                )
            }
            var total = 0.0
            let stride = nodes[0]
            for my in 0..<p {
                var row = 0.0
                let base = (cell.1 - half + my) * stride + cell.0 - half
                for mx in 0..<p { row += scratch[mx] * s[base + mx] }
                total += scratch[p + my] * row
            }
            let rounding =
                4 * Double(p * p) * 1.1e-16 * stencil.lebesgueConstant * stencil.lebesgueConstant * abs(total)
            return (total, bounds[cell.1 * stride + cell.0] + uniformBound + rounding)
        }
    }

    /// Lagrange weights and cell counts of the data on the grid (row stride nodes[0]), over
    /// two threads with private grids for large N.
    private static func spread(_ data: [Double], _ d: Int, _ stencil: LagrangeStencil, _ origin: [Double],
                               _ delta: Double, _ nodes: [Int]) -> (weights: [Double], counts: [Double]) {
        let n = data.count / d, p = stencil.order, half = p / 2 - 1
        let size = nodes.reduce(1, *)
        let threads = n >= 50_000 ? 2 : 1
        let chunk = (n + threads - 1) / threads
        var partial = [([Double], [Double])](repeating: ([], []), count: threads)
        partial.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            data.withUnsafeBufferPointer { x in
                nonisolated(unsafe) let x = x
                DispatchQueue.concurrentPerform(iterations: threads) { t in
                    var weights = [Double](repeating: 0, count: size), counts = weights
                    var scratch = [Double](repeating: 0, count: 2 * p)
                    weights.withUnsafeMutableBufferPointer { w in
                        counts.withUnsafeMutableBufferPointer { c in
                            scratch.withUnsafeMutableBufferPointer { l in
                                let inverse = 1 / delta
                                for i in (t * chunk)..<Swift.min(n, (t + 1) * chunk) {
                                    let px = (x[i * d] - origin[0]) * inverse
                                    let ax = Int(px)
                                    stencil.weights(at: px - Double(ax), into: l.baseAddress!)
                                    if d == 1 {
                                        c[ax] += 1
                                        for m in 0..<p { w[ax - half + m] += l[m] }
                                        continue
                                    }
                                    let py = (x[i * d + 1] - origin[1]) * inverse
                                    let ay = Int(py)
                                    stencil.weights(at: py - Double(ay), into: l.baseAddress! + p)
                                    c[ay * nodes[0] + ax] += 1
                                    for my in 0..<p {
                                        let base = (ay - half + my) * nodes[0] + ax - half, ly = l[p + my]
                                        for mx in 0..<p { w[base + mx] += ly * l[mx] }
                                    }
                                }
                            }
                        }
                    }
                    slots[t] = (weights, counts)
                }
            }
        }
        var (weights, counts) = partial[0]
        for t in 1..<threads {
            for j in 0..<size { weights[j] += partial[t].0[j]; counts[j] += partial[t].1[j] }
        }
        return (weights, counts)
    }

    /// The DFT of the periodised Gaussian sampled at step δ, exp(−r²/2) at r = jδ (mod Lδ):
    /// √(2π)/δ·exp(−2π²k²/(Lδ)²) by Poisson summation, up to aliases of relative size
    /// exp(−2π²/δ²) < 1e-34 for δ ≤ 0.5. Real and even, so only its real half is kept.
    private static func gaussianSpectrum(_ length: Int, _ delta: Double) -> [Double] {
        let c = -2 * Double.pi * Double.pi / (Double(length) * delta * Double(length) * delta)
        let scale = (2 * Double.pi).squareRoot() / delta
        return (0...(length / 2)).map { k in scale * exp(c * Double(k * k)) }
    }

    /// The DFT of an even sequence given by its samples at offsets 0 … J (real: the imaginary
    /// part is round-off, which the FFT bound covers).
    private static func spectrum(_ samples: [Double], _ length: Int) -> [Double] {
        var full = [Double](repeating: 0, count: length)
        for (j, v) in samples.enumerated() {
            full[j] = v
            if j > 0 { full[length - j] = v }
        }
        return RealFourierTransform(count: length).forward(full).real
    }

    /// The first `count` values of the circular convolution of `values` (zero-padded to
    /// `length`) with the even kernel of real spectrum `spectrum`.
    private static func convolve(_ values: [Double], length: Int, count: Int, spectrum: [Double]) -> [Double] {
        let plan = RealFourierTransform(count: length)
        var padded = [Double](repeating: 0, count: length)
        for j in 0..<Swift.min(count, values.count) { padded[j] = values[j] }
        var (re, im) = plan.forward(padded)
        for k in 0..<re.count { re[k] *= spectrum[k]; im[k] *= spectrum[k] }
        return Array(plan.inverse(real: re, imaginary: im)[0..<count])
    }

    /// Σ over `terms` of the separable convolution of a nodes[0] × nodes[1] grid with kernels
    /// (kx ⊗ ky), given by their spectra: rows along x (one forward transform per row shared by
    /// all terms), then columns along y (the terms' spectra summed before one inverse).
    private static func convolve2D(_ grid: [Double], _ nodes: [Int], _ lengths: [Int],
                                   _ terms: [(x: [Double], y: [Double])]) -> [Double] {
        let (nx, ny) = (nodes[0], nodes[1]), (lx, ly) = (lengths[0], lengths[1])
        let planX = RealFourierTransform(count: lx), planY = RealFourierTransform(count: ly)
        // rowsDone[t][j * nx + i]: grid row j convolved along x with term t's kx.
        var rowsDone = [[Double]](repeating: [Double](repeating: 0, count: nx * ny), count: terms.count)
        for t in terms.indices {
            rowsDone[t].withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                DispatchQueue.concurrentPerform(iterations: ny) { j in
                    var row = [Double](repeating: 0, count: lx)
                    for i in 0..<nx { row[i] = grid[j * nx + i] }
                    guard row.contains(where: { $0 != 0 }) else { return }
                    var (re, im) = planX.forward(row)
                    for k in 0..<re.count { re[k] *= terms[t].x[k]; im[k] *= terms[t].x[k] }
                    let smoothed = planX.inverse(real: re, imaginary: im)
                    for i in 0..<nx { out[j * nx + i] = smoothed[i] }
                }
            }
        }
        let rows = rowsDone
        var result = [Double](repeating: 0, count: nx * ny)
        result.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: nx) { i in
                var sumRe = [Double](repeating: 0, count: ly / 2 + 1), sumIm = sumRe
                var column = [Double](repeating: 0, count: ly)
                for t in terms.indices {
                    for j in 0..<ny { column[j] = rows[t][j * nx + i] }
                    let (re, im) = planY.forward(column)
                    for k in 0..<re.count { sumRe[k] += re[k] * terms[t].y[k]; sumIm[k] += im[k] * terms[t].y[k] }
                }
                let smoothed = planY.inverse(real: sumRe, imaginary: sumIm)
                for j in 0..<ny { out[j * nx + i] = smoothed[j] }
            }
        }
        return result
    }
}
