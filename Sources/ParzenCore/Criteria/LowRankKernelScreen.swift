import Dispatch

/// A screen for the MMD permutation test: for a labelling, an interval certain to contain the
/// exact statistic, from a low-rank factor of the kernel matrix instead of the matrix itself.
///
/// Pivoted Cholesky (greedy: the largest residual diagonal next) gives K = VVᵀ + E with E
/// positive semidefinite and trace(E) = Σᵢ dᵢ, the residual diagonal. For the indicator l of X
/// (nₓ ones):
/// ```
/// lᵀKl = ‖Vᵀl‖² + lᵀEl,    0 ≤ lᵀEl ≤ ‖l‖²·λ_max(E) ≤ nₓ·trace(E)
/// Q = lᵀKl − nₓ   (the diagonal k(a, a) = 1 left out),   R = Σ_{i∈X} (row sum of K without kᵢᵢ)
/// ```
/// and the statistic is increasing in Q at fixed R, so [T(Q̃), T(Q̃ + nₓ·trace E)] with Q̃ =
/// ‖Vᵀl‖² − nₓ, widened by a rounding allowance, contains the exact statistic. A Gaussian kernel
/// at the median-heuristic length scale is very smooth on the sample, so its eigenvalues fall
/// fast and a rank of tens (1-D) to about a hundred (2-D) reaches trace(E) ≤ 1e-9·n.
///
/// - Cost: n·r² to factor (r ≤ 256), then nₓ·r additions per labelling (vs n²/2 exactly), in
///   two tiers: the first columns reaching trace(E) ≤ 1e-6·n decide most labellings.
/// - Reference: Harbrecht, Peters & Schneider, "On the low-rank approximation by the pivoted
///   Cholesky decomposition", Appl. Numer. Math. 62(4), 2012.
struct LowRankKernelScreen: Sendable {
    private let rank: Int
    /// V, row-major n × width: the rank rounded up to four columns, zeros after the rank, so
    /// that rows add four columns at a time.
    private let factor: [Double]
    private let width: Int
    /// Row sums of K without the diagonal.
    private let rowSums: [Double]
    /// trace(E) after each rank 0…rank, with a margin for its own rounding.
    private let residualTraces: [Double]
    private let statistic: @Sendable (Double, Double) -> Double

    /// `rowSums`: the kernel matrix's row sums without the diagonal; `column(p, out)` writes
    /// column p of the matrix for every point (kₚₚ is taken as 1), so no matrix is stored.
    init(rowSums: [Double], statistic: @escaping @Sendable (Double, Double) -> Double,
         column: (Int, UnsafeMutableBufferPointer<Double>) -> Void) {
        let n = rowSums.count
        let maximumRank = Swift.min(n, 256)
        var v = [Double](repeating: 0, count: n * maximumRank)
        var residual = [Double](repeating: 1, count: n)
        var traces: [Double] = []
        var rank = 0
        let target = 1e-9 * Double(n)
        var entries = [Double](repeating: 0, count: n)
        v.withUnsafeMutableBufferPointer { v in
            entries.withUnsafeMutableBufferPointer { entries in
                while rank <= maximumRank {
                    var pivot = 0
                    for i in 1..<n where residual[i] > residual[pivot] { pivot = i }
                    // The residual diagonal is computed in floating point: clamp and add a margin
                    // for its own rounding (each entry is 1 minus a sum of ≤ r squares, exact to ~r·ε).
                    let trace = residual.reduce(0) { $0 + Swift.max(0, $1) }
                    traces.append(trace + Double(n * (rank + 1)) * 2.3e-16)
                    if rank == maximumRank || trace <= target || residual[pivot] <= 0 { break }
                    let scale = 1 / residual[pivot].squareRoot()
                    let p = v.baseAddress! + pivot * maximumRank
                    column(pivot, entries)
                    for i in 0..<n {
                        var s = i == pivot ? 1 : entries[i]
                        let row = v.baseAddress! + i * maximumRank
                        for k in 0..<rank { s -= row[k] * p[k] }
                        row[rank] = s * scale
                    }
                    for i in 0..<n { residual[i] -= v[i * maximumRank + rank] * v[i * maximumRank + rank] }
                    residual[pivot] = 0
                    rank += 1
                }
            }
        }
        // Pack to the rank reached.
        let width = (rank + 3) / 4 * 4
        var packed = [Double](repeating: 0, count: n * width)
        for i in 0..<n { for k in 0..<rank { packed[i * width + k] = v[i * maximumRank + k] } }
        self.rank = rank
        self.width = width
        factor = packed
        residualTraces = traces
        self.rowSums = rowSums
        self.statistic = statistic
    }

    /// The numbers of columns worth screening with, smallest first: the first multiple of four
    /// with trace(E) ≤ 1e-6·n (most labellings are decided there, at a fraction of the cost),
    /// then all.
    var tiers: [Int] {
        let n = Double(rowSums.count)
        let early = (residualTraces.firstIndex { $0 <= 1e-6 * n } ?? rank + 3) / 4 * 4
        return early < width ? [early, width] : [width]
    }

    /// An interval containing the exact statistic of labelling `inX`, from the first `columns`
    /// columns of the factor (a multiple of four, ≤ width).
    func interval(_ inX: [Bool], columns: Int) -> ClosedRange<Double> {
        var r = 0.0, members = 0, q = 0.0
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: inX.count) { index in
            // The members' indices first, without a branch per point (the labels are random).
            inX.withUnsafeBufferPointer { inX in
                for i in 0..<inX.count { index[members] = Int32(i); members += inX[i] ? 1 : 0 }
            }
            withUnsafeTemporaryAllocation(of: Double.self, capacity: Swift.max(columns, 1)) { u in
                u.initialize(repeating: 0)
                factor.withUnsafeBufferPointer { v in
                    rowSums.withUnsafeBufferPointer { rowSums in
                        for member in index[..<members] {
                            let i = Int(member)
                            r += rowSums[i]
                            let row = UnsafeRawPointer(v.baseAddress! + i * width)
                            for k in stride(from: 0, to: columns, by: 4) {
                                let sum = UnsafeRawPointer(u.baseAddress! + k).loadUnaligned(as: SIMD4<Double>.self)
                                    + row.loadUnaligned(fromByteOffset: 8 * k, as: SIMD4<Double>.self)
                                UnsafeMutableRawPointer(u.baseAddress! + k).storeBytes(of: sum, as: SIMD4<Double>.self)
                            }
                        }
                    }
                }
                for k in 0..<columns { q += u[k] * u[k] }
            }
        }
        let nx = Double(members)
        q -= nx
        // Rounding of ‖Vᵀl‖², of R and of the exact sums the interval must contain: all
        // entries are in [0, 1], so 1e-10·(nₓ² + n²) dwarfs every γ_n-type bound here.
        let slack = 1e-10 * (nx * nx + Double(inX.count * inX.count))
        let residual = nx * residualTraces[Swift.min(columns, rank)]
        let low = statistic(q - slack, r), high = statistic(q + residual + slack, r)
        let margin = 1e-9 * Swift.max(abs(low), abs(high)) + 1e-300
        return (Swift.min(low, high) - margin)...(Swift.max(low, high) + margin)
    }
}
