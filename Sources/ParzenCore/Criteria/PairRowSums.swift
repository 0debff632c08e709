import Dispatch

/// Sums of a pair function f(‖xᵢ − xⱼ‖) over the pooled sample X ∪ Y (X first), computed row
/// by row without storing the (n + m)²/2 values: what a permutation test needs before it knows
/// whether any labelling needs the exact matrix (the screens decide most, often all).
///
/// Row i of the strict upper triangle is computed eight entries at a time, distances as
/// the coordinates' squared differences summed in order, then f (`transform`, lane-wise). Rows are dealt
/// out to 16 fixed workers, each summing its own, and the workers' sums are added in order, so
/// the bits do not depend on the number of cores.
///
/// Cost: (n + m)²/2 evaluations of f, on all cores; no memory beyond O((n + m)) per worker.
struct PairRowSums {
    /// Σ_{j>i} fᵢⱼ for each row i.
    let upperRowSums: [Double]
    /// Σ_{j≠i} fᵢⱼ for each row i of the full symmetric matrix.
    let fullRowSums: [Double]
    /// Σ_{i<j} fᵢⱼ.
    let total: Double
    /// The block sums (Σ_{i≠j∈X}, Σ_{i≠j∈Y}, Σ_{i∈X, j∈Y}) over ordered pairs of the labelling
    /// with the first `nx` points in X, as `blockSums` returns them.
    let observedBlocks: (Double, Double, Double)

    /// The pooled sample one array per axis (padded by eight), so that eight points load as one
    /// vector.
    struct Axes: Sendable {
        let count: Int
        let dimension: Int
        let values: [Double]

        init(_ x: PointSet, _ y: PointSet) {
            let d = x.dimension, n = x.count + y.count
            var axes = [Double](repeating: 0, count: d * (n + 8))
            for (offset, set) in [(0, x), (x.count, y)] {
                for i in 0..<set.count { for a in 0..<d { axes[a * (n + 8) + offset + i] = set.values[i * d + a] } }
            }
            count = n
            dimension = d
            values = axes
        }

        /// ‖xᵢ − xⱼ₊ₖ‖ for k = 0…7 (past the last point: distances to the padding's zeros), the
        /// squared coordinate differences summed in order (|xᵢ − xⱼ| in 1-D).
        @inline(__always)
        func distances(_ axes: UnsafeBufferPointer<Double>, _ i: Int, _ j: Int) -> SIMD8<Double> {
            if dimension == 1 {
                let t = axes[i] - UnsafeRawPointer(axes.baseAddress! + j).loadUnaligned(as: SIMD8<Double>.self)
                return t.replacing(with: -t, where: t .< 0)
            }
            var s = SIMD8<Double>.zero
            for a in 0..<dimension {
                let axis = axes.baseAddress! + a * (count + 8)
                let t = axis[i] - UnsafeRawPointer(axis + j).loadUnaligned(as: SIMD8<Double>.self)
                s += t * t
            }
            return s.squareRoot()
        }
    }

    init(_ x: PointSet, _ y: PointSet, transform: @escaping @Sendable (SIMD8<Double>) -> SIMD8<Double>) {
        let nx = x.count, n = x.count + y.count
        let pooled = Axes(x, y)
        let workers = 16
        var rows = [Double](repeating: 0, count: n), xRows = [Double](repeating: 0, count: n)
        var columns = [Double](repeating: 0, count: workers * n)
        rows.withUnsafeMutableBufferPointer { rows in
            xRows.withUnsafeMutableBufferPointer { xRows in
                columns.withUnsafeMutableBufferPointer { columns in
                    pooled.values.withUnsafeBufferPointer { axes in
                        nonisolated(unsafe) let (rows, xRows, columns, axes) = (rows, xRows, columns, axes)
                        DispatchQueue.concurrentPerform(iterations: workers) { w in
                            let column = columns.baseAddress! + w * n
                            for i in stride(from: w, to: n, by: workers) {
                                var inX = SIMD8<Double>.zero, all = SIMD8<Double>.zero
                                var j = i + 1
                                while j < n {
                                    var v = transform(pooled.distances(axes, i, j))
                                    let valid = Swift.min(8, n - j)
                                    for lane in valid..<8 { v[lane] = 0 }
                                    for lane in 0..<valid { column[j + lane] += v[lane] }
                                    all += v
                                    if j + 8 <= nx {
                                        inX += v
                                    } else if j < nx {
                                        for lane in 0..<(nx - j) { inX[lane] += v[lane] }
                                    }
                                    j += 8
                                }
                                rows[i] = all.sum()
                                xRows[i] = inX.sum()
                            }
                        }
                    }
                }
            }
        }
        var full = rows
        for w in 0..<workers { for j in 0..<n { full[j] += columns[w * n + j] } }
        upperRowSums = rows
        fullRowSums = full
        total = rows.reduce(0, +)
        let sxx = xRows[..<nx].reduce(0, +), syy = rows[nx...].reduce(0, +)
        observedBlocks = (2 * sxx, 2 * syy, total - sxx - syy)
    }

