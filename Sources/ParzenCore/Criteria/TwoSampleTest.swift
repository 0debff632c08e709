#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// A two-sample test of H₀: X and Y come from the same distribution (e.g. model samples vs
/// data), with a statistic that is ≈ 0 under H₀ and a permutation p-value.
///
/// Permutation p-value (Phipson & Smyth, Stat. Appl. Genet. Mol. Biol. 9(1), 2010):
/// ```
/// p = (1 + #{b : T(π_b) ≥ T_observed − τ}) / (1 + B),   τ = 1e-10 · (mean of the pair function)
/// ```
/// τ counts exact ties as ties although rounding makes them differ by ~n·ε (e.g. the swapped
/// labelling when n = m: T is symmetric in X and Y, its floating-point sums are not); distinct
/// labellings differ by far more (a single swap moves T by ~1/n²).
/// over B seeded random relabellings π_b of the pooled sample (Fisher–Yates with
/// `nextIndex(below:)`, each shuffling the previous labelling), so p is never 0 and is exact as
/// a Monte Carlo test. The smallest reportable p is 1/(B + 1).
///
/// Cost: the pooled kernel or distance matrix once ((n + m)² entries, (n + m) = 4000 → 64 MB),
/// then per permutation: for MMD a screen through a low-rank factor K ≈ VVᵀ (pivoted Cholesky,
/// error bounded by its trace residual) that decides T(π_b) ≥ T_observed without the matrix,
/// with the exact O((n + m)²) quadratic form only for permutations the screen cannot decide;
/// for the 1-D energy distance an exact O(n + m) formula on the sorted pooled sample; otherwise
/// the exact quadratic form, eight permutations per pass over the matrix in SIMD lanes. All on
/// every core. The 2-D energy distance stays O((n + m)²) per permutation: its distance matrix
/// has no fast-decaying spectrum to screen with (n = m = 2000, B = 1000: ~8·10⁹ multiply-adds).
public struct TwoSampleTest: Sendable, Equatable, Codable {
    /// Which statistic.
    public enum Statistic: String, Sendable, Equatable, Codable {
        /// The unbiased MMD² with a Gaussian kernel.
        case maximumMeanDiscrepancy = "mmd2"
        /// The energy distance (V-statistic).
        case energyDistance = "energy"
    }

    /// Which statistic this is.
    public let statistic: Statistic
    /// The observed value of the statistic.
    public let value: Double
    /// The permutation p-value.
    public let pValue: Double
    /// B, the number of permutations.
    public let permutations: Int
    /// The Gaussian kernel's length scale ℓ for MMD, `nil` for the energy distance.
    public let bandwidth: Double?

    /// The squared maximum mean discrepancy with a Gaussian kernel, unbiased U-statistic:
    ///
    /// ```
    /// k(a, b) = exp(−‖a − b‖² / (2ℓ²))
    /// MMD²ᵤ = 1/(n(n−1)) Σ_{i≠j} k(xᵢ, xⱼ) + 1/(m(m−1)) Σ_{i≠j} k(yᵢ, yⱼ) − 2/(nm) Σᵢⱼ k(xᵢ, yⱼ)
    /// ```
    /// ℓ defaults to the median heuristic: the median Euclidean distance between distinct
    /// points of the pooled sample (Gretton et al. 2012, §8). MMD²ᵤ is unbiased, so it can be
    /// slightly negative under H₀.
    /// - Throws: `ModelError` when either sample has < 2 points, the dimensions differ,
    ///   ℓ ≤ 0, B < 1, or the median distance is 0 (more than half the pairs coincide).
    /// - Reference: A. Gretton, K. Borgwardt, M. Rasch, B. Schölkopf, A. Smola, "A kernel
    ///   two-sample test", JMLR 13, 723–773, 2012 (eq. 3).
    public static func maximumMeanDiscrepancy(_ x: PointSet, _ y: PointSet, bandwidth: Double? = nil,
                                              permutations: Int = 1000, seed: UInt64 = 0) throws -> TwoSampleTest {
        try validate(x, y, permutations: permutations)
        let distances = PooledDistances(x, y)
        let ell: Double
        if let given = bandwidth {
            guard given > 0, given.isFinite else {
                throw ModelError.invalidParameter(
                    "the MMD bandwidth ℓ", "\(given)", expected: "a positive length, or nil for the median heuristic")
            }
            ell = given
        } else {
            ell = distances.medianDistance()
            guard ell > 0 else {
                throw ModelError(
                    .degenerateData,
                    problem: "the median distance between points is 0, so the median-heuristic bandwidth is 0",
                                 fix: "pass a bandwidth explicitly or remove duplicated points")
            }
        }
        let kernel = BlockSums(count: distances.count, upperTriangle: gaussianKernel(distances.values, length: ell))
        let n = Double(x.count), m = Double(y.count)
        let statistic: @Sendable ([[Bool]]) -> [Double] = { batch in
            kernel.sums(batch: batch).map { sxx, syy, sxy in
                sxx / (n * (n - 1)) + syy / (m * (m - 1)) - 2 * sxy / (n * m)
            }
        }
        // T as a function of Q = Σ_{i≠j∈X} k and R = Σ_{i∈X} Σ_{j≠i} k (all other block sums
        // follow from the total), for the low-rank screen.
        let all = 2 * kernel.total
        let fromSums: @Sendable (Double, Double) -> Double = { q, r in
            q / (n * (n - 1)) + (all - 2 * r + q) / (m * (m - 1)) - 2 * (r - q) / (n * m)
        }
        let screen = LowRankKernelScreen(kernel, statistic: fromSums)
        let tie = 1e-10 * all / ((n + m) * (n + m - 1))
        let (value, p) = permutationTest(nx: x.count, ny: y.count, permutations: permutations, seed: seed, tie: tie,
                                         statistic: statistic, screen: screen.interval)
        return TwoSampleTest(
            statistic: .maximumMeanDiscrepancy, value: value, pValue: p, permutations: permutations, bandwidth: ell)
    }

