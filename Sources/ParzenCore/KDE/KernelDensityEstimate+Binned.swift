#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

extension KernelDensityEstimate {
    /// log p(xⱼ) at many points, by the exact sum, the binned sum with its computed bound, or
    /// whichever of the two meets `tolerance` at each point (`.auto`).
    ///
    /// ```
    /// log p(q) = −log N − (d/2) log 2π − ½ log|H| + log S(H^{−1/2} q),   S(z) = Σᵢ exp(−‖z − zᵢ‖²/2)
    /// ```
    /// with S from `BinnedGaussianSum` (1-D and 2-D Gaussian kernel, scalar or matrix
    /// bandwidth: the data are whitened, so the grid is in units of the bandwidth). With a
    /// bound b on |S̃ − S| the log-density errs by at most −log(1 − b/S̃) (b < S̃), which is the
    /// per-point bound reported.
    ///
    /// - Parameters:
    ///   - tolerance: the largest acceptable |log p̃ − log p| per point (≈ relative error of
    ///     p); the grid is designed for it and `.auto` evaluates exactly wherever the computed
    ///     bound exceeds it. Default 1e-10.
    /// - Accuracy: exact points as `logDensities(at:)`; binned points within their bound, a
    ///   rigorous one (interpolation remainder, FFT round-off, truncated tails; see
    ///   `BinnedGaussianSum`) verified against the exact sum in the tests.
    /// - Cost: binned, O(N·p^d + M·p^d) (p = 8 taps in 1-D, 12 per axis in 2-D) plus FFTs of the grid, whose
    ///   step is ≈ 0.1–0.2 bandwidths; N = M = 10⁶ in 1-D takes tens of milliseconds instead of
    ///   minutes. Exact: O(N·M·d) on all cores.
    public func logDensities(at points: PointSet, method: DensityEvaluation,
                             tolerance: Double = 1e-10) -> LogDensityEvaluation {
        precondition(points.dimension == dimension, "points have dimension \(points.dimension), model has \(dimension)")
        precondition(tolerance > 0, "the tolerance must be positive")
        let binnable: Bool = if case .gaussian = kernel, dimension <= 2 { true } else { false }
        guard method == .binned || (method == .auto && binningPays(at: points.count)), binnable,
              let (values, bounds) = binnedLogDensities(at: points, tolerance: tolerance) else {
            let values = logDensities(at: points)
            return LogDensityEvaluation(
                values: values, method: .exact, errorBounds: .init(repeating: 0, count: values.count),
                                        exactPoints: values.count)
        }
        let limit = method == .auto ? tolerance : .greatestFiniteMagnitude
        return completed(values, bounds, at: points, limit: limit)
    }

    /// Whether `.auto` bins for `count` queries: from 2²⁶ kernel terms (~50 ms exact) on.
    func binningPays(at count: Int) -> Bool { Double(data.count) * Double(count) >= Double(1 << 26) }

    /// Whether the grid designed for `tolerance` evaluates `points` in fewer operations than the
    /// exact sum (the Monte Carlo estimates' test, which bins at any size where it pays):
    ///
    /// ```
    /// binned ≈ N·(p^d + 10) + 12·L·log₂L + M·(3p^d + 40),   exact ≈ M·(w̄ + 3 log₂N + 60) (1-D), M·N·(d + 2)
    /// ```
    /// with L the FFT grid's size (`BinnedGaussianSum.layout`) and w̄ the mean window of the
    /// sorted 1-D sum at up to 64 evenly spaced queries; the constants are per-operation costs
    /// relative to one vectorised exponential (measured on this machine to within a factor ~2,
    /// enough to tell the two apart: they differ by 10–100× where the choice matters).
    /// False when binning does not apply (not Gaussian, d > 2) or the grid exceeds 2²² nodes.
    /// Cost: 64 bisections and the grid's layout, microseconds.
    func binningIsCheaper(at points: PointSet, tolerance: Double) -> Bool {
        guard case .gaussian = kernel, dimension <= 2, points.count > 0 else { return false }
        let d = dimension, order = Self.binnedOrder(dimension: d)
        let step = BinnedGaussianSum.step(tolerance: tolerance, order: order, dimension: d)
        let extent = sortedWhitenedData.map { [($0.first!, $0.last!)] }
            ?? BinnedGaussianSum.extent(of: whitenedData, dimension: d)
        let size = Double(BinnedGaussianSum.layout(extent: extent, count: data.count, step: step, order: order)
            .lengths.reduce(1, *))
        guard size <= Double(1 << 22) else { return false }
        let taps = pow(Double(order), Double(d)), m = Double(points.count), n = Double(data.count)
        let binned = n * (taps + 10) + 12 * size * log2(size) + m * (3 * taps + 40)
        guard let sorted = sortedWhitenedData else { return binned < m * n * Double(d + 2) }
        let probes = Swift.min(points.count, 64)
        let queries = whitened(points.selecting((0..<probes).map { $0 * points.count / probes }))
        let window = queries.reduce(0) { total, q in
            let (lo, hi, _) = gaussianWindow(at: q, in: sorted)
            return total + Double(hi - lo)
        } / Double(probes)
        return binned < m * (window + 3 * log2(n) + 60)
    }

