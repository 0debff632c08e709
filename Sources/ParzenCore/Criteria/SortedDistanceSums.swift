/// Block sums of |zᵢ − zⱼ| over a labelled 1-D pooled sample in O(n) per labelling, for the
/// energy distance's permutation test.
///
/// With the pooled values sorted, z₍₁₎ ≤ … ≤ z₍ₙ₎, a pair's distance is the later minus the
/// earlier value, so over the pairs within a set S
/// ```
/// Σ_{i<j∈S} |zᵢ − zⱼ| = Σₖ [k ∈ S]·z₍ₖ₎·(2cₖ − |S| + 1),   cₖ = #{k′ < k : k′ ∈ S}
/// ```
/// (each member is the larger value of cₖ pairs and the smaller of |S| − 1 − cₖ). The cross sum
/// is the total minus both blocks. Exact up to rounding (~n·ε relative), like the matrix sum.
///
/// Reference: the same device gives the O(n log n) 1-D energy distance of `scipy.stats.energy_distance`.
struct SortedDistanceSums: Sendable {
    private let values: [Double]
    /// The sorted position of each original value.
    private let rank: [Int]
    /// Σ_{i<j} |zᵢ − zⱼ|.
    let total: Double

    init(_ pooled: [Double]) {
        let order = pooled.indices.sorted { pooled[$0] < pooled[$1] }
        values = order.map { pooled[$0] }
        var rank = [Int](repeating: 0, count: order.count)
        for (k, i) in order.enumerated() { rank[i] = k }
        self.rank = rank
        var t = 0.0
        for (k, z) in values.enumerated() { t += z * Double(2 * k - values.count + 1) }
        total = t
    }

    /// (Σ_{i≠j∈X}, Σ_{i≠j∈Y}, Σ_{i∈X, j∈Y}) over ordered pairs, as `PairRowSums.blockSums`.
    func sums(_ inX: [Bool]) -> (Double, Double, Double) { sums(batch: [inX])[0] }

    /// `sums` of each labelling in `batch`, eight at a time, one per SIMD lane: each lane runs
    /// the scalar recurrence of its own labelling (the same operations in the same order, the
    /// counts held exactly as doubles), so its sums are the bits of one labelling alone, in any
    /// batch. Cost: (n + m) steps per eight labellings, plus (n + m) label reads per labelling.
    func sums(batch: [[Bool]]) -> [(Double, Double, Double)] {
        let n = values.count
        var out: [(Double, Double, Double)] = []
        out.reserveCapacity(batch.count)
        // Per sorted position, the eight labellings' memberships as the bits of a byte (bit b:
        // lane b in X), small enough to stay in L1 while labels are written at scattered places.
        var masks = [UInt8](repeating: 0, count: n)
        let memberships = Self.laneMemberships
        masks.withUnsafeMutableBufferPointer { masks in
            for first in stride(from: 0, to: batch.count, by: 8) {
                let lanes = Swift.min(8, batch.count - first)
                var nx = SIMD8<Double>.zero
                masks.update(repeating: 0)
                for lane in 0..<lanes {
                    var count = 0
                    // Labels read in their order (a labelling is not in cache yet; read in
                    // sorted order, each would wait on a miss) and set at their sorted positions.
                    batch[first + lane].withUnsafeBufferPointer { inX in
                        for i in 0..<n {
                            let member = inX[i] ? 1 : 0
                            masks[rank[i]] |= UInt8(truncatingIfNeeded: member << lane)
                            count += member
                        }
                    }
                    nx[lane] = Double(count)
                }
                let ny = Double(n) - nx
                var sx = SIMD8<Double>.zero, sy = SIMD8<Double>.zero
                var cx = SIMD8<Double>.zero, cy = SIMD8<Double>.zero
                // Without a branch per point: the labels are random, so a branch mispredicts half the time.
                for k in 0..<n {
                    let member = memberships[Int(masks[k])]
                    let inX = member .== 1
                    let weight = values[k] * (2 * cx - nx + 1).replacing(with: 2 * cy - ny + 1, where: .!inX)
                    sx += weight.replacing(with: 0, where: .!inX)
                    sy += weight.replacing(with: 0, where: inX)
                    cx += member
                    cy += 1 - member
                }
                for lane in 0..<lanes { out.append((2 * sx[lane], 2 * sy[lane], total - sx[lane] - sy[lane])) }
            }
        }
        return out
    }

    /// For each byte, its eight bits as 0s and 1s, lane b holding bit b.
    private static let laneMemberships: [SIMD8<Double>] = (0..<256).map { byte in
        var lanes = SIMD8<Double>.zero
        for b in 0..<8 { lanes[b] = Double((byte >> b) & 1) }
        return lanes
    }
}