    /// The energy distance (Székely & Rizzo), V-statistic over all pairs:
    ///
    /// ```
    /// E = 2/(nm) Σᵢⱼ ‖xᵢ − yⱼ‖ − 1/n² Σᵢⱼ ‖xᵢ − xⱼ‖ − 1/m² Σᵢⱼ ‖yᵢ − yⱼ‖
    /// ```
    /// E ≥ 0, with equality iff the two empirical distributions coincide. In 1-D it is the
    /// square of `scipy.stats.energy_distance`. Needs no bandwidth.
    /// - Throws: `ModelError` when either sample has < 2 points, the dimensions differ, or B < 1.
    /// - Reference: G. J. Székely and M. L. Rizzo, "Energy statistics: a class of statistics
    ///   based on distances", J. Stat. Plan. Inference 143(8), 1249–1272, 2013.
    public static func energyDistance(_ x: PointSet, _ y: PointSet, permutations: Int = 1000,
                                      seed: UInt64 = 0) throws -> TwoSampleTest {
        try validate(x, y, permutations: permutations)
        let n = Double(x.count), m = Double(y.count)
        let statistic: @Sendable ([[Bool]]) -> [Double]
        let meanDistance: Double
        if x.dimension == 1 {
            let sorted = SortedDistanceSums(x.values + y.values)
            meanDistance = sorted.total / ((n + m) * (n + m - 1) / 2)
            statistic = { batch in
                batch.map { inX in
                    let (sxx, syy, sxy) = sorted.sums(inX)
                    return 2 * sxy / (n * m) - sxx / (n * n) - syy / (m * m)
                }
            }
        } else {
            let distances = PooledDistances(x, y)
            let sums = BlockSums(count: distances.count, upperTriangle: distances.values)
            meanDistance = sums.total / ((n + m) * (n + m - 1) / 2)
            statistic = { batch in
                sums.sums(batch: batch).map { sxx, syy, sxy in 2 * sxy / (n * m) - sxx / (n * n) - syy / (m * m) }
            }
        }
        let (value, p) = permutationTest(nx: x.count, ny: y.count, permutations: permutations, seed: seed,
                                         tie: 1e-10 * meanDistance, statistic: statistic)
        return TwoSampleTest(
            statistic: .energyDistance, value: value, pValue: p, permutations: permutations, bandwidth: nil)
    }

    private static func validate(_ x: PointSet, _ y: PointSet, permutations: Int) throws {
        guard x.dimension == y.dimension else {
            throw ModelError.dimensionMismatch("the second sample", expected: x.dimension, got: y.dimension)
        }
        guard x.count >= 2 else {
            throw ModelError.tooFewPoints("the first sample of a two-sample test", needed: 2, got: x.count)
        }
        guard y.count >= 2 else {
            throw ModelError.tooFewPoints("the second sample of a two-sample test", needed: 2, got: y.count)
        }
        guard permutations >= 1 else {
            throw ModelError.invalidParameter(
                "the number of permutations", "\(permutations)", expected: "at least 1, e.g. 1000")
        }
    }

