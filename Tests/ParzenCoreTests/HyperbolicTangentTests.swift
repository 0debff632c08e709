import Foundation
import Testing
@testable import ParzenCore

/// The vectorised tanh of the tanh decoder against glibc's `tanh`.
@Suite struct HyperbolicTangentTests {
    /// 10⁵ points log-uniform over 10⁻¹²…25, both signs (so both branches, the switch at
    /// 1/8 and the clamp at 20 are crossed): within 4 ulp of libm, the bound measured on 10⁶.
    @Test func agreesWithLibmWithinFourUlp() {
        var generator = Xoshiro256StarStar(seed: 15)
        var values = (0..<100_000).map { i in
            let magnitude = pow(10, -12 + generator.nextUniform() * (12 + log10(25.0)))
            return i.isMultiple(of: 2) ? magnitude : -magnitude
        }
        let arguments = values
        values.withUnsafeMutableBufferPointer { hyperbolicTangents($0) }
        let worst = zip(values, arguments).map { abs($0 - tanh($1)) / tanh($1).ulp }.max()!
        #expect(worst <= 4)
    }

    /// Exact and special values: ±0 keep their sign, ±∞ and large |x| give ±1, NaN stays NaN,
    /// a subnormal is its own tanh; a buffer whose length is not a multiple of 8 is covered.
    @Test func specialValues() {
        var values: [Double] = [0, -0.0, .infinity, -.infinity, 19.5, -700, .nan, 1e-310, 0.125, -0.125]
        values.withUnsafeMutableBufferPointer { hyperbolicTangents($0) }
        #expect(values[0] == 0 && values[0].sign == .plus)
        #expect(values[1] == 0 && values[1].sign == .minus)
        #expect(values[2] == 1 && values[3] == -1 && values[4] == 1 && values[5] == -1)
        #expect(values[6].isNaN)
        #expect(values[7] == 1e-310)
        #expect(abs(values[8] - tanh(0.125)) <= 2 * tanh(0.125).ulp && values[9] == -values[8])
    }
}
