import Dispatch

/// Linear binning of 1-D data onto an equally spaced grid uⱼ = origin + j·step: a point at
/// fractional position j + f gives weight 1 − f to node j and f to node j + 1, so the bins
/// preserve the data's count and mean exactly (and its variance up to step²/6).
///
/// Points whose two nodes do not both lie in 0 ..< count are dropped (callers pad the grid
/// by the kernel's reach, so such points cannot reach any output).
///
/// - Cost: O(N), split over the cores with one private grid per thread, then summed.
/// - Reference: Jones & Lotwick, "On the errors involved in computing the empirical
///   characteristic function", J. Statist. Comput. Simul. 17, 1983; Wand (1994).
enum LinearBinning {
    static func bin(_ values: [Double], origin: Double, step: Double, count: Int) -> [Double] {
        let threads = values.count >= 100_000 ? 2 : 1
        var partial = [[Double]](repeating: [], count: threads)
        let inverseStep = 1 / step
        let chunk = (values.count + threads - 1) / threads
        partial.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            values.withUnsafeBufferPointer { x in
                nonisolated(unsafe) let x = x
                DispatchQueue.concurrentPerform(iterations: threads) { t in
                    var grid = [Double](repeating: 0, count: count)
                    grid.withUnsafeMutableBufferPointer { g in
                        let upper = Double(count - 1)
                        for i in (t * chunk)..<min(x.count, (t + 1) * chunk) {
                            let position = (x[i] - origin) * inverseStep
                            guard position >= 0, position < upper else { continue }
                            let j = Int(position)
                            let f = position - Double(j)
                            g[j] += 1 - f
                            g[j + 1] += f
                        }
                    }
                    slots[t] = grid
                }
            }
        }
        var total = partial[0]
        for t in 1..<threads { for j in 0..<count { total[j] += partial[t][j] } }
        return total
    }
}

extension LinearBinning {
    /// Bilinear binning of 2-D points (interleaved x, y) onto a grid with `countX` × `countY`
    /// nodes, row-major by y: node (i, j) is `grid[j * countX + i]`. Each point spreads its unit
    /// weight over the four nodes around it in proportion to the opposite rectangle's area.
    static func bin2D(_ values: [Double], originX: Double, stepX: Double, countX: Int,
                      originY: Double, stepY: Double, countY: Int) -> [Double] {
        let n = values.count / 2
        let threads = n >= 50_000 ? 2 : 1
        var partial = [[Double]](repeating: [], count: threads)
        let chunk = (n + threads - 1) / threads
        let (ix, iy) = (1 / stepX, 1 / stepY)
        partial.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            values.withUnsafeBufferPointer { p in
                nonisolated(unsafe) let p = p
                DispatchQueue.concurrentPerform(iterations: threads) { t in
                    var grid = [Double](repeating: 0, count: countX * countY)
                    grid.withUnsafeMutableBufferPointer { g in
                        let (upperX, upperY) = (Double(countX - 1), Double(countY - 1))
                        for k in (t * chunk)..<min(n, (t + 1) * chunk) {
                            let px = (p[2 * k] - originX) * ix, py = (p[2 * k + 1] - originY) * iy
                            guard px >= 0, px < upperX, py >= 0, py < upperY else { continue }
                            let i = Int(px), j = Int(py)
                            let fx = px - Double(i), fy = py - Double(j)
                            let base = j * countX + i
                            g[base] += (1 - fx) * (1 - fy)
                            g[base + 1] += fx * (1 - fy)
                            g[base + countX] += (1 - fx) * fy
                            g[base + countX + 1] += fx * fy
                        }
                    }
                    slots[t] = grid
                }
            }
        }
        var total = partial[0]
        for t in 1..<threads { for j in 0..<total.count { total[j] += partial[t][j] } }
        return total
    }
}
