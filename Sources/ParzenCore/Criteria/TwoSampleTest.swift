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
/// Cost: no (n + m)² matrix is stored. One pass over the pairs gives the observed statistic and
/// the row sums; then each labelling goes through screens that return an interval certain to
/// contain its exact statistic, and only labellings whose interval contains the observed value
/// get the exact sums (one pass over the pairs per 16 labellings, `PairRowSums.blockSums`):
/// - MMD: a low-rank factor K ≈ VVᵀ (pivoted Cholesky, error bounded by its trace residual),
///   nₓ·r additions per labelling, in two tiers of rank (`LowRankKernelScreen`);
/// - 1-D energy distance: exact in O(n + m) on the sorted pooled sample (`SortedDistanceSums`);
/// - 2-D energy distance: sums of 1-D distances along K directions, within sec(π/2K) of the
///   Euclidean ones, K = 32 then 256 (`ProjectedDistanceScreen`), K·(n + m) per labelling;
/// - d ≥ 3 energy distance: exact sums for every labelling, (n + m)²/2 multiply-adds each.
/// All on every core, each labelling's value independent of the batch and of the core count.
/// n = m = 2000, B = 1000, on this project's 2-core machine: see bench/twosample.sh.
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
        let ell: Double
        if let given = bandwidth {
            guard given > 0, given.isFinite else {
                throw ModelError.invalidParameter(
                    "the MMD bandwidth ℓ", "\(given)", expected: "a positive length, or nil for the median heuristic")
            }
            ell = given
        } else {
            ell = PairwiseDistanceMedian.median(x, y)
            guard ell > 0 else {
                throw ModelError(
                    .degenerateData,
                    problem: "the median distance between points is 0, so the median-heuristic bandwidth is 0",
                                 fix: "pass a bandwidth explicitly or remove duplicated points")
            }
        }
        let c = 1 / (2 * ell * ell)
        let kernel: @Sendable (SIMD8<Double>) -> SIMD8<Double> = { r in negativeExponential(r * r * c) }
        let kernelSums = PairRowSums(x, y, transform: kernel)
        let n = Double(x.count), m = Double(y.count)
        let fromBlocks: @Sendable ((Double, Double, Double)) -> Double = { sums in
            let (sxx, syy, sxy) = sums
            return sxx / (n * (n - 1)) + syy / (m * (m - 1)) - 2 * sxy / (n * m)
        }
        // T as a function of Q = Σ_{i≠j∈X} k and R = Σ_{i∈X} Σ_{j≠i} k (all other block sums
        // follow from the total), for the low-rank screen.
        let all = 2 * kernelSums.total
        let fromSums: @Sendable (Double, Double) -> Double = { q, r in
            q / (n * (n - 1)) + (all - 2 * r + q) / (m * (m - 1)) - 2 * (r - q) / (n * m)
        }
        let pooled = PairRowSums.Axes(x, y)
        let screen = LowRankKernelScreen(rowSums: kernelSums.fullRowSums, statistic: fromSums) { pivot, column in
            pooled.values.withUnsafeBufferPointer { axes in
                for i in stride(from: 0, to: column.count, by: 8) {
                    let e = kernel(pooled.distances(axes, pivot, i))
                    for lane in 0..<Swift.min(8, column.count - i) { column[i + lane] = e[lane] }
                }
            }
        }
        let tie = 1e-10 * all / ((n + m) * (n + m - 1))
        let (value, p) = permutationTest(
            nx: x.count, ny: y.count, permutations: permutations, seed: seed, tie: tie,
            observed: fromBlocks(kernelSums.observedBlocks),
            statistic: { { batch in PairRowSums.blockSums(pooled, batch: batch, transform: kernel).map(fromBlocks) } },
            screens: screen.tiers.map { columns in { { $0.map { screen.interval($0, columns: columns) } } } })
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
        let fromBlocks: @Sendable ((Double, Double, Double)) -> Double = { sums in
            let (sxx, syy, sxy) = sums
            return 2 * sxy / (n * m) - sxx / (n * n) - syy / (m * m)
        }
        let statistic: () -> @Sendable ([[Bool]]) -> [Double]
        let meanDistance: Double, observed: Double
        var screens: [ScreenTier] = []
        if x.dimension == 1 {
            let sorted = SortedDistanceSums(x.values + y.values)
            meanDistance = sorted.total / ((n + m) * (n + m - 1) / 2)
            observed = fromBlocks(sorted.sums((0..<(x.count + y.count)).map { $0 < x.count }))
            statistic = { { batch in sorted.sums(batch: batch).map(fromBlocks) } }
        } else {
            let identity: @Sendable (SIMD8<Double>) -> SIMD8<Double> = { $0 }
            let distanceSums = PairRowSums(x, y, transform: identity), pooled = PairRowSums.Axes(x, y)
            meanDistance = distanceSums.total / ((n + m) * (n + m - 1) / 2)
            observed = fromBlocks(distanceSums.observedBlocks)
            statistic = {
                { batch in PairRowSums.blockSums(pooled, batch: batch, transform: identity).map(fromBlocks) }
            }
            if x.dimension == 2 {
                screens = projectionScreens.map { directions in
                    {
                        let screen = ProjectedDistanceScreen(points: x.values + y.values, directions: directions)
                        return { batch in screen.energyIntervals(batch: batch, nx: n, ny: m) }
                    }
                }
            }
        }
        let (value, p) = permutationTest(nx: x.count, ny: y.count, permutations: permutations, seed: seed,
                                         tie: 1e-10 * meanDistance, observed: observed, statistic: statistic,
                                         screens: screens)
        return TwoSampleTest(
            statistic: .energyDistance, value: value, pValue: p, permutations: permutations, bandwidth: nil)
    }

    /// The 2-D energy distance's screen tiers, by number of projections: 32 (±1.2e-3 relative
    /// per pair) decides the labellings far from the observed value; 256 (±1.9e-5) most others.
    private static let projectionScreens = [32, 256]

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

    /// Decides, for a batch of up to eight labellings, an interval certain to contain each one's
    /// `statistic` (cheaper to compute than the statistic).
    typealias Screen = @Sendable ([[Bool]]) -> [ClosedRange<Double>]
    /// Builds a screen; called only when the tiers before it leave labellings undecided.
    typealias ScreenTier = () -> Screen

    /// The observed statistic (`observed`, with the first n pooled points in X) and its
    /// permutation p-value.
    /// Each `screens` tier in turn bounds the labellings the tiers before it left undecided; the
    /// exact statistic is evaluated only for those whose last interval contains the observed
    /// value, so the count, and p, are those of the exact statistic. The screens evaluate up to
    /// eight labellings at once, each in its own SIMD lane, the exact statistic up to 16, each
    /// with its own sums, so a labelling's value does not depend on the batch it is in, nor on
    /// the number of cores.
    private static func permutationTest(nx: Int, ny: Int, permutations: Int, seed: UInt64, tie: Double,
                                        observed value: Double,
                                        statistic makeStatistic: () -> @Sendable ([[Bool]]) -> [Double],
                                        screens: [ScreenTier] = []) -> (Double, Double) {
        let total = nx + ny
        var labels = (0..<total).map { $0 < nx }
        let observed = value - tie
        // The permutations are drawn in order from one generator (so the p-value depends only
        // on the seed), then their statistics are evaluated on all cores.
        var generator = Xoshiro256StarStar(seed: seed)
        var shuffles: [[Bool]] = []
        shuffles.reserveCapacity(permutations)
        for _ in 0..<permutations {
            // Through a buffer pointer: the array's swapAt checks uniqueness on every swap.
            labels.withUnsafeMutableBufferPointer { labels in
                for i in stride(from: total - 1, to: 0, by: -1) { labels.swapAt(i, generator.nextIndex(below: i + 1)) }
            }
            shuffles.append(labels)
        }
        var undecided = Array(0..<permutations)
        var atLeastAsLarge = 0
        for tier in screens.map(Optional.some) + [nil] {
            // Batches of eight in the order of `undecided`, dealt out to the workers.
            // The exact sums take 16 labellings per pass over the pairs (the distance or kernel
            // of a pair is computed once for more of them), the screens eight (SIMD lanes).
            let size = tier == nil ? PairRowSums.maximumBatch : 8
            let batches = (undecided.count + size - 1) / size
            let workers = min(batches, 16)
            guard workers > 0 else { break }
            // A later tier costs a set-up of about one exact batch: worth it only for several.
            if tier != nil && undecided.count < permutations && undecided.count <= 16 { continue }
            let screen = tier?()
            let exact: (@Sendable ([[Bool]]) -> [Double])? = screen == nil ? makeStatistic() : nil
            let results = UnsafeMutableBufferPointer<Int8>.allocate(capacity: undecided.count)
            defer { results.deallocate() }
            nonisolated(unsafe) let shared = results
            let (list, pending) = (shuffles, undecided)
            // 1: at least as large, 0: smaller, −1: undecided.
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for batch in stride(from: worker, to: batches, by: workers) {
                    let members = (size * batch)..<min(pending.count, size * batch + size)
                    let labellings = members.map { list[pending[$0]] }
                    if let screen {
                        for (slot, interval) in zip(members, screen(labellings)) {
                            shared[slot] = interval.lowerBound >= observed ? 1 : interval.upperBound < observed ? 0 : -1
                        }
                    } else {
                        for (slot, value) in zip(members, exact!(labellings)) {
                            shared[slot] = value >= observed ? 1 : 0
                        }
                    }
                }
            }
            atLeastAsLarge += results.filter { $0 == 1 }.count
            undecided = zip(pending, results).filter { $0.1 == -1 }.map(\.0)
        }
        return (observed + tie, Double(1 + atLeastAsLarge) / Double(1 + permutations))
    }
}

