#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one random number generator of Parzen: xoshiro256** (Blackman & Vigna, 2018),
/// seeded through SplitMix64 so that a single `UInt64` seed fixes every draw.
///
/// The same seed gives the same stream on every machine and every Swift version, because
/// nothing here depends on the standard library's unspecified algorithms: the state
/// update, `nextUniform()` and `nextGaussian()` are all written out below. Never use
/// `SystemRandomNumberGenerator` in Parzen; reports must be byte-identical across runs.
///
/// Reference: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47(4), 2021. <https://prng.di.unimi.it/>
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A Gaussian draw kept from the last polar pair, so every pair yields two normals.
    private var spareGaussian: Double?

    /// Creates a generator whose whole stream is fixed by `seed`.
    ///
    /// The 256-bit state is filled with four outputs of SplitMix64 started at `seed`, as the
    /// authors recommend; this never yields the forbidden all-zero state.
    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    /// A uniform draw from [0, 1): the top 53 bits of `next()` times 2⁻⁵³.
    ///
    /// Every value is a multiple of 2⁻⁵³, so the result is exactly representable and never 1.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform draw from the open interval (0, 1), for logarithms: `(k + 0.5) · 2⁻⁵³`.
    public mutating func nextOpenUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A standard normal draw by Marsaglia's polar method.
    ///
    /// Pairs (u, v) uniform on (−1, 1)² are rejected until s = u² + v² ∈ (0, 1); then
    /// u·√(−2 ln s / s) and v·√(−2 ln s / s) are independent N(0, 1). The second value is
    /// kept for the next call. Only `sqrt` and `log` are used, both correctly rounded or
    /// faithfully rounded by glibc, so streams agree across x86-64 and arm64 Linux.
    public mutating func nextGaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        while true {
            let u = 2 * nextUniform() - 1
            let v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * log(s) / s).squareRoot()
                spareGaussian = v * factor
                return u * factor
            }
        }
    }

    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject method (no modulo bias).
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "nextIndex(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }
}

private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}
