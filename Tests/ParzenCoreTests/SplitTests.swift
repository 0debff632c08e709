import Testing
@testable import ParzenCore

@Suite struct SplitTests {
    @Test func randomSplitPartitionsIndices() throws {
        let split = try DataSplit.random(count: 10, heldOutFraction: 0.2, seed: 4)
        #expect(split.heldOut.count == 2 && split.train.count == 8)
        #expect(Set(split.train + split.heldOut) == Set(0..<10))
        #expect(split.train == split.train.sorted())
        #expect(try DataSplit.random(count: 10, heldOutFraction: 0.2, seed: 4) == split)
        #expect(try DataSplit.random(count: 10, heldOutFraction: 0.2, seed: 5) != split)
        // Tiny fractions still hold out one point; huge ones leave one to train on.
        #expect(try DataSplit.random(count: 10, heldOutFraction: 0.01, seed: 1).heldOut.count == 1)
        #expect(try DataSplit.random(count: 10, heldOutFraction: 0.99, seed: 1).train.count == 1)
        let parts = split.apply(to: PointSet((0..<10).map(Double.init)))
        #expect(parts.heldOut.values == split.heldOut.map(Double.init))
    }

    /// 10 points in 3 folds: sizes 4, 3, 3 (the first N mod k folds are one larger, as in
    /// scikit-learn's KFold); every index is held out exactly once.
    @Test func kFoldHoldsOutEachIndexOnce() throws {
        let folds = try DataSplit.kFold(count: 10, folds: 3, seed: 0)
        #expect(folds.map(\.heldOut.count) == [4, 3, 3])
        #expect(folds.flatMap(\.heldOut).sorted() == Array(0..<10))
        for f in folds { #expect(Set(f.train).isDisjoint(with: f.heldOut) && f.train.count + f.heldOut.count == 10) }
    }

    @Test func badSplitsThrow() {
        #expect(throws: ModelError.self) { try DataSplit.random(count: 1, heldOutFraction: 0.5, seed: 0) }
        #expect(throws: ModelError.self) { try DataSplit.random(count: 10, heldOutFraction: 1, seed: 0) }
        #expect(throws: ModelError.self) { try DataSplit.kFold(count: 3, folds: 4, seed: 0) }
        #expect(throws: ModelError.self) { try DataSplit.kFold(count: 3, folds: 1, seed: 0) }
    }

    /// Rows given in any order: held out sorted, the rest trained on, nothing shuffled.
    @Test func holdingOutGivenRows() throws {
        let split = try DataSplit.holdingOut([9, 2, 5], count: 10)
        #expect(split.heldOut == [2, 5, 9] && split.train == [0, 1, 3, 4, 6, 7, 8])
        #expect(throws: ModelError.self) { try DataSplit.holdingOut([10], count: 10) }
        #expect(throws: ModelError.self) { try DataSplit.holdingOut([1, 1], count: 10) }
        #expect(throws: ModelError.self) { try DataSplit.holdingOut([], count: 10) }
        #expect(throws: ModelError.self) { try DataSplit.holdingOut([0, 1], count: 2) }
    }
}
