#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Gamma(α, 1) draws by Marsaglia & Tsang's squeeze method, for the Student-t's χ² mixing
/// variable.
///
/// ```
/// α ≥ 1:  d = α − 1/3, c = 1/√(9d); repeat z ∼ N(0,1), v = (1 + cz)³ until v > 0 and
///         log u < ½z² + d − dv + d log v; return d·v
/// α < 1:  Gamma(α + 1) · u^{1/α}   (u uniform on (0, 1))
/// ```
/// Exact (a rejection method, no approximation); ~1.03 normals per draw for α ≥ 1.
/// Reference: G. Marsaglia and W. W. Tsang, "A simple method for generating gamma
/// variables", ACM TOMS 26(3), 2000.
enum GammaVariate {
    static func next(shape alpha: Double, using generator: inout Xoshiro256StarStar) -> Double {
        precondition(alpha > 0, "a gamma shape must be positive")
        if alpha < 1 {
            let u = generator.nextOpenUniform()
            return next(shape: alpha + 1, using: &generator) * pow(u, 1 / alpha)
        }
        let d = alpha - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            let z = generator.nextGaussian()
            let t = 1 + c * z
            guard t > 0 else { continue }
            let v = t * t * t
            let u = generator.nextOpenUniform()
            if log(u) < 0.5 * z * z + d - d * v + d * log(v) { return d * v }
        }
    }
}
