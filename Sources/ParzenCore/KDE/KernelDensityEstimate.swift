#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// The kernel density estimate (Parzen window) of data o₁ … o_N in d dimensions:
///
/// ```
/// p(x) = (1/N) Σᵢ K_H(x − oᵢ),   K_H(u) = |H|^{−1/2} K(H^{−1/2} u)
/// ```
///
/// With the Gaussian kernel and H = βI this is the tutorial's p(x) = (1/N) Σᵢ N(x | oᵢ, Iβ).
/// It is the empirical distribution (1/N) Σᵢ δ(x − oᵢ) smoothed by the kernel: as β → 0 it
/// concentrates on the data, as β → ∞ it becomes one wide kernel (see `EmpiricalDistribution`).
///
/// - Domain: at least one point; a positive finite bandwidth (a symmetric positive definite
///   matrix H); formula kernels in 1-D only. Violations throw `ModelError`.
/// - Accuracy: evaluated in log space, log p(x) = −log N − log c_d − ½ log|H| +
///   logΣᵢ exp(log k(‖H^{−1/2}(x − oᵢ)‖)), the sum shifted by its largest term. Points far
///   from the data get finite log-densities accurate to a few ulps (−1e6, not −∞); −∞ means
///   exactly zero density (outside every compact kernel's support). Agrees with
///   scikit-learn's exact (`rtol = 0`) `KernelDensity` to ~1e-14 relative.
/// - Cost: N·d per query point (exact; no tree, no binning), in parallel over query points
///   on all cores, with a vectorised exponential sum for the Gaussian. In 1-D the Gaussian
///   sums only the sorted window of points whose terms exceed e^{−40} of the largest (the
///   rest cannot move the sum by more than its own rounding). For many queries on a grid use
///   `densityOnGrid(from:to:count:)`.
///
/// Reference: E. Parzen, "On estimation of a probability density function and mode",
/// Ann. Math. Statist. 33(3), 1962; scikit-learn's normalising constants
/// (`sklearn/neighbors/_binary_tree.pxi`, `_log_kernel_norm`).
public struct KernelDensityEstimate: DensityModel {
    /// The data o₁ … o_N the estimate is centred on.
    public let data: PointSet
    /// The kernel K.
    public let kernel: Kernel
    /// The bandwidth, in the convention it was given in.
    public let bandwidth: Bandwidth

    /// The data mapped by H^{−1/2} (scalar case: divided by h), so every kernel is evaluated
    /// at unit scale.
    let whitenedData: [Double]
    /// The factor L of H = L·Lᵀ for a matrix bandwidth; nil for a scalar bandwidth.
    let bandwidthFactor: Cholesky?
    /// −log N − log c_d − ½ log|H|: the constant part of every log-density.
    let logConstant: Double
    /// For 1-D data: the whitened data sorted, so the nearest point to a query (the largest
    /// kernel term, which log-sum-exp shifts by) is found by bisection.
    let sortedWhitenedData: [Double]?

    /// The dimension d of the data.
    public var dimension: Int { data.dimension }

    /// Builds the estimate on `data` with `kernel` and `bandwidth`.
    /// - Throws: `ModelError` for empty data, a non-positive or non-finite bandwidth, a
    ///   bandwidth matrix of the wrong size or not positive definite, or a formula kernel in
    ///   more than one dimension.
    public init(data: PointSet, kernel: Kernel = .gaussian, bandwidth: Bandwidth) throws {
        let d = data.dimension
        guard data.count >= 1 else { throw ModelError.tooFewPoints("a kernel density estimate", needed: 1, got: 0) }
        guard d <= kernel.maximumDimension else {
            throw ModelError.dimensionMismatch(
                "the data for kernel '\(kernel.name)'", expected: kernel.maximumDimension, got: d)
        }
        guard data.values.allSatisfy(\.isFinite) else {
            throw ModelError(
                .invalidParameter, problem: "the data contain NaN or infinite values", fix: "remove or fix those points"
            )
        }
        self.data = data
        self.kernel = kernel
        self.bandwidth = bandwidth
        let logNormalization: Double = if case .formula = kernel { 0 } else { kernel.logNormalization(dimension: d) }
        switch bandwidth {
        case .variance, .standardDeviation:
            let h = bandwidth.standardDeviation!
            guard h > 0, h.isFinite, bandwidth.beta! > 0, bandwidth.beta!.isFinite else {
                throw ModelError.invalidParameter(
                    "the bandwidth", bandwidth.description, expected: "a positive finite bandwidth")
            }
            whitenedData = data.values.map { $0 / h }
            bandwidthFactor = nil
            logConstant = -log(Double(data.count)) - logNormalization - Double(d) * log(h)
        case .matrix(let matrix):
            guard matrix.rows == d, matrix.columns == d else {
                throw ModelError.dimensionMismatch("the bandwidth matrix", expected: d, got: matrix.rows)
            }
            let factor = try Cholesky(matrix)
            var whitened = [Double](repeating: 0, count: data.values.count)
            for i in 0..<data.count {
                let w = factor.solveLower(Array(data[i]))
                for k in 0..<d { whitened[i * d + k] = w[k] }
            }
            whitenedData = whitened
            bandwidthFactor = factor
            logConstant = -log(Double(data.count)) - logNormalization - 0.5 * factor.logDeterminant
        }
        sortedWhitenedData = d == 1 ? RadixSort.sorted(whitenedData) : nil
    }

