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
    /// The original index of each sorted value.
    private let order: [Int]
    /// Σ_{i<j} |zᵢ − zⱼ|.
    let total: Double

    init(_ pooled: [Double]) {
        let order = pooled.indices.sorted { pooled[$0] < pooled[$1] }
        values = order.map { pooled[$0] }
        self.order = order
        var t = 0.0
        for (k, z) in values.enumerated() { t += z * Double(2 * k - values.count + 1) }
        total = t
    }

    /// (Σ_{i≠j∈X}, Σ_{i≠j∈Y}, Σ_{i∈X, j∈Y}) over ordered pairs, as `PairRowSums.blockSums`.
    func sums(_ inX: [Bool]) -> (Double, Double, Double) {
        let nx = inX.reduce(0) { $0 + ($1 ? 1 : 0) }, ny = inX.count - nx
        var sx = 0.0, sy = 0.0, cx = 0, cy = 0
        // Without a branch per point: the labels are random, so a branch mispredicts half the time.
        for k in 0..<values.count {
            let member = inX[order[k]], weight = values[k] * Double(member ? 2 * cx - nx + 1 : 2 * cy - ny + 1)
            sx += member ? weight : 0
            sy += member ? 0 : weight
            cx += member ? 1 : 0
            cy += member ? 0 : 1
        }
        return (2 * sx, 2 * sy, total - sx - sy)
    }
}
