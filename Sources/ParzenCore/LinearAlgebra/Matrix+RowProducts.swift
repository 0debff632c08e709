extension Matrix {
    /// cᵢ + Σⱼ Aᵢⱼ vᵣⱼ for n vectors vᵣ (the rows of `vectors`, `columns` values each): n·rows
    /// values, one row per vector. Each sum starts from cᵢ (`start`) and adds the products in
    /// column order, as a scalar loop would, so the results are those of that loop bit for bit.
    ///
    /// Why not the loop: for the Monte Carlo decoders n is a thousand draws and the rows are
    /// short (k ≤ 16), so the work is laid out vector-major (vᵀ and the sums transposed) and the
    /// innermost loop runs over the n vectors, which the compiler vectorises.
    /// Cost: n·rows·columns multiply-adds plus two transposes.
    func rowProducts(_ vectors: UnsafeBufferPointer<Double>, count n: Int, startingFrom start: [Double]) -> [Double] {
        precondition(vectors.count == n * columns && start.count == rows, "shapes do not match")
        let transposed = [Double](unsafeUninitializedCapacity: n * columns) { out, initialized in
            for r in 0..<n { for j in 0..<columns { out[j * n + r] = vectors[r * columns + j] } }
            initialized = n * columns
        }
        var sums = [Double](unsafeUninitializedCapacity: rows * n) { out, initialized in
            for i in 0..<rows { for r in 0..<n { out[i * n + r] = start[i] } }
            initialized = rows * n
        }
        sums.withUnsafeMutableBufferPointer { sums in
            transposed.withUnsafeBufferPointer { v in
                values.withUnsafeBufferPointer { a in
                    for i in 0..<rows {
                        let row = sums.baseAddress! + i * n
                        for j in 0..<columns {
                            let w = a[i * columns + j], column = v.baseAddress! + j * n
                            for r in 0..<n { row[r] += w * column[r] }
                        }
                    }
                }
            }
        }
        return [Double](unsafeUninitializedCapacity: n * rows) { out, initialized in
            for r in 0..<n { for i in 0..<rows { out[r * rows + i] = sums[i * n + r] } }
            initialized = n * rows
        }
    }
}