    /// log p(x) at one point.
    public func logDensity(at x: ArraySlice<Double>) -> Double {
        precondition(x.count == dimension, "point has dimension \(x.count), model has \(dimension)")
        var buffer = [Double](repeating: 0, count: data.count)
        return buffer.withUnsafeMutableBufferPointer { logDensity(at: Array(x), buffer: $0) }
    }

    /// log p(xⱼ) for every query point, in parallel over the points on all cores.
    public func logDensities(at points: PointSet) -> [Double] {
        precondition(points.dimension == dimension, "points have dimension \(points.dimension), model has \(dimension)")
        let m = points.count
        var result = [Double](repeating: 0, count: m)
        let chunk = 64
        let chunks = (m + chunk - 1) / chunk
        result.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            if case .gaussian = kernel, let sorted = sortedWhitenedData, bandwidthFactor == nil {
                // The 1-D Gaussian with a scalar h needs no buffer and no per-point arrays.
                let h = bandwidth.standardDeviation!
                DispatchQueue.concurrentPerform(iterations: chunks) { c in
                    for j in (c * chunk)..<min(m, (c + 1) * chunk) {
                        out[j] = gaussianLogDensity(whitened: points.values[j] / h, sorted: sorted)
                    }
                }
                return
            }
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var buffer = [Double](repeating: 0, count: data.count)
                buffer.withUnsafeMutableBufferPointer { scratch in
                    for j in (c * chunk)..<min(m, (c + 1) * chunk) {
                        out[j] = logDensity(at: Array(points[j]), buffer: scratch)
                    }
                }
            }
        }
        return result
    }

    /// log p(x), using `buffer` (N entries) for the per-point exponents.
    private func logDensity(at x: [Double], buffer: UnsafeMutableBufferPointer<Double>) -> Double {
        let d = dimension, n = data.count
        let query: [Double] =
            if let factor = bandwidthFactor { factor.solveLower(x) } else {
                x.map { $0 / bandwidth.standardDeviation! }
            }
        if case .gaussian = kernel, let sorted = sortedWhitenedData {
            return gaussianLogDensity(whitened: query[0], sorted: sorted)
        }
        // Squared whitened distances ‖x̃ − õᵢ‖² (signed offsets for a 1-D formula kernel).
        whitenedData.withUnsafeBufferPointer { w in
            if d == 1 {
                let q = query[0]
                if case .formula = kernel {
                    for i in 0..<n { buffer[i] = q - w[i] }
                } else {
                    for i in 0..<n { let u = q - w[i]; buffer[i] = u * u }
                }
            } else {
                for i in 0..<n {
                    var r2 = 0.0
                    for k in 0..<d { let u = query[k] - w[i * d + k]; r2 += u * u }
                    buffer[i] = r2
                }
            }
        }
        switch kernel {
        case .gaussian:
            // log Σ exp(−r²/2) = −r²_min/2 + log Σ exp(−(r² − r²_min)/2).
            var minimum = Double.infinity
            for i in 0..<n { minimum = min(minimum, buffer[i]) }
            for i in 0..<n { buffer[i] = 0.5 * (buffer[i] - minimum) }
            return logConstant - 0.5 * minimum + log(sumOfNegativeExponentials(UnsafeBufferPointer(buffer)))
        case .formula(let f):
            for i in 0..<n { buffer[i] = f.logDensity(at: buffer[i]) }
        default:
            for i in 0..<n { buffer[i] = kernel.logProfile(squaredRadius: buffer[i]) }
        }
        return logConstant + logSumExp(UnsafeBufferPointer(buffer))
    }

    /// log p at a whitened 1-D query q for the Gaussian kernel: the sum over the sorted window
    /// of `gaussianWindow`, shifted by its nearest point.
    @inline(__always)
    private func gaussianLogDensity(whitened q: Double, sorted: [Double]) -> Double {
        let (lo, hi, minimum) = gaussianWindow(at: q, in: sorted)
        let sum = sorted.withUnsafeBufferPointer {
            gaussianSum(at: q, points: UnsafeBufferPointer(rebasing: $0[lo..<hi]), shift: minimum, scale: 0.5)
        }
        return logConstant - 0.5 * minimum + log(sum)
    }

    /// log K_H(u), the normalised kernel at offset u (d coordinates) with the bandwidth applied.
    func kernelLogDensity(offset u: [Double]) -> Double {
        let logKernelConstant = logConstant + log(Double(data.count))
        let z: [Double] =
            if let factor = bandwidthFactor { factor.solveLower(u) } else {
                u.map { $0 / bandwidth.standardDeviation! }
            }
        if case .formula(let f) = kernel { return f.logDensity(at: z[0]) + logKernelConstant }
        var r2 = 0.0
        for c in z { r2 += c * c }
        return kernel.logProfile(squaredRadius: r2) + logKernelConstant
    }

    /// The sorted window lo..<hi of 1-D whitened data a Gaussian query q sums, and m, the squared
    /// distance to the nearest point (the shift): terms with (u² − m)/2 > 40 are below
    /// e^{−40} ≈ 4e-18 of the largest, so together they change the sum by less than N·4e-18
    /// relative — under the N·ε rounding bound of the sum itself — and only u² ≤ m + 80 is summed.
    func gaussianWindow(at q: Double, in sorted: [Double]) -> (lo: Int, hi: Int, minimum: Double) {
        let nearest = KernelDensityEstimate.firstIndex(in: sorted, notBelow: q)
        var minimum = Double.infinity
        if nearest < sorted.count { minimum = (sorted[nearest] - q) * (sorted[nearest] - q) }
        if nearest > 0 { minimum = min(minimum, (sorted[nearest - 1] - q) * (sorted[nearest - 1] - q)) }
        // Widened by 1e-12 relative so rounding of √(m + 80) can only include more points.
        let halfWidth = (minimum + 80).squareRoot() * (1 + 1e-12)
        let lo = KernelDensityEstimate.firstIndex(in: sorted, notBelow: q - halfWidth)
        let hi = KernelDensityEstimate.firstIndex(in: sorted, notBelow: (q + halfWidth).nextUp)
        return (lo, hi, minimum)
    }

    /// The first index i with sorted[i] ≥ value (sorted.count if none), by bisection without
    /// branches on the data (a conditional move per halving: the three searches of every exact
    /// 1-D query had cost as much as a third of its kernel sum to mispredicted branches).
    /// Reference: P.-V. Khuong and P. Morin, "Array layouts for comparison-based searching",
    /// J. Exp. Algorithmics 22, 2017, §3.1.
    static func firstIndex(in sorted: [Double], notBelow value: Double) -> Int {
        sorted.withUnsafeBufferPointer { a in
            var n = a.count, base = 0
            guard n > 0 else { return 0 }
            while n > 1 {
                let half = n / 2
                base = a[base + half] < value ? base + half : base
                n -= half
            }
            return base + (a[base] < value ? 1 : 0)
        }
    }

    /// `count` draws: pick a data point oᵢ uniformly, add a kernel draw scaled by the
    /// bandwidth (h·u, or L·u for H = L·Lᵀ). Exact for every kernel; the kernel's method is
    /// documented at `Kernel.sample(into:using:)`.
    public func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet {
        let d = dimension
        var values = [Double](repeating: 0, count: count * d)
        var u = [Double](repeating: 0, count: d)
        for j in 0..<count {
            let i = generator.nextIndex(below: data.count)
            u.withUnsafeMutableBufferPointer { kernel.sample(into: $0, using: &generator) }
            let offset = bandwidthFactor?.multiplyLower(u) ?? u.map { $0 * bandwidth.standardDeviation! }
            for k in 0..<d { values[j * d + k] = data.values[i * d + k] + offset[k] }
        }
        return PointSet(dimension: d, values: values)
    }

    /// kind "kde"; parameters: kernel, bandwidth (β and h, or the matrix H, each with its
    /// convention in the note), number of points N.
    public var summary: ModelSummary {
        var parameters = [ModelParameter(key: "kernel", symbol: "K", value: .text(kernel.name))]
        switch bandwidth {
        case .variance, .standardDeviation:
            parameters.append(ModelParameter(key: "beta", symbol: "\\beta", value: .scalar(bandwidth.beta!),
                                             note: "variance: the seed's N(x | o_i, Iβ)"))
            parameters.append(
                ModelParameter(
                    key: "bandwidth", symbol: "h", value: .scalar(bandwidth.standardDeviation!),
                                             note: "standard deviation h = √β: scikit-learn's bandwidth"))
        case .matrix(let h):
            parameters.append(
                ModelParameter(
                    key: "bandwidth_matrix", symbol: "H",
                    value: .matrix(rows: h.rows, columns: h.columns, values: h.values),
                                             note: "covariance of the kernel: N(x | o_i, H)"))
        }
        parameters.append(ModelParameter(key: "points", symbol: "N", value: .integer(data.count)))
        return ModelSummary(kind: "kde", parameters: parameters)
    }
}
