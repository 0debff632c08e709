#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Cholesky factorisation A = L·Lᵀ of a symmetric positive definite matrix, L lower
/// triangular with positive diagonal.
///
/// Everything Gaussian in Parzen goes through it: log det A = 2 Σ log Lᵢᵢ, the Mahalanobis
/// form (x − μ)ᵀA⁻¹(x − μ) = ‖L⁻¹(x − μ)‖², and sampling x = μ + L·z with z ∼ N(0, I).
///
/// - Domain: A square and symmetric (only the lower triangle is read); throws
///   `ModelError.notPositiveDefinite` when a pivot is not positive and finite, i.e. A is
///   singular, indefinite or contains NaN.
/// - Accuracy: backward stable; the computed L is the exact factor of A + δA with
///   ‖δA‖ ≲ c·n·ε·‖A‖ (Higham, *Accuracy and Stability of Numerical Algorithms*, 2nd ed.,
///   Thm 10.3). Solves inherit the condition number of A.
/// - Cost: n³/3 multiply-adds to factor; n² per solve.
public struct Cholesky: Sendable, Equatable {
    /// The lower-triangular factor L (entries above the diagonal are zero).
    public let lower: Matrix

    /// Factors `matrix` (the Cholesky–Banachiewicz order, row by row).
    /// - Throws: `ModelError` of kind `.notPositiveDefinite` naming the failing pivot.
    public init(_ matrix: Matrix) throws {
        precondition(matrix.isSquare, "Cholesky needs a square matrix, got \(matrix.rows)×\(matrix.columns)")
        let n = matrix.rows
        var l = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0...i {
                var s = matrix[i, j]
                for k in 0..<j { s -= l[i, k] * l[j, k] }
                if i == j {
                    guard s > 0, s.isFinite else {
                        throw ModelError(
                            .notPositiveDefinite,
                            problem: "the \(n)×\(n) matrix is not positive definite (pivot \(i + 1) is \(s))",
                            fix: "remove constant or collinear columns, or add a small ridge to the diagonal")
                    }
                    l[i, i] = s.squareRoot()
                } else {
                    l[i, j] = s / l[j, j]
                }
            }
        }
        lower = l
    }

    /// The order n of the factored matrix.
    public var dimension: Int { lower.rows }

    /// log det A = 2 Σᵢ log Lᵢᵢ (never overflows, unlike det A itself).
    public var logDeterminant: Double {
        var s = 0.0
        for i in 0..<dimension { s += log(lower[i, i]) }
        return 2 * s
    }

    /// Solves L·y = b by forward substitution.
    public func solveLower(_ b: [Double]) -> [Double] {
        let n = dimension
        precondition(b.count == n, "right-hand side has length \(b.count), expected \(n)")
        var y = b
        for i in 0..<n {
            var s = y[i]
            for k in 0..<i { s -= lower.values[i * n + k] * y[k] }
            y[i] = s / lower.values[i * n + i]
        }
        return y
    }

    /// Solves Lᵀ·x = y by back substitution.
    public func solveUpper(_ y: [Double]) -> [Double] {
        precondition(y.count == dimension, "right-hand side has length \(y.count), expected \(dimension)")
        var x = y
        lower.values.withUnsafeBufferPointer { l in
            for i in stride(from: dimension - 1, through: 0, by: -1) {
                var s = x[i]
                for k in (i + 1)..<dimension { s -= l[k * dimension + i] * x[k] }
                x[i] = s / l[i * dimension + i]
            }
        }
        return x
    }

    /// Lᵀ·x = y by back substitution for eight right-hand sides at once, one per SIMD lane,
    /// overwriting the n SIMD values at `x` (coordinate i of all eight; y on entry, x on
    /// return): the operations of `solveUpper` in the same order in each lane, so each lane is
    /// that solve's bit for bit. Cost: n²/2 SIMD multiply-adds.
    func solveUpperInPlace(lanes x: UnsafeMutablePointer<SIMD8<Double>>) {
        let n = dimension
        lower.values.withUnsafeBufferPointer { l in
            for i in stride(from: n - 1, through: 0, by: -1) {
                var s = x[i]
                for k in (i + 1)..<n { s -= l[k * n + i] * x[k] }
                x[i] = s / l[i * n + i]
            }
        }
    }

    /// Solves A·x = b (two triangular solves).
    public func solve(_ b: [Double]) -> [Double] {
        solveUpper(solveLower(b))
    }

    /// The quadratic form bᵀA⁻¹b = ‖L⁻¹b‖², the squared Mahalanobis length of b.
    public func inverseQuadraticForm(_ b: [Double]) -> Double {
        solveLower(b).reduce(0) { $0 + $1 * $1 }
    }

    /// L·z, which maps standard normal draws z to draws with covariance A.
    public func multiplyLower(_ z: [Double]) -> [Double] {
        let n = dimension
        precondition(z.count == n, "vector has length \(z.count), expected \(n)")
        var y = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = 0.0
            for k in 0...i { s += lower.values[i * n + k] * z[k] }
            y[i] = s
        }
        return y
    }

    /// A⁻¹, column by column (n solves); for small matrices where the inverse itself is
    /// needed (a trace tr(A⁻¹B)); prefer `solve(_:)` for a single system.
    public var inverse: Matrix {
        let n = dimension
        var inv = Matrix(rows: n, columns: n)
        for j in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[j] = 1
            let x = solve(e)
            for i in 0..<n { inv[i, j] = x[i] }
        }
        return inv.symmetrized
    }
}