/// The median Euclidean distance between the pooled sample's points, for the median heuristic.
enum PairwiseDistanceMedian {
    /// The median pairwise distance of the pooled sample (mean of the two middle values for an
    /// even count, as numpy), without storing the distances.
    ///
    /// The two middle ranks are bracketed by quantiles of a seeded sample of ~3·10⁴ distances
    /// (± 6 standard errors of a sample median); one pass over all pairs counts the distances
    /// below the bracket and collects those inside (a few percent), and a selection finds the
    /// ranks among them. If the bracket misses (a sample unlike the whole), all distances are
    /// sorted: the result is exact either way.
    static func median(_ x: PointSet, _ y: PointSet) -> Double {
        let pooled = PairRowSums.Axes(x, y), n = pooled.count
        let c = n * (n - 1) / 2
        let upperRank = c / 2, lowerRank = c % 2 == 0 ? c / 2 - 1 : c / 2
        // Pairs drawn uniformly (a fixed seed): pairs from a few rows would share their points
        // and bracket the median of those points' distances, not of all.
        var generator = Xoshiro256StarStar(seed: 0x6d65_6469_616e)
        var sample: [Double] = []
        pooled.values.withUnsafeBufferPointer { axes in
            for _ in 0..<Swift.min(32768, c) {
                let i = generator.nextIndex(below: n), k = generator.nextIndex(below: n - 1)
                let j = k < i ? k : k + 1
                sample.append(pooled.distances(axes, i, j)[0])
            }
        }
        sample.sort()
        let s = sample.count, spread = 3 * Int(Double(s).squareRoot()) + 1
        let low = sample[Swift.max(0, s / 2 - spread)], high = sample[Swift.min(s - 1, s / 2 + spread)]
        let workers = 16
        var counts = [Int](repeating: 0, count: workers)
        var collected = [[Double]](repeating: [], count: workers)
        counts.withUnsafeMutableBufferPointer { counts in
            collected.withUnsafeMutableBufferPointer { collected in
                pooled.values.withUnsafeBufferPointer { axes in
                    nonisolated(unsafe) let (counts, collected, axes) = (counts, collected, axes)
                    DispatchQueue.concurrentPerform(iterations: workers) { w in
                        // Counted in doubles (exact below 2⁵³): double compares vectorise here, 64-bit
                        // integer ones do not.
                        var below = SIMD8<Double>.zero, tail = 0
                        var middle: [Double] = []
                        for i in stride(from: w, to: n, by: workers) {
                            var j = i + 1
                            while j + 8 <= n {
                                let r = pooled.distances(axes, i, j)
                                below += SIMD8(repeating: 1).replacing(with: 0, where: r .>= low)
                                let inside = (r .>= low) .& (r .<= high)
                                if any(inside) { for lane in 0..<8 where inside[lane] { middle.append(r[lane]) } }
                                j += 8
                            }
                            if j < n {
                                let r = pooled.distances(axes, i, j)
                                for lane in 0..<(n - j) {
                                    tail += r[lane] < low ? 1 : 0
                                    if r[lane] >= low && r[lane] <= high { middle.append(r[lane]) }
                                }
                            }
                        }
                        counts[w] = Int(below.sum()) + tail
                        collected[w] = middle
                    }
                }
            }
        }
        let below = counts.reduce(0, +)
        var middle = Array(collected.joined())
        guard below <= lowerRank && upperRank < below + middle.count else {
            var all: [Double] = []
            pooled.values.withUnsafeBufferPointer { axes in
                for i in 0..<n {
                    for j in stride(from: i + 1, to: n, by: 8) {
                        let r = pooled.distances(axes, i, j)
                        for lane in 0..<Swift.min(8, n - j) { all.append(r[lane]) }
                    }
                }
            }
            all.sort()
            return 0.5 * (all[lowerRank] + all[upperRank])
        }
        let lower = select(&middle, lowerRank - below)
        // The next rank is the least of the values the selection left after the lower one.
        let upper = upperRank == lowerRank ? lower : middle[(lowerRank - below + 1)...].min()!
        return 0.5 * (lower + upper)
    }
}

/// The k-th smallest value (0-based) of `a`, reordering `a` so that every value before index k
/// is ≤ it and every value after is ≥ it: quickselect, Hoare partition around the median of
/// three, expected O(count).
private func select(_ a: inout [Double], _ k: Int) -> Double {
    var low = 0, high = a.count - 1
    while low < high {
        let mid = low + (high - low) / 2
        let pivot = Swift.max(Swift.min(a[low], a[mid]), Swift.min(Swift.max(a[low], a[mid]), a[high]))
        var i = low, j = high
        while i <= j {
            while a[i] < pivot { i += 1 }
            while a[j] > pivot { j -= 1 }
            if i <= j { a.swapAt(i, j); i += 1; j -= 1 }
        }
        if k <= j { high = j } else if k >= i { low = i } else { break }
    }
    return a[k]
}

