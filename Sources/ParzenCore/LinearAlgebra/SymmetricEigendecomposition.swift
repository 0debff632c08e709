/// The eigendecomposition A = V·Λ·Vᵀ of a real symmetric matrix by the cyclic Jacobi method.
///
/// Eigenvalues are sorted in decreasing order (the order of principal components); the
/// eigenvectors are the columns of V, orthonormal, each signed so that its entry of largest
/// magnitude is positive, so the result is reproducible.
///
/// Why Jacobi: at Parzen's sizes (d ≲ 50) its n³ sweeps are cheap, it needs no tridiagonal
/// reduction, and it computes small eigenvalues to high *relative* accuracy (Demmel &
/// Veselić, SIAM J. Matrix Anal. Appl. 13(4), 1992), which matters for the discarded
/// variances that give pPCA its σ².
///
/// - Domain: A square; only ½(A + Aᵀ) is used. NaN entries give NaN results.
/// - Accuracy: eigenvalues within a few ε·‖A‖ (absolute), vectors orthonormal to ~n·ε;
///   sweeps stop when the off-diagonal mass is below (ε·‖A‖_F)².
/// - Cost: about 6–10 sweeps of ~3n³ flops each.
/// - Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., §8.5 (cyclic Jacobi).
public struct SymmetricEigendecomposition: Sendable, Equatable {
    /// The eigenvalues λ₁ ≥ λ₂ ≥ … ≥ λₙ.
    public let eigenvalues: [Double]
    /// The eigenvectors as columns: column j belongs to `eigenvalues[j]`.
    public let eigenvectors: Matrix

    /// Diagonalises the symmetric part of `matrix`.
    public init(_ matrix: Matrix) {
        precondition(matrix.isSquare, "an eigendecomposition needs a square matrix")
        let n = matrix.rows
        var a = matrix.symmetrized
        var v = Matrix.identity(n)
        let frobeniusSquared = a.values.reduce(0) { $0 + $1 * $1 }
        let threshold = frobeniusSquared * Double.ulpOfOne * Double.ulpOfOne
        for _ in 0..<100 {
            var offDiagonal = 0.0
            for p in 0..<n { for q in 0..<n where p != q { offDiagonal += a[p, q] * a[p, q] } }
            if !(offDiagonal > threshold) { break }
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n {
                    let apq = a[p, q]
                    if apq == 0 { continue }
                    // Rotation angle that zeroes a[p, q]: t = tan φ is the smaller root of
                    // t² + 2θt − 1 = 0 with θ = (a_qq − a_pp) / (2 a_pq) (Golub & Van Loan 8.5.2).
                    let theta = (a[q, q] - a[p, p]) / (2 * apq)
                    let t: Double
                    if abs(theta) > 1e150 {
                        t = 1 / (2 * theta)  // θ² would overflow; t ≈ 1/(2θ) to full precision
                    } else {
                        t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    }
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let akp = a[k, p], akq = a[k, q]
                        a[k, p] = c * akp - s * akq
                        a[k, q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p, k], aqk = a[q, k]
                        a[p, k] = c * apk - s * aqk
                        a[q, k] = s * apk + c * aqk
                    }
                    a[p, q] = 0
                    a[q, p] = 0
                    for k in 0..<n {
                        let vkp = v[k, p], vkq = v[k, q]
                        v[k, p] = c * vkp - s * vkq
                        v[k, q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0, $0] > a[$1, $1] || (a[$0, $0] == a[$1, $1] && $0 < $1) }
        var vectors = Matrix(rows: n, columns: n)
        for (j, source) in order.enumerated() {
            let column = v.column(source)
            let largest = column.indices.max { abs(column[$0]) < abs(column[$1]) } ?? 0
            let sign: Double = column.isEmpty || column[largest] >= 0 ? 1 : -1
            for i in 0..<n { vectors[i, j] = sign * column[i] }
        }
        eigenvalues = order.map { a[$0, $0] }
        eigenvectors = vectors
    }
}
