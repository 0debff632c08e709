extension Matrix {
    /// cᵢ + Σⱼ Aᵢⱼ vᵣⱼ for n vectors vᵣ (the rows of `vectors`, `columns` values each): n·rows
    /// values, one row per vector. Each sum starts from cᵢ (`start`) and adds the products in
    /// column order, as a scalar loop would, so the results are those of that loop bit for bit.
    ///
    /// Why not the loop: for the Monte Carlo decoders n is a thousand draws and the rows are
    /// short (k ≤ 16), so eight vectors go through at once, one per SIMD lane
    /// (`eightAtATime`, `laneProducts`), and nothing n-sized but the result is written.
    /// Cost: n·rows·columns multiply-adds (rounded up to eight vectors) plus n·(rows + columns)
    /// copies.
    func rowProducts(_ vectors: UnsafeBufferPointer<Double>, count n: Int, startingFrom start: [Double]) -> [Double] {
        precondition(vectors.count == n * columns && start.count == rows, "shapes do not match")
        return Self.eightAtATime(vectors, count: n, inputs: columns, outputs: rows) { input, output, _ in
            laneProducts(input, startingFrom: start, into: output)
        }
    }

    /// cᵢ + Σⱼ Aᵢⱼ vⱼ for eight vectors v at once, lane b holding vector b: `vectors` holds
    /// `columns` SIMD values (coordinate j of all eight), `sums` receives `rows`. Each lane's
    /// sum starts from cᵢ and adds the products in column order (no fused multiply-add), so it
    /// is the scalar loop's bit for bit. Cost: rows·columns SIMD multiply-adds.
    @inline(__always)
    func laneProducts(_ vectors: UnsafePointer<SIMD8<Double>>, startingFrom start: [Double],
                      into sums: UnsafeMutablePointer<SIMD8<Double>>) {
        values.withUnsafeBufferPointer { a in
            for i in 0..<rows {
                var sum = SIMD8<Double>(repeating: start[i])
                let row = a.baseAddress! + i * columns
                for j in 0..<columns { sum += row[j] * vectors[j] }
                sums[i] = sum
            }
        }
    }

    /// Maps n vectors of `inputs` values (the rows of `vectors`) to n of `outputs` values,
    /// eight at a time: each group's coordinates are transposed into lanes (`inputs` SIMD
    /// values; the lanes past a last partial group are 0), `transform` writes `outputs` SIMD
    /// values (with `scratch` more to use as it likes), and they are transposed back into the
    /// result's rows. Lanes never mix, so each vector's result is that of the same operations
    /// on it alone. Cost: n·(inputs + outputs) copies through L1, plus `transform`'s.
    @inline(__always)
    static func eightAtATime(
        _ vectors: UnsafeBufferPointer<Double>, count n: Int, inputs: Int, outputs: Int, scratch: Int = 0,
        _ transform: (UnsafePointer<SIMD8<Double>>, UnsafeMutablePointer<SIMD8<Double>>,
                      UnsafeMutablePointer<SIMD8<Double>>) -> Void
    ) -> [Double] {
        precondition(vectors.count == n * inputs, "\(n) vectors need \(n * inputs) values, got \(vectors.count)")
        return [Double](unsafeUninitializedCapacity: n * outputs) { out, initialized in
            withUnsafeTemporaryAllocation(of: SIMD8<Double>.self, capacity: inputs + outputs + scratch) { blocks in
                let input = blocks.baseAddress!, output = input + inputs
                let v = vectors.baseAddress!, o = out.baseAddress!
                // One group of `lanes` vectors from `first`; inlined with lanes = 8 for the full
                // groups, so their loads and stores unroll. A partial group's missing lanes are 0.
                @inline(__always) func group(_ first: Int, _ lanes: Int) {
                    for j in 0..<inputs {
                        var lane = SIMD8<Double>()
                        for b in 0..<lanes { lane[b] = v[(first &+ b) &* inputs &+ j] }
                        input[j] = lane
                    }
                    transform(input, output, output + outputs)
                    for i in 0..<outputs {
                        let lane = output[i]
                        for b in 0..<lanes { o[(first &+ b) &* outputs &+ i] = lane[b] }
                    }
                }
                let full = n / 8 * 8
                for first in stride(from: 0, to: full, by: 8) { group(first, 8) }
                if full < n { group(full, n - full) }
            }
            initialized = n * outputs
        }
    }
}
