import Dispatch

/// Binning of data onto an equally spaced grid uⱼ = origin + j·step with the p-point Lagrange
/// weights of each point's cell (`LagrangeStencil`): a point at fractional position a + f gives
/// weight ℓₘ(f) to node a + m, m = −p/2 + 1 … p/2. Convolving the bins with sampled kernel values
/// then gives, at every node g, Σᵢ of the degree-(p − 1) interpolant of K(g − x) at x = xᵢ, so a
/// smooth kernel is summed with error O((δ/h)ᵖ) instead of linear binning's O((δ/h)²).
///
/// p = 2 is linear binning (weights 1 − f and f): the bins preserve the data's count and mean
/// exactly (and its variance up to step²/6). Every p preserves the moments up to order p − 1.
/// Points whose stencil does not lie wholly in 0 ..< count are dropped (callers pad the grid
/// by the kernel's reach and the stencil's half-width, so such points cannot reach any output).
///
/// - Cost: O(N·p^d), split over the cores with one private grid per thread, then summed.
/// - Reference: Jones & Lotwick, "On the errors involved in computing the empirical
///   characteristic function", J. Statist. Comput. Simul. 17, 1983; Wand (1994).
enum LagrangeBinning {
    /// The bins of 1-D `values` with stencil order `order` (2, 4 or 6).
    static func bin(_ values: [Double], origin: Double, step: Double, count: Int, order: Int) -> [Double] {
        precondition(order == 2 || order == 4 || order == 6, "binning orders are 2, 4 and 6")
        let stencil = LagrangeStencil(order: order)
        let inverseStep = 1 / step
        return partitioned(values.count, threshold: 100_000, size: count) { range, g in
            values.withUnsafeBufferPointer { x in
                // One loop per order, so that each is unrolled with its order a constant.
                switch order {
                case 2: spread(x, range, origin, inverseStep, count, stencil, 2, g)
                case 4: spread(x, range, origin, inverseStep, count, stencil, 4, g)
                default: spread(x, range, origin, inverseStep, count, stencil, 6, g)
                }
            }
        }
    }

    @inline(__always)
    private static func spread(_ x: UnsafeBufferPointer<Double>, _ range: Range<Int>, _ origin: Double,
                               _ inverseStep: Double, _ count: Int, _ stencil: LagrangeStencil, _ p: Int,
                               _ g: UnsafeMutablePointer<Double>) {
        let half = p / 2 - 1
        let (lower, upper) = (Double(half), Double(count - p / 2))
        if p == 4 {
            spreadCubic(x, range, origin, inverseStep, upper, g)
            return
        }
        for i in range {
            let position = (x[i] - origin) * inverseStep
            guard position >= lower, position < upper else { continue }
            let a = Int(position)
            let base = g + (a - half)
            if p == 2 {
                let f = position - Double(a)
                base[0] += 1 - f
                base[1] += f
            } else {
                let w = stencil.vectorWeights(at: position - Double(a), order: p)
                for m in 0..<p { base[m] += w[m] }
            }
        }
    }

    /// Cubic binning four points at a time: positions, cells and weights in vector registers,
    /// the cell found without a checked conversion by rounding position − ½ with the 2⁵² shift
    /// (so f ∈ [0, 1]: at an exact node the cell below is taken, with the same interpolant).
    /// Points nearer than two nodes to the lower end are dropped with those past the upper one
    /// (the grid's padding exceeds the kernel's reach by the stencil's half-width, so neither
    /// reaches an output).
    @inline(__always)
    private static func spreadCubic(_ x: UnsafeBufferPointer<Double>, _ range: Range<Int>, _ origin: Double,
                                    _ inverseStep: Double, _ upper: Double, _ g: UnsafeMutablePointer<Double>) {
        let shifter = SIMD4<Double>(repeating: 4503599627370496.0)  // 2⁵²
        var i = range.lowerBound
        while i < range.upperBound {
            var chunk = SIMD4<Double>(repeating: .nan)  // lanes past the end fail the range test
            if i + 4 <= range.upperBound {
                chunk = UnsafeRawPointer(x.baseAddress! + i).loadUnaligned(as: SIMD4<Double>.self)
            } else {
                for l in 0..<(range.upperBound - i) { chunk[l] = x[i + l] }
            }
            var position = (chunk - origin) * inverseStep
            let inside = (position .>= 2) .& (position .< SIMD4(repeating: upper))
            position.replace(with: 2, where: .!inside)
            let t = (position - 0.5) + shifter
            let w = LagrangeStencil.cubicWeights(at: position - (t - shifter))
            let cells = unsafeBitCast(t, to: SIMD4<UInt64>.self) & 0xF_FFFF_FFFF
            for l in 0..<4 where inside[l] {
                let base = g + (Int(truncatingIfNeeded: cells[l]) - 1)
                base[0] += w.0[l]; base[1] += w.1[l]; base[2] += w.2[l]; base[3] += w.3[l]
            }
            i += 4
        }
    }

