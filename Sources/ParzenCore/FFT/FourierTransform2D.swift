/// The 2-D discrete Fourier transform of a `columns` × `rows` array (row-major, both powers of
/// two) by 1-D transforms of every row, then of every column; used for 2-D convolutions with
/// kernels that do not factor into a product of 1-D kernels.
///
/// - Cost: rows·columns·log₂(rows·columns) butterflies; each column is copied to a
///   contiguous buffer so the butterflies stay cache-friendly.
struct FourierTransform2D {
    let columns: Int
    let rows: Int

    /// a ⊛ b, circular in both directions, for real arrays of `columns` × `rows` values.
    func circularConvolution(_ a: [Double], _ b: [Double]) -> [Double] {
        var (ar, ai) = (a, [Double](repeating: 0, count: a.count))
        var (br, bi) = (b, [Double](repeating: 0, count: b.count))
        transform(&ar, &ai, inverse: false)
        transform(&br, &bi, inverse: false)
        for k in 0..<ar.count {
            let r = ar[k] * br[k] - ai[k] * bi[k]
            ai[k] = ar[k] * bi[k] + ai[k] * br[k]
            ar[k] = r
        }
        transform(&ar, &ai, inverse: true)
        let scale = 1 / Double(columns * rows)
        return ar.map { $0 * scale }
    }

    /// In place; the inverse is unscaled.
    private func transform(_ re: inout [Double], _ im: inout [Double], inverse: Bool) {
        let rowPlan = FastFourierTransform(count: columns), columnPlan = FastFourierTransform(count: rows)
        re.withUnsafeMutableBufferPointer { r in
            im.withUnsafeMutableBufferPointer { i in
                for j in 0..<rows {
                    rowPlan.transform(r.baseAddress! + j * columns, i.baseAddress! + j * columns, inverse: inverse)
                }
                var cr = [Double](repeating: 0, count: rows), ci = cr
                for c in 0..<columns {
                    for j in 0..<rows { cr[j] = r[j * columns + c]; ci[j] = i[j * columns + c] }
                    cr.withUnsafeMutableBufferPointer { pr in
                        ci.withUnsafeMutableBufferPointer { pi in
                            columnPlan.transform(pr.baseAddress!, pi.baseAddress!, inverse: inverse)
                        }
                    }
                    for j in 0..<rows { r[j * columns + c] = cr[j]; i[j * columns + c] = ci[j] }
                }
            }
        }
    }
}