    /// The observed statistic (first n pooled points are X) and its permutation p-value.
    /// `screen`, if given, returns an interval certain to contain `statistic` of a labelling
    /// (cheaper to compute); the exact statistic is evaluated only when the interval contains
    /// the observed value, so the count, and p, are those of the exact statistic.
    /// `statistic` evaluates up to eight labellings at once.
    private static func permutationTest(nx: Int, ny: Int, permutations: Int, seed: UInt64, tie: Double,
                                        statistic: @escaping @Sendable ([[Bool]]) -> [Double],
        screen: (@Sendable ([Bool]) -> ClosedRange<Double>)? = nil
    ) -> (Double, Double) {
        let total = nx + ny
        var labels = (0..<total).map { $0 < nx }
        let observed = statistic([labels])[0] - tie
        // The permutations are drawn in order from one generator (so the p-value depends only
        // on the seed), then their statistics are evaluated on all cores.
        var generator = Xoshiro256StarStar(seed: seed)
        var shuffles: [[Bool]] = []
        shuffles.reserveCapacity(permutations)
        for _ in 0..<permutations {
            for i in stride(from: total - 1, to: 0, by: -1) { labels.swapAt(i, generator.nextIndex(below: i + 1)) }
            shuffles.append(labels)
        }
        let chunks = min(permutations, 8)
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: chunks)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        nonisolated(unsafe) let shared = counts
        let permutationList = shuffles
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var count = 0
            var pending: [[Bool]] = []
            for b in stride(from: chunk, to: permutations, by: chunks) {
                if let interval = screen?(permutationList[b]) {
                    if interval.lowerBound >= observed { count += 1; continue }
                    if interval.upperBound < observed { continue }
                }
                pending.append(permutationList[b])
                if pending.count == 8 {
                    count += statistic(pending).filter { $0 >= observed }.count
                    pending.removeAll(keepingCapacity: true)
                }
            }
            if !pending.isEmpty { count += statistic(pending).filter { $0 >= observed }.count }
            shared[chunk] = count
        }
        let atLeastAsLarge = counts.reduce(0, +)
        return (observed + tie, Double(1 + atLeastAsLarge) / Double(1 + permutations))
    }
}

/// Euclidean distances between all pairs of the pooled sample X ∪ Y (X first), stored as
/// the strict upper triangle, row by row.
private struct PooledDistances {
    let count: Int
    let values: [Double]

    /// Rows are computed on all cores (row i has n − 1 − i entries, so rows are dealt out in
    /// an interleaved order to balance the work).
    init(_ x: PointSet, _ y: PointSet) {
        let pooled = x.values + y.values
        let d = x.dimension, n = pooled.count / d
        var v = [Double](repeating: 0, count: n * (n - 1) / 2)
        let workers = 16
        v.withUnsafeMutableBufferPointer { out in
            pooled.withUnsafeBufferPointer { p in
                nonisolated(unsafe) let (out, p) = (out, p)
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    for i in stride(from: w, to: n, by: workers) {
                        let start = i * n - i * (i + 1) / 2 - i - 1
                        if d == 1 {
                            let xi = p[i]
                            for j in (i + 1)..<n { out[start + j] = abs(xi - p[j]) }
                            continue
                        }
                        for j in (i + 1)..<n {
                            var s = 0.0
                            for a in 0..<d { let t = p[i * d + a] - p[j * d + a]; s += t * t }
                            out[start + j] = s.squareRoot()
                        }
                    }
                }
            }
        }
        count = n
        values = v
    }

    /// The median pairwise distance (mean of the two middle values for an even count, as numpy),
    /// by a histogram of the leading 20 bits of the values (for non-negative doubles the bit
    /// pattern orders like the value), then a sort of the one or two buckets that hold the
    /// middle: two passes instead of a sort of all n²/2 values.
    func medianDistance() -> Double {
        let c = values.count
        let shift: UInt64 = 44, buckets = 1 << 20
        var histogram = [Int](repeating: 0, count: buckets)
        histogram.withUnsafeMutableBufferPointer { h in
            for v in values { h[Int(v.bitPattern >> shift)] += 1 }
        }
        // The buckets holding ranks c/2 − 1 and c/2 (0-based), and how many values precede them.
        func locate(_ rank: Int) -> (bucket: Int, before: Int) {
            var before = 0
            for b in 0..<buckets {
                if before + histogram[b] > rank { return (b, before) }
                before += histogram[b]
            }
            return (buckets - 1, before)
        }
        let upperRank = c / 2, lowerRank = c % 2 == 0 ? c / 2 - 1 : c / 2
        let (lowBucket, lowBefore) = locate(lowerRank)
        let (highBucket, _) = locate(upperRank)
        var middle: [Double] = []
        for v in values {
            let b = Int(v.bitPattern >> shift)
            if b >= lowBucket && b <= highBucket { middle.append(v) }
        }
        middle.sort()
        let lower = middle[lowerRank - lowBefore], upper = middle[upperRank - lowBefore]
        return 0.5 * (lower + upper)
    }
}

