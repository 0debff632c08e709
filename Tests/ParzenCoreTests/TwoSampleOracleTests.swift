import Foundation
import Testing
@testable import ParzenCore

/// The permutation tests against a straightforward implementation (the oracle, kept only
/// here): the statistic summed pair by pair from its definition for every permutation, the
/// same seeded Fisher–Yates relabellings, p = (1 + #{T_b ≥ T_obs − τ})/(1 + B) with the
/// documented tie allowance τ = 1e-10·(mean pair value). The fast paths
/// (low-rank screen for MMD, projections for the 2-D energy distance, sorted sums for the 1-D
/// one, the exact sums from the points) must give the identical p-value.
@Suite struct TwoSampleOracleTests {
    /// Straightforward MMD²ᵤ (Gaussian kernel) or energy distance of labelling `inX`.
    static func statistic(_ pooled: PointSet, _ inX: [Bool], mmdLength: Double?) -> Double {
        let count = pooled.count, d = pooled.dimension
        var xx = 0.0, yy = 0.0, xy = 0.0
        for i in 0..<count {
            for j in 0..<count where j != i {
                var s = 0.0
                for a in 0..<d { let t = pooled.values[i * d + a] - pooled.values[j * d + a]; s += t * t }
                let f = mmdLength.map { exp(-s / (2 * $0 * $0)) } ?? s.squareRoot()
                if inX[i] && inX[j] { xx += f } else if !inX[i] && !inX[j] { yy += f } else if inX[i] { xy += f }
            }
        }
        let n = Double(inX.filter { $0 }.count), m = Double(count) - n
        if mmdLength != nil { return xx / (n * (n - 1)) + yy / (m * (m - 1)) - 2 * xy / (n * m) }
        return 2 * xy / (n * m) - xx / (n * n) - yy / (m * m)
    }