    /// Tensor-product binning of 2-D points (interleaved x, y) onto a grid with `countX` ×
    /// `countY` nodes, row-major by y: node (i, j) is `grid[j * countX + i]`; a point gives node
    /// (a + m, b + n) the weight ℓₘ(f)·ℓₙ(g). With order 2 this is bilinear binning (each
    /// point's unit weight spread over the four nodes around it by the opposite rectangle's area).
    static func bin2D(_ values: [Double], originX: Double, stepX: Double, countX: Int,
                      originY: Double, stepY: Double, countY: Int, order p: Int) -> [Double] {
        precondition(p == 2 || p == 4 || p == 6, "binning orders are 2, 4 and 6")
        let stencil = LagrangeStencil(order: p)
        return partitioned(values.count / 2, threshold: 50_000, size: countX * countY) { range, g in
            values.withUnsafeBufferPointer { v in
                let grid = Grid2D(origin: (originX, originY), inverseStep: (1 / stepX, 1 / stepY), countX: countX,
                                  upper: (Double(countX - p / 2), Double(countY - p / 2)))
                switch p {
                case 2: spread2D(v, range, grid, stencil, 2, g)
                case 4: spread2D(v, range, grid, stencil, 4, g)
                default: spread2D(v, range, grid, stencil, 6, g)
                }
            }
        }
    }

    /// Where a 2-D point falls on the grid: node (i, j) at (origin.x + i/inverseStep.x, …); a
    /// stencil's lowest index must be ≥ 0 and its cell < `upper`.
    private struct Grid2D {
        let origin: (x: Double, y: Double)
        let inverseStep: (x: Double, y: Double)
        let countX: Int
        let upper: (x: Double, y: Double)
    }

    @inline(__always)
    private static func spread2D(_ v: UnsafeBufferPointer<Double>, _ range: Range<Int>, _ grid: Grid2D,
                                 _ stencil: LagrangeStencil, _ p: Int, _ g: UnsafeMutablePointer<Double>) {
        let half = p / 2 - 1, lower = Double(half)
        for k in range {
            let px = (v[2 * k] - grid.origin.x) * grid.inverseStep.x
            let py = (v[2 * k + 1] - grid.origin.y) * grid.inverseStep.y
            guard px >= lower, px < grid.upper.x, py >= lower, py < grid.upper.y else { continue }
            let a = Int(px), b = Int(py)
            let wx = stencil.vectorWeights(at: px - Double(a), order: p)
            let wy = stencil.vectorWeights(at: py - Double(b), order: p)
            for n in 0..<p {
                let row = g + (b - half + n) * grid.countX + (a - half), weight = wy[n]
                for m in 0..<p { row[m] += weight * wx[m] }
            }
        }
    }

    /// Runs `body` on `n` items split over two threads (one when n < `threshold`), each filling
    /// its own zeroed grid of `size` nodes, and returns the sum of the grids.
    private static func partitioned(_ n: Int, threshold: Int, size: Int,
                                    _ body: (Range<Int>, UnsafeMutablePointer<Double>) -> Void) -> [Double] {
        let threads = n >= threshold ? 2 : 1
        let chunk = (n + threads - 1) / threads
        var partial = [[Double]](repeating: [], count: threads)
        partial.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let body = body
                DispatchQueue.concurrentPerform(iterations: threads) { t in
                    var grid = [Double](repeating: 0, count: size)
                    grid.withUnsafeMutableBufferPointer { body((t * chunk)..<min(n, (t + 1) * chunk), $0.baseAddress!) }
                    slots[t] = grid
                }
            }
        }
        var total = partial[0]
        for t in 1..<threads { for j in 0..<size { total[j] += partial[t][j] } }
        return total
    }
}