    /// p, the taps per axis of the binned grid: 8 in 1-D, 12 in 2-D (measured: the coarser grid a
    /// higher order allows matters more in 2-D, where the grid is the square of the 1-D one).
    static func binnedOrder(dimension d: Int) -> Int { d == 1 ? 8 : 12 }

    /// Binned values and bounds where the grid reaches, with the exact sum at every point whose
    /// bound exceeds `limit` (off-grid points have bound +∞).
    func completed(_ values: [Double], _ bounds: [Double], at points: PointSet, limit: Double) -> LogDensityEvaluation {
        var values = values, bounds = bounds
        let redo = bounds.indices.filter { !(bounds[$0] <= limit) }
        if !redo.isEmpty {
            let exact = logDensities(at: points.selecting(redo))
            for (k, j) in redo.enumerated() { values[j] = exact[k]; bounds[j] = 0 }
        }
        return LogDensityEvaluation(values: values, method: .binned, errorBounds: bounds, exactPoints: redo.count)
    }

    /// The binned log-densities and per-point bounds (+∞ off the grid or where b ≥ S̃); nil if
    /// the grid designed for `tolerance` would be too large.
    func binnedLogDensities(at points: PointSet, tolerance: Double) -> (values: [Double], bounds: [Double])? {
        let d = dimension, order = Self.binnedOrder(dimension: d)
        let step = BinnedGaussianSum.step(tolerance: tolerance, order: order, dimension: d)
        guard let grid = BinnedGaussianSum(whitened: whitenedData, dimension: d, step: step, order: order) else {
            return nil
        }
        let m = points.count
        var values = [Double](repeating: 0, count: m), bounds = values
        let chunk = 4096
        let whitenedQueries = whitened(points)
        values.withUnsafeMutableBufferPointer { v in
            bounds.withUnsafeMutableBufferPointer { b in
                whitenedQueries.withUnsafeBufferPointer { q in
                    nonisolated(unsafe) let (v, b, q) = (v, b, q)
                    DispatchQueue.concurrentPerform(iterations: (m + chunk - 1) / chunk) { c in
                        var scratch = [Double](repeating: 0, count: 2 * order)
                        scratch.withUnsafeMutableBufferPointer { s in
                            for j in (c * chunk)..<Swift.min(m, (c + 1) * chunk) {
                                guard let (sum, bound) = grid.evaluate(q.baseAddress! + j * d, scratch: s.baseAddress!),
                                      bound < sum else {
                                    v[j] = .nan; b[j] = .infinity
                                    continue
                                }
                                v[j] = logConstant + log(sum)
                                // −log(1 − x) ≤ x/(1 − x) for 0 ≤ x < 1: no libm call for the
                                // usual tiny x (a tenth of the cost of 20,000 binned points).
                                let x = bound / sum
                                b[j] = x < 1e-3 ? x / (1 - x) : -log1p(-x)
                            }
                        }
                    }
                }
            }
        }
        return (values, bounds)
    }

    /// The query points in the whitened coordinates of `whitenedData`.
    private func whitened(_ points: PointSet) -> [Double] {
        guard let factor = bandwidthFactor else {
            let h = bandwidth.standardDeviation!
            return points.values.map { $0 / h }
        }
        var out = [Double](repeating: 0, count: points.values.count)
        for i in 0..<points.count {
            let w = factor.solveLower(Array(points[i]))
            for k in 0..<dimension { out[i * dimension + k] = w[k] }
        }
        return out
    }
}