    /// The oracle's (statistic, p-value); the median heuristic by sorting all pair distances.
    static func oracle(_ x: PointSet, _ y: PointSet, mmd: Bool, permutations: Int, seed: UInt64) -> (Double, Double) {
        let pooled = PointSet(dimension: x.dimension, values: x.values + y.values)
        var length: Double?
        if mmd {
            var distances: [Double] = []
            for i in 0..<pooled.count {
                for j in (i + 1)..<pooled.count {
                    distances.append(zip(pooled[i], pooled[j]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot())
                }
            }
            distances.sort()
            let c = distances.count
            length = c % 2 == 1 ? distances[c / 2] : 0.5 * (distances[c / 2 - 1] + distances[c / 2])
        }
        var labels = (0..<pooled.count).map { $0 < x.count }
        var pairSum = 0.0
        for i in 0..<pooled.count {
            for j in (i + 1)..<pooled.count {
                let s = zip(pooled[i], pooled[j]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
                pairSum += length.map { exp(-s / (2 * $0 * $0)) } ?? s.squareRoot()
            }
        }
        let tie = 1e-10 * pairSum / Double(pooled.count * (pooled.count - 1) / 2)
        let observed = statistic(pooled, labels, mmdLength: length) - tie
        var generator = Xoshiro256StarStar(seed: seed)
        var atLeast = 0
        for _ in 0..<permutations {
            for i in stride(from: labels.count - 1, to: 0, by: -1) { labels.swapAt(i, generator.nextIndex(below: i + 1)) }
            if statistic(pooled, labels, mmdLength: length) >= observed { atLeast += 1 }
        }
        return (observed + tie, Double(1 + atLeast) / Double(1 + permutations))
    }

    static func sample(_ n: Int, dimension d: Int, shift: Double, seed: UInt64) -> PointSet {
        var g = Xoshiro256StarStar(seed: seed)
        return PointSet(dimension: d, values: (0..<(n * d)).map { _ in shift + g.nextGaussian() })
    }

    /// Same and shifted distributions (p from ~1/B to ~1), 1-D and 2-D, unequal sizes.
    @Test(arguments: [(1, 0.0), (1, 0.3), (2, 0.0), (2, 0.25)])
    func pValuesAreIdenticalToTheStraightforwardImplementation(_ dimension: Int, _ shift: Double) throws {
        let x = Self.sample(70, dimension: dimension, shift: 0, seed: 41)
        let y = Self.sample(55, dimension: dimension, shift: shift, seed: 42)
        let mmd = try TwoSampleTest.maximumMeanDiscrepancy(x, y, permutations: 400, seed: 7)
        let (mmdValue, mmdP) = Self.oracle(x, y, mmd: true, permutations: 400, seed: 7)
        #expect(mmd.pValue == mmdP)
        #expect(abs(mmd.value - mmdValue) <= 1e-12 * max(abs(mmdValue), 1e-3))
        let energy = try TwoSampleTest.energyDistance(x, y, permutations: 400, seed: 8)
        let (energyValue, energyP) = Self.oracle(x, y, mmd: false, permutations: 400, seed: 8)
        #expect(energy.pValue == energyP)
        #expect(abs(energy.value - energyValue) <= 1e-12 * abs(energyValue))
    }

    /// The screens in every tier: samples alike (the observed value in the bulk of the
    /// permutation distribution, so the 2-D energy distance's 32-projection tier leaves many
    /// labellings to the 256-projection tier and some to the exact sums), points on a coarse
    /// grid (equal projections, zero distances), sizes and B not multiples of the batch of 8.
    @Test(arguments: [(2, 0.0, 1.0), (2, 0.0, 0.5), (2, 0.15, 0.0), (1, 0.0, 0.5)])
    func everyScreenTierKeepsThePValue(_ dimension: Int, _ shift: Double, _ grid: Double) throws {
        func onGrid(_ set: PointSet) -> PointSet {
            guard grid > 0 else { return set }
            return PointSet(dimension: set.dimension, values: set.values.map { ($0 / grid).rounded() * grid })
        }
        let x = onGrid(Self.sample(61, dimension: dimension, shift: 0, seed: 51))
        let y = onGrid(Self.sample(83, dimension: dimension, shift: shift, seed: 52))
        let mmd = try TwoSampleTest.maximumMeanDiscrepancy(x, y, permutations: 301, seed: 11)
        #expect(mmd.pValue == Self.oracle(x, y, mmd: true, permutations: 301, seed: 11).1)
        let energy = try TwoSampleTest.energyDistance(x, y, permutations: 301, seed: 12)
        #expect(energy.pValue == Self.oracle(x, y, mmd: false, permutations: 301, seed: 12).1)
    }

    /// The projection screen's intervals contain the straightforward energy distance of random
    /// labellings, for few projections (wide) and many (narrow), and the narrow ones are within
    /// the documented π²/(8K²) of it.
    @Test(arguments: [2, 32, 256])
    func projectionIntervalsContainTheExactEnergyDistance(_ directions: Int) throws {
        let x = Self.sample(40, dimension: 2, shift: 0.2, seed: 61)
        let y = Self.sample(29, dimension: 2, shift: 0, seed: 62)
        let pooled = PointSet(dimension: 2, values: x.values + y.values)
        let screen = ProjectedDistanceScreen(points: pooled.values, directions: directions)
        var largest = 0.0
        for i in 0..<pooled.count {
            for j in 0..<pooled.count {
                let v = pooled.values
                largest = max(largest, hypot(v[2 * i] - v[2 * j], v[2 * i + 1] - v[2 * j + 1]))
            }
        }
        var generator = Xoshiro256StarStar(seed: 63)
        var labels = (0..<pooled.count).map { $0 < x.count }
        var batch: [[Bool]] = []
        for _ in 0..<13 {
            for i in stride(from: labels.count - 1, to: 0, by: -1) {
                labels.swapAt(i, generator.nextIndex(below: i + 1))
            }
            batch.append(labels)
        }
        for start in stride(from: 0, to: batch.count, by: 8) {
            let part = Array(batch[start..<min(batch.count, start + 8)])
            let intervals = screen.energyIntervals(batch: part, nx: Double(x.count), ny: Double(y.count))
            for (inX, interval) in zip(part, intervals) {
                let exact = Self.statistic(pooled, inX, mmdLength: nil)
                #expect(interval.contains(exact))
                // Width u·(2Sxy/(nm) + Sxx/n² + Syy/m²) ≤ u·4·(largest distance), u = sec(π/2K) − 1.
                let u = 1 / cos(Double.pi / Double(2 * directions)) - 1
                #expect(interval.upperBound - interval.lowerBound <= 4.1 * u * largest + 1e-9)
            }
        }
    }

    /// 4 + 4 points: 1 in 70 relabellings only permutes within the groups and ties the observed
    /// statistic exactly; with 2,000 permutations ties occur, and are counted as the oracle does.
    @Test func tiesAreCountedLikeTheOracle() throws {
        let x = PointSet([0.1, 0.5, 0.9, 1.7]), y = PointSet([0.3, 1.1, 2.0, 2.4])
        let mmd = try TwoSampleTest.maximumMeanDiscrepancy(x, y, permutations: 2000, seed: 9)
        #expect(mmd.pValue == Self.oracle(x, y, mmd: true, permutations: 2000, seed: 9).1)
        let energy = try TwoSampleTest.energyDistance(x, y, permutations: 2000, seed: 10)
        #expect(energy.pValue == Self.oracle(x, y, mmd: false, permutations: 2000, seed: 10).1)
    }

    /// The 1-D sorted sums of 13 labellings at once (a full group of eight lanes and a partial
    /// one) are those summed pair by pair from the definition, and each lane's bits are those of
    /// its labelling alone.
    @Test func sortedSumsOfABatchAreEachLabellingsOwn() {
        let pooled = Self.sample(67, dimension: 1, shift: 0, seed: 61).values
        var generator = Xoshiro256StarStar(seed: 62)
        let batch = (0..<13).map { _ in pooled.indices.map { _ in generator.nextUniform() < 0.4 } }
        let sorted = SortedDistanceSums(pooled)
        for (inX, sums) in zip(batch, sorted.sums(batch: batch)) {
            let alone = sorted.sums(inX)
            #expect([sums.0, sums.1, sums.2].map(\.bitPattern) == [alone.0, alone.1, alone.2].map(\.bitPattern))
            var direct = (0.0, 0.0, 0.0)
            for i in pooled.indices {
                for j in pooled.indices where j != i {
                    let distance = abs(pooled[i] - pooled[j])
                    switch (inX[i], inX[j]) {
                    case (true, true): direct.0 += distance
                    case (false, false): direct.1 += distance
                    default: direct.2 += distance / 2
                    }
                }
            }
            for (fast, slow) in [(sums.0, direct.0), (sums.1, direct.1), (sums.2, direct.2)] {
                #expect(abs(fast - slow) <= 1e-12 * slow)
            }
        }
    }
}
