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
/// p = (1 + #{b : T(π_b) ≥ T_observed}) / (1 + B)
/// ```
/// over B seeded random relabellings π_b of the pooled sample (Fisher–Yates with
/// `nextIndex(below:)`), so p is never 0 and is exact as a Monte Carlo test. The smallest
/// reportable p is 1/(B + 1).
///
/// Cost: (n + m)² distances once, then O((n + m)²) per permutation; memory (n + m)² doubles
/// (n + m = 2000 → 32 MB, B = 1000 → ~4·10⁹ additions). Subsample larger data first.
public struct TwoSampleTest: Sendable, Equatable {
    /// Which statistic.
    public enum Statistic: String, Sendable, Equatable {
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
                throw ModelError.invalidParameter("the MMD bandwidth ℓ", "\(given)", expected: "a positive length, or nil for the median heuristic")
            }
            ell = given
        } else {
            ell = distances.medianDistance()
            guard ell > 0 else {
                throw ModelError(.degenerateData, problem: "the median distance between points is 0, so the median-heuristic bandwidth is 0",
                                 fix: "pass a bandwidth explicitly or remove duplicated points")
            }
        }
        let kernel = BlockSums(count: distances.count, upperTriangle: distances.values.map { exp(-$0 * $0 / (2 * ell * ell)) })
        let n = Double(x.count), m = Double(y.count)
        let statistic: @Sendable ([Bool]) -> Double = { inX in
            let (sxx, syy, sxy) = kernel.sums(inX)
            return sxx / (n * (n - 1)) + syy / (m * (m - 1)) - 2 * sxy / (n * m)
        }
        let (value, p) = permutationTest(nx: x.count, ny: y.count, permutations: permutations, seed: seed, statistic: statistic)
        return TwoSampleTest(statistic: .maximumMeanDiscrepancy, value: value, pValue: p, permutations: permutations, bandwidth: ell)
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
        let distances = PooledDistances(x, y)
        let sums = BlockSums(count: distances.count, upperTriangle: distances.values)
        let n = Double(x.count), m = Double(y.count)
        let statistic: @Sendable ([Bool]) -> Double = { inX in
            let (sxx, syy, sxy) = sums.sums(inX)
            return 2 * sxy / (n * m) - sxx / (n * n) - syy / (m * m)
        }
        let (value, p) = permutationTest(nx: x.count, ny: y.count, permutations: permutations, seed: seed, statistic: statistic)
        return TwoSampleTest(statistic: .energyDistance, value: value, pValue: p, permutations: permutations, bandwidth: nil)
    }

    private static func validate(_ x: PointSet, _ y: PointSet, permutations: Int) throws {
        guard x.dimension == y.dimension else { throw ModelError.dimensionMismatch("the second sample", expected: x.dimension, got: y.dimension) }
        guard x.count >= 2 else { throw ModelError.tooFewPoints("the first sample of a two-sample test", needed: 2, got: x.count) }
        guard y.count >= 2 else { throw ModelError.tooFewPoints("the second sample of a two-sample test", needed: 2, got: y.count) }
        guard permutations >= 1 else {
            throw ModelError.invalidParameter("the number of permutations", "\(permutations)", expected: "at least 1, e.g. 1000")
        }
    }

    /// The observed statistic (first n pooled points are X) and its permutation p-value.
    private static func permutationTest(nx: Int, ny: Int, permutations: Int, seed: UInt64,
                                        statistic: @escaping @Sendable ([Bool]) -> Double) -> (Double, Double) {
        let total = nx + ny
        var labels = (0..<total).map { $0 < nx }
        let observed = statistic(labels)
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
            for b in stride(from: chunk, to: permutations, by: chunks) where statistic(permutationList[b]) >= observed {
                count += 1
            }
            shared[chunk] = count
        }
        let atLeastAsLarge = counts.reduce(0, +)
        return (observed, Double(1 + atLeastAsLarge) / Double(1 + permutations))
    }
}

/// Euclidean distances between all pairs of the pooled sample X ∪ Y (X first), stored as
/// the strict upper triangle, row by row.
private struct PooledDistances {
    let count: Int
    let values: [Double]

    init(_ x: PointSet, _ y: PointSet) {
        let pooled = PointSet(dimension: x.dimension, values: x.values + y.values)
        let n = pooled.count, d = pooled.dimension
        var v: [Double] = []
        v.reserveCapacity(n * (n - 1) / 2)
        for i in 0..<n {
            for j in (i + 1)..<n {
                var s = 0.0
                for a in 0..<d { let t = pooled.values[i * d + a] - pooled.values[j * d + a]; s += t * t }
                v.append(s.squareRoot())
            }
        }
        count = n
        values = v
    }

    /// The median pairwise distance (mean of the two middle values for an even count, as numpy).
    func medianDistance() -> Double {
        let sorted = values.sorted()
        let c = sorted.count
        return c % 2 == 1 ? sorted[c / 2] : 0.5 * (sorted[c / 2 - 1] + sorted[c / 2])
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
private struct BlockSums: Sendable {
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

    func sums(_ inX: [Bool]) -> (Double, Double, Double) {
        let l = inX.map { $0 ? 1.0 : 0.0 }
        var sxx = 0.0, syy = 0.0
        upperTriangle.withUnsafeBufferPointer { f in
            l.withUnsafeBufferPointer { l in
                var t = 0
                for i in 0..<count {
                    var r = 0.0
                    let row = f.baseAddress! + t
                    for j in (i + 1)..<count { r += l[j] * row[j - i - 1] }
                    t += count - i - 1
                    sxx += l[i] * r
                    syy += (1 - l[i]) * (rowSums[i] - r)
                }
            }
        }
        return (2 * sxx, 2 * syy, total - sxx - syy)
    }
}
