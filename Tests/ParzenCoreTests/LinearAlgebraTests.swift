import Foundation
import Testing
@testable import ParzenCore

@Suite struct LinearAlgebraTests {
    /// A = [[4, 2, 2], [2, 5, 3], [2, 3, 6]] has the exact factor
    /// L = [[2, 0, 0], [1, 2, 0], [1, 1, 2]] (multiply out: L·Lᵀ = A), so det A = 64.
    /// Every entry of L is a small integer or its root, computed exactly in binary.
    @Test func choleskyOfIntegerMatrixIsExact() throws {
        let a = Matrix(rows: [[4, 2, 2], [2, 5, 3], [2, 3, 6]])
        let c = try Cholesky(a)
        #expect(c.lower == Matrix(rows: [[2, 0, 0], [1, 2, 0], [1, 1, 2]]))
        #expect(abs(c.logDeterminant - log(64)) < 1e-15)
    }

    /// Solving A·x = b for b = A·(1, −2, 3) must give back (1, −2, 3); the matrix has
    /// condition number ≈ 6, so 1e-14 absolute leaves room for a few ulps per step.
    @Test func solvesRecoverKnownSolution() throws {
        let a = Matrix(rows: [[4, 2, 2], [2, 5, 3], [2, 3, 6]])
        let x = [1.0, -2, 3]
        let c = try Cholesky(a)
        let solved = c.solve(a * x)
        for i in 0..<3 { #expect(abs(solved[i] - x[i]) < 1e-14) }
        // xᵀA x = xᵀ b: with b = A x, bᵀA⁻¹b = xᵀA x.
        let quadratic = zip(x, a * x).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(abs(c.inverseQuadraticForm(a * x) - quadratic) < 1e-12 * quadratic)
        let identity = c.inverse * a
        for i in 0..<3 { for j in 0..<3 { #expect(abs(identity[i, j] - (i == j ? 1 : 0)) < 1e-14) } }
    }

    @Test func choleskyRejectsSingularMatrixWithReason() {
        let singular = Matrix(rows: [[1, 1], [1, 1]])
        #expect {
            try Cholesky(singular)
        } throws: { error in
            let e = error as? ModelError
            return e?.kind == .notPositiveDefinite && e?.description.contains("pivot 2") == true
        }
        #expect(throws: ModelError.self) { try Cholesky(Matrix(rows: [[-1]])) }
        #expect(throws: ModelError.self) { try Cholesky(Matrix(rows: [[Double.nan]])) }
    }

    /// [[2, 1], [1, 2]] has eigenvalues 3 and 1 with eigenvectors (1, 1)/√2 and (1, −1)/√2
    /// (sign fixed so the largest entry is positive; for the tie, the first).
    @Test func eigendecompositionOfTwoByTwo() {
        let e = SymmetricEigendecomposition(Matrix(rows: [[2, 1], [1, 2]]))
        #expect(abs(e.eigenvalues[0] - 3) < 1e-15 && abs(e.eigenvalues[1] - 1) < 1e-15)
        let r = 1 / 2.0.squareRoot()
        #expect(abs(abs(e.eigenvectors[0, 0]) - r) < 1e-15)
        #expect(abs(e.eigenvectors[0, 0] - e.eigenvectors[1, 0]) < 1e-15)
    }

    /// V·Λ·Vᵀ must rebuild a random symmetric 6×6 matrix and V must be orthogonal; entries
    /// are O(1), so 1e-13 allows the ~n·ε·sweeps rounding of the rotations.
    @Test func eigendecompositionReconstructsRandomSymmetricMatrix() {
        var g = Xoshiro256StarStar(seed: 5)
        let n = 6
        var a = Matrix(rows: n, columns: n)
        for i in 0..<n { for j in 0...i { let v = g.nextGaussian(); a[i, j] = v; a[j, i] = v } }
        let e = SymmetricEigendecomposition(a)
        let rebuilt = e.eigenvectors * Matrix(diagonal: e.eigenvalues) * e.eigenvectors.transposed
        for k in 0..<(n * n) { #expect(abs(rebuilt.values[k] - a.values[k]) < 1e-13) }
        let gram = e.eigenvectors.transposed * e.eigenvectors
        for i in 0..<n { for j in 0..<n { #expect(abs(gram[i, j] - (i == j ? 1 : 0)) < 1e-13) } }
        #expect(zip(e.eigenvalues, e.eigenvalues.dropFirst()).allSatisfy { $0 >= $1 })
        // The trace is the sum of eigenvalues.
        #expect(abs(e.eigenvalues.reduce(0, +) - a.trace) < 1e-13)
    }

    /// Points (0,0), (2,0), (0,4), (2,4): mean (1, 2); the (1/N) covariance is diag(1, 4) and
    /// the 1/(N−1) one diag(4/3, 16/3) — all exact in binary except 4/3 and 16/3 (one rounding).
    @Test func covarianceOfSquareCorners() {
        let p = PointSet(points: [[0, 0], [2, 0], [0, 4], [2, 4]])
        #expect(p.mean() == [1, 2])
        #expect(p.covariance() == Matrix(diagonal: [1, 4]))
        #expect(p.covariance(.unbiased) == Matrix(diagonal: [4.0 / 3, 16.0 / 3]))
    }

    /// Data shifted by 1e9: a one-pass Σx² − (Σx)²/N would lose every digit; the two-pass
    /// covariance stays exact because the residuals are exact small integers.
    @Test func covarianceIsShiftInvariant() {
        let p = PointSet([1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4])
        #expect(p.covariance()[0, 0] == 1.25)
    }

    /// `rowProducts` promises the bits of the scalar loop cᵢ + Aᵢ₁v₁ + Aᵢ₂v₂ + … (products added
    /// in column order): checked on shapes with a partial last block of eight vectors, one
    /// vector, a single column, and a thousand draws as the decoders use.
    @Test(arguments: [(1, 3, 2), (7, 20, 16), (8, 1, 1), (9, 16, 1), (1001, 2, 16), (1000, 20, 5)])
    func rowProductsMatchTheScalarLoop(_ shape: (Int, Int, Int)) {
        let (n, rows, columns) = shape
        var generator = Xoshiro256StarStar(seed: UInt64(n * 1000 + rows * 10 + columns))
        let entries = (0..<(rows * columns)).map { _ in generator.nextGaussian() }
        let a = Matrix(rows: rows, columns: columns, values: entries)
        let start = (0..<rows).map { _ in generator.nextGaussian() }
        let vectors = (0..<(n * columns)).map { _ in generator.nextGaussian() }
        let products = vectors.withUnsafeBufferPointer { a.rowProducts($0, count: n, startingFrom: start) }
        var expected: [Double] = []
        for r in 0..<n {
            for i in 0..<rows {
                var s = start[i]
                for j in 0..<columns { s += a[i, j] * vectors[r * columns + j] }
                expected.append(s)
            }
        }
        #expect(products.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    /// Eight back substitutions in SIMD lanes give each lane `solveUpper`'s bits.
    @Test func laneBackSubstitutionIsEachSolve() throws {
        var generator = Xoshiro256StarStar(seed: 77)
        let b = Matrix(rows: 6, columns: 6, values: (0..<36).map { _ in generator.nextGaussian() })
        let factor = try Cholesky((b.transposed * b).addingToDiagonal(1))
        let rhs = (0..<8).map { _ in (0..<6).map { _ in generator.nextGaussian() } }
        var lanes = (0..<6).map { i in SIMD8<Double>((0..<8).map { rhs[$0][i] }) }
        lanes.withUnsafeMutableBufferPointer { factor.solveUpperInPlace(lanes: $0.baseAddress!) }
        for lane in 0..<8 {
            #expect((0..<6).map { lanes[$0][lane].bitPattern } == factor.solveUpper(rhs[lane]).map(\.bitPattern))
        }
    }
}
