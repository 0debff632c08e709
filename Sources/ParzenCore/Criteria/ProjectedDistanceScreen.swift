#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A screen for the 2-D energy distance's permutation test: for each labelling, lower bounds on
/// the three block sums of Euclidean distances, within a known factor of the exact sums, from
/// 1-D projections instead of the (n + m)² distance matrix.
///
/// For K directions θₖ = (cos kπ/K, sin kπ/K) and any v ∈ ℝ² at angle α,
/// Σₖ |θₖ·v| = ‖v‖·Σₖ |cos(α − kπ/K)|, and that sum lies in [cot(π/2K), csc(π/2K)] (its extremes
/// at α = 0 and α = π/2K, period π/K). So with s = sin(π/2K)
/// ```
/// d̂ᵢⱼ = s·Σₖ |θₖ·(xᵢ − xⱼ)|,    d̂ᵢⱼ ≤ ‖xᵢ − xⱼ‖ ≤ d̂ᵢⱼ·sec(π/2K)
/// ```
/// and each projected block sum is exact in O(n + m) on the sorted projections
/// (`SortedDistanceSums`' identity). For a set S with cₜ = #{members of S before sorted position t}:
/// Σ_{i<j∈S} |zᵢ − zⱼ| = 2·Σₜ [t ∈ S] cₜ zₜ − (|S| − 1)·Σ_{t∈S} zₜ. The only part quadratic in
/// the labels is A = Σₜ lₜcₜzₜ (l the indicator of X); the Y block reduces to A and sums of
/// per-point weights over X, which are summed over the directions once: per labelling and
/// direction, four vector operations per point.
///
/// - Accuracy: sec(π/2K) − 1 ≈ π²/(8K²) relative per pair (K = 32: 1.2e-3; K = 256: 1.9e-5),
///   plus rounding (`roundingBound`).
/// - Cost: K·(n + m)·log(n + m) to sort, then K·(n + m) per labelling, eight labellings per pass
///   in SIMD lanes (vs (n + m)²/2 for the exact sums).
struct ProjectedDistanceScreen: Sendable {
    let count: Int
    let directions: Int
    /// sec(π/2K): the exact distance sums are at most this times the returned ones.
    let upperFactor: Double
    /// For each direction, the pooled points' indices in the order of their projections.
    private let order: [Int32]
    /// For each direction, the sorted projections.
    private let sorted: [Double]
    /// Per point, Σₖ zₖᵢ and Σₖ ωₖᵢ with ωₖᵢ = (sum of the projections after i) + rank·zₖᵢ.
    private let projectionSums: [Double]
    private let weights: [Double]
    /// Σₖ Σₜ t·zₜ, and Σₖ Σ_{i<j} |zᵢ − zⱼ|.
    private let rankedTotal: Double
    private let total: Double
    private let scale: Double
    /// The largest |projection|, for the rounding bound.
    private let largest: Double

    /// `points`: the pooled 2-D sample, interleaved (x₀, y₀, x₁, y₁, …).
    init(points: [Double], directions: Int) {
        precondition(directions >= 2 && directions % 2 == 0, "an even number of directions")
        let n = points.count / 2
        count = n
        self.directions = directions
        let half = Double.pi / Double(2 * directions)
        scale = sin(half)
        upperFactor = 1 / cos(half)
        // Distances do not depend on the origin; centring keeps the projected sums small.
        var mean = (0.0, 0.0)
        for i in 0..<n { mean.0 += points[2 * i]; mean.1 += points[2 * i + 1] }
        mean = (mean.0 / Double(n), mean.1 / Double(n))
        var order = [Int32](repeating: 0, count: directions * n)
        var sorted = [Double](repeating: 0, count: directions * n)
        var projectionSums = [Double](repeating: 0, count: n), weights = [Double](repeating: 0, count: n)
        var rankedTotal = 0.0, total = 0.0, largest = 0.0
        var projected = [(value: Double, index: Int32)](repeating: (0, 0), count: n)
        for k in 0..<directions {
            let c = cos(Double(k) * 2 * half), s = sin(Double(k) * 2 * half)
            var after = 0.0
            for i in 0..<n {
                projected[i] = (c * (points[2 * i] - mean.0) + s * (points[2 * i + 1] - mean.1), Int32(i))
                after += projected[i].value
            }
            // Equal projections may come in any order: their distance is 0 either way.
            projected.sort { $0.value < $1.value }
            for t in 0..<n {
                let (value, index) = projected[t], i = Int(index)
                order[k * n + t] = index
                sorted[k * n + t] = value
                after -= value
                projectionSums[i] += value
                weights[i] += after + Double(t) * value
                rankedTotal += Double(t) * value
                total += value * Double(2 * t - n + 1)
                largest = Swift.max(largest, abs(value))
            }
        }
        self.order = order
        self.sorted = sorted
        self.projectionSums = projectionSums
        self.weights = weights
        self.rankedTotal = rankedTotal
        self.total = total
        self.largest = largest
    }

