/// A dense real matrix, row-major: entry (i, j) is `values[i * columns + j]`.
///
/// Parzen's matrices are small (d × d covariances with d ≲ 50, d × k loadings), so this is a
/// plain value type with the few operations the models need, written for clarity; there is
/// no BLAS behind it. Products cost O(n·m·p).
public struct Matrix: Sendable, Equatable, Codable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// All entries, row-major; `values.count == rows * columns`.
    public var values: [Double]

    /// Creates a matrix from row-major entries.
    /// - Precondition: `values.count == rows * columns`.
    public init(rows: Int, columns: Int, values: [Double]) {
        precondition(rows >= 0 && columns >= 0 && values.count == rows * columns,
                     "a \(rows)×\(columns) matrix needs \(rows * columns) values, got \(values.count)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.init(rows: rows, columns: columns, values: [Double](repeating: value, count: rows * columns))
    }

    /// A matrix from its rows, all of the same length.
    public init(rows list: [[Double]]) {
        let c = list.first?.count ?? 0
        precondition(list.allSatisfy { $0.count == c }, "all rows must have the same length")
        self.init(rows: list.count, columns: c, values: list.flatMap { $0 })
    }

    /// The square matrix with `diagonal` on its diagonal and zeros elsewhere.
    public init(diagonal: [Double]) {
        let n = diagonal.count
        self.init(rows: n, columns: n)
        for i in 0..<n { values[i * n + i] = diagonal[i] }
    }

    /// The n × n identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        Matrix(diagonal: [Double](repeating: 1, count: n))
    }

    /// Entry (i, j).
    public subscript(i: Int, j: Int) -> Double {
        get { values[i * columns + j] }
        set { values[i * columns + j] = newValue }
    }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// Row i as an array.
    public func row(_ i: Int) -> [Double] {
        Array(values[(i * columns)..<((i + 1) * columns)])
    }

    /// Column j as an array.
    public func column(_ j: Int) -> [Double] {
        (0..<rows).map { self[$0, j] }
    }

    /// The diagonal entries (of the leading square part).
    public var diagonal: [Double] {
        (0..<Swift.min(rows, columns)).map { self[$0, $0] }
    }

    /// The sum of the diagonal entries, tr A.
    public var trace: Double { diagonal.reduce(0, +) }

    /// Aᵀ.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for i in 0..<rows {
            for j in 0..<columns { t[j, i] = self[i, j] }
        }
        return t
    }

    /// Whether A = Aᵀ exactly (entry by entry).
    public var isSymmetric: Bool {
        guard isSquare else { return false }
        for i in 0..<rows {
            for j in 0..<i where self[i, j] != self[j, i] { return false }
        }
        return true
    }

    /// The matrix product A·B.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "cannot multiply \(a.rows)×\(a.columns) by \(b.rows)×\(b.columns)")
        var c = Matrix(rows: a.rows, columns: b.columns)
        for i in 0..<a.rows {
            for k in 0..<a.columns {
                let aik = a[i, k]
                if aik == 0 { continue }
                for j in 0..<b.columns { c.values[i * b.columns + j] += aik * b.values[k * b.columns + j] }
            }
        }
        return c
    }

    /// The matrix–vector product A·x.
    public static func * (a: Matrix, x: [Double]) -> [Double] {
        precondition(a.columns == x.count, "cannot multiply \(a.rows)×\(a.columns) by a vector of length \(x.count)")
        var y = [Double](repeating: 0, count: a.rows)
        for i in 0..<a.rows {
            var s = 0.0
            for j in 0..<a.columns { s += a.values[i * a.columns + j] * x[j] }
            y[i] = s
        }
        return y
    }

    /// The scalar multiple s·A.
    public static func * (s: Double, a: Matrix) -> Matrix {
        Matrix(rows: a.rows, columns: a.columns, values: a.values.map { s * $0 })
    }

    /// The entrywise sum A + B.
    public static func + (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shapes differ")
        return Matrix(rows: a.rows, columns: a.columns, values: zip(a.values, b.values).map(+))
    }

    /// The entrywise difference A − B.
    public static func - (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.rows == b.rows && a.columns == b.columns, "shapes differ")
        return Matrix(rows: a.rows, columns: a.columns, values: zip(a.values, b.values).map(-))
    }

    /// A + s·I: adds `s` to every diagonal entry (a ridge or jitter).
    public func addingToDiagonal(_ s: Double) -> Matrix {
        precondition(isSquare, "only a square matrix has a diagonal to shift")
        var m = self
        for i in 0..<rows { m[i, i] += s }
        return m
    }

    /// ½(A + Aᵀ): removes rounding asymmetry before a factorisation that assumes symmetry.
    public var symmetrized: Matrix {
        precondition(isSquare, "only a square matrix can be symmetrised")
        var m = self
        for i in 0..<rows {
            for j in 0..<i {
                let v = 0.5 * (self[i, j] + self[j, i])
                m[i, j] = v
                m[j, i] = v
            }
        }
        return m
    }
}
