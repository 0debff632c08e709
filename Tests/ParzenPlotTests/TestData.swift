import Foundation

/// Seeded test data: SplitMix64 (Steele, Lea & Flood 2014) and Box–Muller normals, so every
/// run draws the same numbers without depending on ParzenCore.
struct TestData {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func uniform() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(UInt64(1) << 53)
    }

    mutating func normal() -> Double {
        let u = max(uniform(), .leastNormalMagnitude), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// A two-component mixture like the eruption durations: 35 % around 2, 65 % around 4.3.
    mutating func bimodal(_ count: Int) -> [Double] {
        (0..<count).map { _ in uniform() < 0.35 ? 2 + 0.3 * normal() : 4.3 + 0.4 * normal() }
    }

    static func gaussian(_ x: Double, mean: Double, sd: Double) -> Double {
        exp(-0.5 * (x - mean) * (x - mean) / (sd * sd)) / (sd * (2 * Double.pi).squareRoot())
    }
}