    /// The block sums (Σ_{i≠j∈X}, Σ_{i≠j∈Y}, Σ_{i∈X, j∈Y}) of f over ordered pairs for up to
    /// `maximumBatch` labellings, exactly, from the points: the exact statistic of the labellings the screens
    /// leave undecided.
    ///
    /// With indicators lᵢ of X, rᵢ = Σ_{j>i} lⱼ fᵢⱼ and qᵢ = Σ_{j>i} fᵢⱼ, the X block is Σᵢ lᵢ rᵢ and
    /// the Y block Σᵢ (1 − lᵢ)(qᵢ − rᵢ); each fᵢⱼ is computed once for all the labellings. A
    /// labelling's sums depend only on its own labels (same operations in any batch), and the
    /// 16 workers' sums are added in order, so the bits do not depend on the batch or the cores.
    ///
    /// Cost: (n + m)²/2 evaluations of f and one multiply-add per pair and labelling.
    static let maximumBatch = 16

    static func blockSums(_ pooled: Axes, batch: [[Bool]],
                          transform: @Sendable (SIMD8<Double>) -> SIMD8<Double>) -> [(Double, Double, Double)] {
        let n = pooled.count, lanes = batch.count, stride = n + 8, workers = 16, size = maximumBatch
        precondition(lanes >= 1 && lanes <= size)
        var labels = [Double](repeating: 0, count: lanes * stride)
        for (b, inX) in batch.enumerated() { for i in 0..<n where inX[i] { labels[b * stride + i] = 1 } }
        // Per worker: the X and Y blocks of each labelling, then the total.
        var partial = [Double](repeating: 0, count: workers * (2 * size + 1))
        partial.withUnsafeMutableBufferPointer { partial in
            labels.withUnsafeBufferPointer { labels in
                pooled.values.withUnsafeBufferPointer { axes in
                    nonisolated(unsafe) let (partial, labels, axes) = (partial, labels, axes)
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        let out = partial.baseAddress! + w * (2 * size + 1)
                        withUnsafeTemporaryAllocation(of: SIMD8<Double>.self, capacity: size) { r in
                            for i in Swift.stride(from: w, to: n, by: workers) {
                                r.initialize(repeating: .zero)
                                var q = SIMD8<Double>.zero
                                var j = i + 1
                                while j < n {
                                    var v = transform(pooled.distances(axes, i, j))
                                    for lane in Swift.min(8, n - j)..<8 { v[lane] = 0 }
                                    q += v
                                    for b in 0..<lanes {
                                        let l = UnsafeRawPointer(labels.baseAddress! + b * stride + j)
                                        r[b] += v * l.loadUnaligned(as: SIMD8<Double>.self)
                                    }
                                    j += 8
                                }
                                let row = q.sum()
                                for b in 0..<lanes {
                                    let li = labels[b * stride + i], rb = r[b].sum()
                                    out[b] += li * rb
                                    out[size + b] += (1 - li) * (row - rb)
                                }
                                out[2 * size] += row
                            }
                        }
                    }
                }
            }
        }
        var sums = [Double](repeating: 0, count: 2 * size + 1)
        for w in 0..<workers { for k in 0...(2 * size) { sums[k] += partial[w * (2 * size + 1) + k] } }
        return (0..<lanes).map { b in (2 * sums[b], 2 * sums[size + b], sums[2 * size] - sums[b] - sums[size + b]) }
    }
}
