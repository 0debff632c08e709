import ParzenCore

/// A density fitted to transformed data z = g(x), seen as a density of x:
///
/// ```
/// log p_X(x) = log p_Z(g(x)) + log|det ∂g/∂x|,   draws: x = g⁻¹(z), z ~ p_Z
/// ```
///
/// (see ``DataTransform``). What `{compare}` and `{plot}` evaluate and sample when the data
/// set has a `transform:`; the fitted model itself stays on the transformed scale.
///
/// Domain: a point outside g's domain (x ≤ 0 for `log`) has density 0, log-density −∞.
/// Cost: the wrapped model's plus O(d) per point.
struct TransformedDensity: DensityModel {
    let model: any DensityModel
    let transform: DataTransform

    var dimension: Int { model.dimension }

    func logDensity(at x: ArraySlice<Double>) -> Double {
        logDensities(at: PointSet(dimension: dimension, values: Array(x)))[0]
    }

    func logDensities(at points: PointSet) -> [Double] {
        var outside = Set<Int>()
        for i in 0..<points.count {
            let point = points[i]
            for (k, column) in transform.columns.enumerated() {
                if let column, !column.accepts(point[point.startIndex + k]) { outside.insert(i) }
            }
        }
        // Points outside the domain are evaluated at a placeholder inside it, then set to −∞.
        let inside = outside.isEmpty ? points : PointSet(dimension: dimension, values: (0..<points.count).flatMap { i in
            outside.contains(i) ? transform.columns.map { $0?.inverse(0) ?? 0 } : Array(points[i])
        })
        let z = transform.apply(inside)
        return zip(model.logDensities(at: z), transform.logJacobians(at: z)).enumerated().map { i, terms in
            outside.contains(i) ? -.infinity : terms.0 + terms.1
        }
    }

    func sample(_ count: Int, using generator: inout Xoshiro256StarStar) -> PointSet {
        transform.inverse(model.sample(count, using: &generator))
    }

    var summary: ModelSummary { model.summary }
}