    /// A bound on the rounding error of each returned sum: the accumulators hold at most
    /// K·(n + m)²·max|z| before scaling, each rounded ≤ (n + m) times.
    var roundingBound: Double {
        let n = Double(count)
        return 8 * n * Double.ulpOfOne * n * n * largest * Double(directions) * scale
    }

    /// Lower bounds on (Σ_{i≠j∈X}, Σ_{i≠j∈Y}, Σ_{i∈X, j∈Y}) of ‖xᵢ − xⱼ‖ over ordered pairs, as
    /// `PairRowSums.blockSums`, for up to eight labellings; the exact sums are at most `upperFactor`
    /// times these (up to `roundingBound`).
    func sums(batch: [[Bool]]) -> [(Double, Double, Double)] {
        precondition(batch.count >= 1 && batch.count <= 8)
        // The indicators of X, point by point, one labelling per lane.
        var labels = [SIMD8<Double>](repeating: .zero, count: count)
        labels.withUnsafeMutableBufferPointer { labels in
            for (lane, inX) in batch.enumerated() {
                inX.withUnsafeBufferPointer { inX in for i in 0..<inX.count { labels[i][lane] = inX[i] ? 1 : 0 } }
            }
        }
        var members = SIMD8<Double>.zero, xProjections = SIMD8<Double>.zero, xWeights = SIMD8<Double>.zero
        for i in 0..<count {
            members += labels[i]
            xProjections += labels[i] * projectionSums[i]
            xWeights += labels[i] * weights[i]
        }
        var quadratic = SIMD8<Double>.zero
        let n = count
        order.withUnsafeBufferPointer { order in
            sorted.withUnsafeBufferPointer { sorted in
                labels.withUnsafeBufferPointer { labels in
                    // Two directions at a time: two independent chains of additions in flight.
                    for k in stride(from: 0, to: directions, by: 2) {
                        var before = SIMD8<Double>.zero, a = SIMD8<Double>.zero
                        var before2 = SIMD8<Double>.zero, a2 = SIMD8<Double>.zero
                        let o = order.baseAddress! + k * n, z = sorted.baseAddress! + k * n
                        let o2 = o + n, z2 = z + n
                        for t in 0..<n {
                            let l = labels[Int(o[t])], l2 = labels[Int(o2[t])]
                            a += before * z[t] * l
                            a2 += before2 * z2[t] * l2
                            before += l
                            before2 += l2
                        }
                        quadratic += a + a2
                    }
                }
            }
        }
        let allProjections = projectionSums.reduce(0, +)
        let others = Double(n) - members
        let xx = 2 * quadratic - (members - 1) * xProjections
        let yy = 2 * (rankedTotal - xWeights + quadratic) - (others - 1) * (allProjections - xProjections)
        return batch.indices.map { lane in
            let sxx = scale * xx[lane], syy = scale * yy[lane]
            return (2 * sxx, 2 * syy, scale * total - sxx - syy)
        }
    }
}

extension ProjectedDistanceScreen {
    /// Intervals certain to contain the energy distance 2Sxy/(nm) − Sxx/n² − Syy/m² (ordered
    /// sums) of each labelling, as `TwoSampleTest.energyDistance` computes it exactly: the
    /// cross sum enters with +, so its upper bound gives the upper end, the within sums the
    /// lower; widened by the rounding of these sums and of the exact ones (1e-9 relative).
    func energyIntervals(batch: [[Bool]], nx n: Double, ny m: Double) -> [ClosedRange<Double>] {
        let rounding = roundingBound * (2 / (n * m) + 1 / (n * n) + 1 / (m * m))
        return sums(batch: batch).map { sxx, syy, sxy in
            let cross = 2 * sxy / (n * m), within = sxx / (n * n) + syy / (m * m)
            let margin = 1e-9 * upperFactor * (cross + within) + rounding
            return (cross - upperFactor * within - margin)...(upperFactor * cross - within + margin)
        }
    }
}
