extension Matrix {
    /// cᵢ + Σⱼ Aᵢⱼ vᵣⱼ for n vectors vᵣ (the rows of `vectors`, `columns` values each): n·rows
    /// values, one row per vector. Each sum starts from cᵢ (`start`) and adds the products in
    /// column order, as a scalar loop would, so the results are those of that loop bit for bit.
    ///
    /// Why not the loop: for the Monte Carlo decoders n is a thousand draws and the rows are
    /// short (k ≤ 16), so eight vectors go through at once, one per SIMD lane: their coordinates
    /// are transposed into a small block (columns × 8, in L1), and each of the eight sums of a
    /// row stays in a register while the row's products are added, so nothing n-sized but the
    /// result is allocated or written.
    /// Cost: n·rows·columns multiply-adds (rounded up to eight vectors) plus n·columns copies.
    func rowProducts(_ vectors: UnsafeBufferPointer<Double>, count n: Int, startingFrom start: [Double]) -> [Double] {
        precondition(vectors.count == n * columns && start.count == rows, "shapes do not match")
        let rows = rows, columns = columns
        return [Double](unsafeUninitializedCapacity: n * rows) { out, initialized in
            // The block's coordinates (columns × 8) and sums (rows × 8), lane-major.
            withUnsafeTemporaryAllocation(of: SIMD8<Double>.self, capacity: columns + rows) { scratch in
                let block = UnsafeMutableRawPointer(scratch.baseAddress!).assumingMemoryBound(to: Double.self)
                let sums = block + 8 * columns
                values.withUnsafeBufferPointer { a in
                    for first in stride(from: 0, to: n, by: 8) {
                        let lanes = Swift.min(8, n - first)
                        if lanes < 8 { for t in 0..<(8 * columns) { block[t] = 0 } }
                        for lane in 0..<lanes {
                            let v = vectors.baseAddress! + (first + lane) * columns
                            for j in 0..<columns { block[j * 8 + lane] = v[j] }
                        }
                        for i in 0..<rows {
                            var sum = SIMD8<Double>(repeating: start[i])
                            let row = a.baseAddress! + i * columns
                            for j in 0..<columns {
                                sum += row[j] * UnsafeRawPointer(block + j * 8).load(as: SIMD8<Double>.self)
                            }
                            UnsafeMutableRawPointer(sums + i * 8).storeBytes(of: sum, as: SIMD8<Double>.self)
                        }
                        for lane in 0..<lanes {
                            let o = out.baseAddress! + (first + lane) * rows
                            for i in 0..<rows { o[i] = sums[i * 8 + lane] }
                        }
                    }
                }
            }
            initialized = n * rows
        }
    }
}
