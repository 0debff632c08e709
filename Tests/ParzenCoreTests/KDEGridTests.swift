import Foundation
import Testing
@testable import ParzenCore

@Suite struct KDEGridTests {
    func mixture(_ n: Int, seed: UInt64) -> [Double] {
        var g = Xoshiro256StarStar(seed: seed)
        return (0..<n).map { _ in g.nextUniform() < 0.6 ? -1.5 + 0.5 * g.nextGaussian() : 2 + g.nextGaussian() }
    }

    /// The binned FFT path against the exact sum (the slow oracle) at every one of 2048 grid
    /// points over the data's range ± 3h, tails included: the bound is 1e-5 relative.
    @Test(arguments: [0.05, 0.2, 1.0])
    func binnedGridMatchesTheExactSumToOneInTenToTheFifth(_ h: Double) throws {
        let data = mixture(3000, seed: 4)
        let kde = try KernelDensityEstimate(data: PointSet(data), bandwidth: .standardDeviation(h))
        let a = data.min()! - 3 * h, b = data.max()! + 3 * h
        let grid = kde.densityOnGrid(from: a, to: b, count: 2048)
        let exact = kde.logDensities(at: PointSet((0..<2048).map { a + Double($0) * (b - a) / 2047 })).map { exp($0) }
        var worst = 0.0
        for k in 0..<2048 { worst = max(worst, abs(grid[k] - exact[k]) / exact[k]) }
        #expect(worst < 1e-5, "h = \(h): max relative error \(worst)")
    }

    /// Compact kernels have kinks at ±h, where linear binning is only first-order accurate;
    /// inside the data's range the error stays below 1e-3 relative to the peak.
    @Test(arguments: [Kernel.epanechnikov, .biweight, .cosine, .exponential])
    func binnedGridWorksForOtherKernels(_ kernel: Kernel) throws {
        let data = mixture(1000, seed: 6)
        let kde = try KernelDensityEstimate(data: PointSet(data), kernel: kernel, bandwidth: .standardDeviation(0.4))
        let grid = kde.densityOnGrid(from: -4, to: 5, count: 300)
        let exact = kde.logDensities(at: PointSet((0..<300).map { -4 + Double($0) * 9 / 299 })).map { exp($0) }
        let peak = exact.max()!
        for k in 0..<300 { #expect(abs(grid[k] - exact[k]) < 1e-3 * peak, "\(kernel.name) at \(k)") }
    }
}
