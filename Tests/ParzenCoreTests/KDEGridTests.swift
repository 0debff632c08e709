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

@Suite struct KDEGrid2DTests {
    /// The 2-D grid against the exact O(N·M) sum: separable Gaussian (scalar and diagonal H), a
    /// correlated H (2-D FFT path) and a compact kernel. The Gaussian is binned with 6 × 6
    /// Lagrange weights: ≤ 1e-4 relative where p > 1e-3 of its peak and ≤ 1e-1 in the far tails
    /// (p > 1e-10 of the peak, ~7σ from the nearest point, where the interpolation error grows
    /// like t⁶; the output grid reaches 3 units past the data on every side, its step ≈ 0.4σ).
    /// The compact kernel is binned bilinearly, and its kinks give 2e-2 of the peak.
    @Test func binnedGridMatchesTheExactSum() throws {
        var g = Xoshiro256StarStar(seed: 12)
        var values: [Double] = []
        for _ in 0..<800 { values += [g.nextUniform() < 0.6 ? -1.5 + 0.5 * g.nextGaussian() : 2 + g.nextGaussian(), g.nextGaussian()] }
        let data = PointSet(dimension: 2, values: values)
        let cases: [(Kernel, Bandwidth, body: Double, tails: Double)] = [
            (.gaussian, .standardDeviation(0.3), 1e-4, 1e-1),
            (.gaussian, .matrix(Matrix(diagonal: [0.09, 0.25])), 1e-4, 1e-1),
            (.gaussian, .matrix(Matrix(rows: [[0.09, 0.05], [0.05, 0.25]])), 1e-4, 1e-1),
            (.epanechnikov, .standardDeviation(0.6), 2e-2, 2e-2),
        ]
        for (kernel, bandwidth, bodyTolerance, tailTolerance) in cases {
            let kde = try KernelDensityEstimate(data: data, kernel: kernel, bandwidth: bandwidth)
            let (nx, ny) = (120, 100)
            let grid = kde.densityOnGrid(x: -7...8, y: -6...6, counts: (nx, ny))
            var points: [Double] = []
            for j in 0..<ny { for i in 0..<nx { points += [-7 + 15 * Double(i) / Double(nx - 1), -6 + 12 * Double(j) / Double(ny - 1)] } }
            let exact = kde.logDensities(at: PointSet(dimension: 2, values: points)).map { exp($0) }
            let peak = exact.max()!
            var (body, tails) = (0.0, 0.0)
            for k in 0..<exact.count {
                if kernel.supportRadius.isFinite {
                    body = max(body, abs(grid[k] - exact[k]) / peak)
                    continue
                }
                guard exact[k] >= 1e-10 * peak else { continue }
                let error = abs(grid[k] - exact[k]) / exact[k]
                tails = max(tails, error)
                if exact[k] >= 1e-3 * peak { body = max(body, error) }
            }
            #expect(body <= bodyTolerance, "\(kernel.name) \(bandwidth): worst error \(body) where p > 1e-3 peak")
            #expect(tails <= tailTolerance, "\(kernel.name) \(bandwidth): worst error \(tails) in the tails")
        }
    }

    /// A bandwidth wide against the grid makes the kernel long, and the separable passes then
    /// take the FFT instead of direct sums: the same accuracy either way.
    @Test func wideKernelsTakeTheTransformAndStayAccurate() throws {
        var g = Xoshiro256StarStar(seed: 13)
        let values = (0..<400).flatMap { _ in [g.nextGaussian(), g.nextGaussian()] }
        let kde = try KernelDensityEstimate(data: PointSet(dimension: 2, values: values), bandwidth: .standardDeviation(2))
        let axis = FineAxis(range: -5...5, count: 200, largestStep: 2 * KernelDensityEstimate.gaussianBinningStep(
            order: 6, tolerance: 1e-3), order: 6, reach: 2 * kde.kernelReach, maximumNodes: 4096)
        #expect(Double(axis.count) * Double(2 * axis.pad + 1) > 10 * Double(axis.length) * log2(Double(axis.length)),
                "the case must exercise the FFT branch")
        let grid = kde.densityOnGrid(x: -5...5, y: -5...5, counts: (200, 200))
        var worst = 0.0
        for j in stride(from: 0, to: 200, by: 13) {
            for i in stride(from: 0, to: 200, by: 11) {
                let point = PointSet(dimension: 2, values: [-5 + 10 * Double(i) / 199, -5 + 10 * Double(j) / 199])
                let exact = exp(kde.logDensities(at: point)[0])
                worst = max(worst, abs(grid[j * 200 + i] - exact) / exact)
            }
        }
        #expect(worst < 1e-4, "worst relative error \(worst)")
    }
}

