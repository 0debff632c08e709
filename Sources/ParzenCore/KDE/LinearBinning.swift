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
