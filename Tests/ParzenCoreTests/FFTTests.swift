import Foundation
import Testing
@testable import ParzenCore

@Suite struct FFTTests {
    /// The O(n²) definition, summed with angles reduced modulo n so cos/sin stay exact.
    func naiveDFT(_ re: [Double], _ im: [Double]) -> ([Double], [Double]) {
        let n = re.count
        var outR = [Double](repeating: 0, count: n), outI = outR
        for k in 0..<n {
            for j in 0..<n {
                let angle = -2 * Double.pi * Double((j * k) % n) / Double(n)
                outR[k] += re[j] * cos(angle) - im[j] * sin(angle)
                outI[k] += re[j] * sin(angle) + im[j] * cos(angle)
            }
        }
        return (outR, outI)
    }

    /// Agreement with the definition to 1e-13·Σ|x| (rounding grows like ε·log n for the FFT
    /// and ε·√n for the naive sum).
    @Test(arguments: [1, 2, 4, 8, 64, 512])
    func complexTransformMatchesTheDefinition(_ n: Int) {
        var g = Xoshiro256StarStar(seed: UInt64(n))
        var re = (0..<n).map { _ in g.nextGaussian() }, im = (0..<n).map { _ in g.nextGaussian() }
        let (expectedR, expectedI) = naiveDFT(re, im)
        let scale = re.map(abs).reduce(0, +) + im.map(abs).reduce(0, +)
        let (originalR, originalI) = (re, im)
        let plan = FastFourierTransform(count: n)
        plan.forward(real: &re, imaginary: &im)
        for k in 0..<n {
            #expect(abs(re[k] - expectedR[k]) < 1e-13 * scale)
            #expect(abs(im[k] - expectedI[k]) < 1e-13 * scale)
        }
        plan.inverse(real: &re, imaginary: &im)
        for k in 0..<n {
            #expect(abs(re[k] - originalR[k]) < 1e-14 * scale)
            #expect(abs(im[k] - originalI[k]) < 1e-14 * scale)
        }
    }

    @Test(arguments: [4, 8, 16, 256, 1024])
    func realTransformMatchesTheDefinitionAndInverts(_ n: Int) {
        var g = Xoshiro256StarStar(seed: 99)
        let x = (0..<n).map { _ in g.nextGaussian() }
        let (expectedR, expectedI) = naiveDFT(x, [Double](repeating: 0, count: n))
        let plan = RealFourierTransform(count: n)
        let (re, im) = plan.forward(x)
        let scale = x.map(abs).reduce(0, +)
        for k in 0...(n / 2) {
            #expect(abs(re[k] - expectedR[k]) < 1e-13 * scale, "n=\(n) k=\(k)")
            #expect(abs(im[k] - expectedI[k]) < 1e-13 * scale, "n=\(n) k=\(k)")
        }
        let back = plan.inverse(real: re, imaginary: im)
        for j in 0..<n { #expect(abs(back[j] - x[j]) < 1e-14 * scale) }
    }

    /// The octant-symmetric roots of unity against direct cos/sin of each angle: both are
    /// within an ulp or so of the true value, so they agree to 4e-16 absolute.
    @Test(arguments: [1, 2, 4, 8, 64, 4096])
    func rootsOfUnityMatchDirectEvaluation(_ n: Int) {
        let (c, s) = UnitCircle.roots(n)
        for k in 0...(n / 2) {
            let angle = -2 * Double.pi * Double(k) / Double(n)
            #expect(abs(c[k] - cos(angle)) < 4e-16 && abs(s[k] - sin(angle)) < 4e-16, "n=\(n) k=\(k)")
        }
    }
}