@Suite struct LagrangeBinningTests {
    /// p-point Lagrange binning reproduces polynomials of degree < p, so the bins keep the
    /// data's moments Σᵢ xᵢᵏ exactly for k < p (closed form: Σⱼ wⱼ uⱼᵏ = Σᵢ xᵢᵏ), and p = 2 is
    /// linear binning: weights 1 − f and f on the two nodes around a point.
    @Test(arguments: [2, 4, 6])
    func binsKeepTheMomentsBelowTheOrder(_ order: Int) {
        var g = Xoshiro256StarStar(seed: 21)
        let x = (0..<1000).map { _ in 3 * g.nextGaussian() }
        let (origin, step, count) = (-20.0, 0.37, 120)
        let w = LagrangeBinning.bin(x, origin: origin, step: step, count: count, order: order)
        for k in 0..<order {
            let fromData = x.reduce(0) { $0 + pow($1, Double(k)) }
            let fromBins = (0..<count).reduce(0) { $0 + w[$1] * pow(origin + Double($1) * step, Double(k)) }
            #expect(abs(fromBins - fromData) <= 1e-9 * x.reduce(0) { $0 + pow(abs($1), Double(k)) }, "moment \(k)")
        }
        if order == 2 {
            let single = LagrangeBinning.bin([origin + 5.25 * step], origin: origin, step: step, count: count, order: 2)
            #expect(abs(single[5] - 0.75) < 1e-12 && abs(single[6] - 0.25) < 1e-12)
        }
    }

    /// Cubic binning sums per-cell powers of f and maps them to weights once per cell; the result
    /// must equal spreading each point's four Lagrange weights ℓₘ(f) = Πₖ≠ₘ (f − k)/(m − k)
    /// (computed here from that product, point by point) up to rounding, on the one-thread path
    /// (1,000 points) and the two-thread path (200,000), and be bit-identical from run to run.
    @Test(arguments: [1000, 200_000])
    func cubicBinsAreTheSumOfEachPointsLagrangeWeights(_ n: Int) {
        var g = Xoshiro256StarStar(seed: 33)
        let x = (0..<n).map { _ in 2 * g.nextGaussian() } + [-9.0, 9.0]  // two outside the grid
        let (origin, step, count) = (-8.0, 0.05, 321)
        let w = LagrangeBinning.bin(x, origin: origin, step: step, count: count, order: 4)
        var direct = [Double](repeating: 0, count: count)
        for v in x {
            let position = (v - origin) / step
            guard position >= 2, position < Double(count - 2) else { continue }  // the stencil must fit
            let a = Int(position.rounded(.down))
            let f = position - Double(a)
            for m in -1...2 {
                let others = (-1...2).filter { $0 != m }
                direct[a + m] += others.reduce(1.0) { $0 * (f - Double($1)) / Double(m - $1) }
            }
        }
        let worst = zip(w, direct).map { abs($0 - $1) }.max()!
        #expect(worst <= 1e-12 * direct.max()!, "largest difference \(worst)")
        #expect(LagrangeBinning.bin(x, origin: origin, step: step, count: count, order: 4) == w)
    }

    /// The 2-D binning is the tensor product: a point's weights are ℓₘ(f)·ℓₙ(g), summing to 1.
    @Test func twoDimensionalBinsAreTheTensorProduct() {
        let (a, b) = (LagrangeStencil(order: 6).vectorWeights(at: 0.3, order: 6),
                      LagrangeStencil(order: 6).vectorWeights(at: 0.8, order: 6))
        let w = LagrangeBinning.bin2D([1.3, 2.8], originX: -5, stepX: 1, countX: 20, originY: -5, stepY: 1, countY: 20,
                                      order: 6)
        for n in 0..<6 {
            for m in 0..<6 { #expect(abs(w[(7 - 2 + n) * 20 + 6 - 2 + m] - a[m] * b[n]) < 1e-15) }
        }
        #expect(abs(w.reduce(0, +) - 1) < 1e-14)
    }
}