/// Block sums of a symmetric pair function f over the pooled sample, for one labelling after
/// another: Σ_{i≠j∈X} f, Σ_{i≠j∈Y} f and Σ_{i∈X, j∈Y} f over ordered pairs, with f given on the
/// strict upper triangle. The diagonal i = j is left out: a distance is 0 there, and the
/// unbiased MMD² excludes k(a, a).
///
/// With indicators lᵢ ∈ {0, 1} of X, rᵢ = Σ_{j>i} lⱼ fᵢⱼ and row sums qᵢ = Σ_{j>i} fᵢⱼ, the X
/// block is Σᵢ lᵢ rᵢ, the Y block Σᵢ (1 − lᵢ)(qᵢ − rᵢ), and the cross block the rest of the
/// total. The row sums do not depend on the labels, so they are computed once; each labelling
/// then costs one multiply-add per pair, branch-free.
struct BlockSums: Sendable {
    let count: Int
    let upperTriangle: [Double]
    let rowSums: [Double]
    let total: Double

    init(count: Int, upperTriangle: [Double]) {
        self.count = count
        self.upperTriangle = upperTriangle
        var rows = [Double](repeating: 0, count: count)
        var t = 0
        for i in 0..<count {
            var q = 0.0
            for j in (i + 1)..<count { q += upperTriangle[t + j - i - 1] }
            t += count - i - 1
            rows[i] = q
        }
        rowSums = rows
        total = rows.reduce(0, +)
    }

    /// The block sums of one labelling (lane 0 of `sums(batch:)`, so a labelling gets the same
    /// bits whether it is evaluated alone or in a batch).
    func sums(_ inX: [Bool]) -> (Double, Double, Double) { sums(batch: [inX])[0] }

    /// The block sums of up to eight labellings at once, one SIMD lane each: every entry fᵢⱼ is
    /// loaded once for all of them, so the matrix streams from memory once per eight
    /// permutations instead of once per permutation.
    func sums(batch: [[Bool]]) -> [(Double, Double, Double)] {
        precondition(batch.count >= 1 && batch.count <= 8)
        var l = [SIMD8<Double>](repeating: .zero, count: count)
        for (lane, inX) in batch.enumerated() { for i in 0..<count where inX[i] { l[i][lane] = 1 } }
        var sxx = SIMD8<Double>.zero, syy = SIMD8<Double>.zero
        upperTriangle.withUnsafeBufferPointer { f in
            l.withUnsafeBufferPointer { l in
                var t = 0
                for i in 0..<count {
                    var r0 = SIMD8<Double>.zero, r1 = SIMD8<Double>.zero
                    let row = f.baseAddress! + t - i - 1
                    var j = i + 1
                    while j + 2 <= count {
                        r0 += row[j] * l[j]
                        r1 += row[j + 1] * l[j + 1]
                        j += 2
                    }
                    if j < count { r0 += row[j] * l[j] }
                    let r = r0 + r1
                    t += count - i - 1
                    sxx += l[i] * r
                    syy += (1 - l[i]) * (rowSums[i] - r)
                }
            }
        }
        return batch.indices.map { (2 * sxx[$0], 2 * syy[$0], total - sxx[$0] - syy[$0]) }
    }
}

/// exp(−r²/(2ℓ²)) for every distance r, eight at a time with the vectorised exponential of
/// the exact KDE (`negativeExponential`, ~2 ulp), on all cores.
private func gaussianKernel(_ distances: [Double], length ell: Double) -> [Double] {
    var out = [Double](repeating: 0, count: distances.count)
    let c = 1 / (2 * ell * ell), blocks = (distances.count + 8191) / 8192
    out.withUnsafeMutableBufferPointer { o in
        distances.withUnsafeBufferPointer { r in
            nonisolated(unsafe) let (o, r) = (o, r)
            DispatchQueue.concurrentPerform(iterations: blocks) { block in
                var i = block * 8192
                let end = Swift.min(r.count, i + 8192)
                while i + 8 <= end {
                    let v = SIMD8(UnsafeBufferPointer(rebasing: r[i..<(i + 8)]))
                    let e = negativeExponential(v * v * c)
                    for k in 0..<8 { o[i + k] = e[k] }
                    i += 8
                }
                while i < end { o[i] = exp(-r[i] * r[i] * c); i += 1 }
            }
        }
    }
    return out
}
