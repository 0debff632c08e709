/// A seeded partition of point indices into a training part and a held-out part, the
/// honest way to compare models: fit on `train`, report the NLL on `heldOut`.
///
/// Shuffling is Fisher–Yates driven by `Xoshiro256StarStar.nextIndex(below:)`: for
/// i = N−1 down to 1, swap position i with a uniform position in 0...i. The same seed gives
/// the same split on every machine. Indices within each part are returned sorted, so the
/// parts read in data order.
public struct DataSplit: Sendable, Equatable, Codable {
    /// Indices of the points to fit on, increasing.
    public let train: [Int]
    /// Indices of the points to evaluate on, increasing.
    public let heldOut: [Int]

    /// A random train/held-out split of `count` points with round(`heldOutFraction`·N)
    /// held out (at least 1, and at least 1 left to train on).
    /// - Throws: `ModelError` when N < 2 or the fraction is outside (0, 1).
    public static func random(count: Int, heldOutFraction: Double, seed: UInt64) throws -> DataSplit {
        guard count >= 2 else { throw ModelError.tooFewPoints("a train/held-out split", needed: 2, got: count) }
        guard heldOutFraction > 0, heldOutFraction < 1 else {
            throw ModelError.invalidParameter(
                "the held-out fraction", "\(heldOutFraction)", expected: "a fraction strictly between 0 and 1, e.g. 0.2"
            )
        }
        let heldOutCount = min(max(Int((heldOutFraction * Double(count)).rounded()), 1), count - 1)
        let order = shuffledIndices(count, seed: seed)
        return DataSplit(train: order[heldOutCount...].sorted(), heldOut: order[..<heldOutCount].sorted())
    }

    /// The k splits of k-fold cross-validation: the shuffled indices are cut into k folds
    /// whose sizes differ by at most one (the first N mod k folds get the extra point, as in
    /// scikit-learn's `KFold`); split j holds out fold j and trains on the rest.
    /// - Throws: `ModelError` when k < 2 or k > N.
    public static func kFold(count: Int, folds k: Int, seed: UInt64) throws -> [DataSplit] {
        guard k >= 2 else {
            throw ModelError.invalidParameter("the number of folds", "\(k)", expected: "at least 2 folds")
        }
        guard count >= k else { throw ModelError.tooFewPoints("\(k)-fold cross-validation", needed: k, got: count) }
        let order = shuffledIndices(count, seed: seed)
        var splits: [DataSplit] = []
        var start = 0
        for j in 0..<k {
            let size = count / k + (j < count % k ? 1 : 0)
            let fold = order[start..<(start + size)]
            let rest = order[..<start] + order[(start + size)...]
            splits.append(DataSplit(train: rest.sorted(), heldOut: fold.sorted()))
            start += size
        }
        return splits
    }

    /// The split that holds out the given rows (0-based indices, in any order) and trains on
    /// the others: a test set fixed by position, such as the last 100 of 500 points.
    /// - Throws: `ModelError` when an index is outside 0..<count or repeated, or when the
    ///   rows leave no point on either side.
    public static func holdingOut(_ rows: [Int], count: Int) throws -> DataSplit {
        var isHeldOut = [Bool](repeating: false, count: count)
        for row in rows {
            guard row >= 0, row < count else {
                throw ModelError.invalidParameter("the held-out row", "\(row + 1)", expected: "rows 1 to \(count)")
            }
            guard !isHeldOut[row] else {
                throw ModelError.invalidParameter("the held-out row", "\(row + 1)", expected: "each row once")
            }
            isHeldOut[row] = true
        }
        guard !rows.isEmpty, rows.count < count else {
            throw ModelError(.invalidParameter,
                             problem: "holding out \(rows.count) of \(count) points leaves "
                                 + (rows.isEmpty ? "nothing held out" : "nothing to train on"),
                             fix: "hold out at least 1 and at most \(count - 1) points")
        }
        let indices = Array(0..<count)
        return DataSplit(train: indices.filter { !isHeldOut[$0] }, heldOut: indices.filter { isHeldOut[$0] })
    }

    /// The two parts of `points`.
    public func apply(to points: PointSet) -> (train: PointSet, heldOut: PointSet) {
        (points.selecting(train), points.selecting(heldOut))
    }

    private static func shuffledIndices(_ count: Int, seed: UInt64) -> [Int] {
        var generator = Xoshiro256StarStar(seed: seed)
        var order = Array(0..<count)
        for i in stride(from: count - 1, to: 0, by: -1) {
            order.swapAt(i, generator.nextIndex(below: i + 1))
        }
        return order
    }
}
