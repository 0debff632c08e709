import Foundation
import Testing
@testable import ParzenCore

/// The binned log-density (`BinnedGaussianSum`) against exact sums: scikit-learn's on the
/// committed data sets, the exact sum on larger seeded data; and its error bound against the
/// error it actually makes.
@Suite struct BinnedKDETests {
    let references = KDEReferences.shared

    func mixture(_ n: Int, seed: UInt64, dimension d: Int = 1) -> PointSet {
        var g = Xoshiro256StarStar(seed: seed)
        var values: [Double] = []
        for _ in 0..<n {
            values.append(g.nextUniform() < 0.6 ? -1.5 + 0.5 * g.nextGaussian() : 2 + g.nextGaussian())
            if d == 2 { values.append(0.5 * values.last! + g.nextGaussian()) }
        }
        return PointSet(dimension: d, values: values)
    }

    /// scikit-learn's exact sums (atol = rtol = 0) on the committed 1-D and 2-D data: every
    /// binned value is within its bound of the reference (plus 1e-12 relative for the
    /// reference's own rounding); the far queries (log p ≈ −360, −7696) are off the grid and
    /// exact. A loose tolerance (1e-6) makes the grid coarse, so the bound is tested where the
    /// error is measurable, not only where both are ~1e-16.
    @Test(arguments: [1e-6, 1e-10])
    func binnedValuesAreWithinTheirBoundOfScikitLearn(_ tolerance: Double) throws {
        var checked = 0
        for c in references.sklearn where c.kernel == "gaussian" && c.dataset != "d3" {
            let data = references.datasets[c.dataset]!.pointSet
            let kde = try KernelDensityEstimate(data: data, bandwidth: .standardDeviation(c.bandwidth))
            let result = kde.logDensities(at: references.queryPoints(c.dataset), method: .binned, tolerance: tolerance)
            #expect(result.method == .binned)
            for (j, expected) in c.log_density.enumerated() {
                let e = expected!
                let error = abs(result.values[j] - e)
                #expect(error <= result.errorBounds[j] + 1e-12 * abs(e), "\(c.dataset) h=\(c.bandwidth) query \(j): error \(error), bound \(result.errorBounds[j])")
                checked += 1
            }
        }
        #expect(checked >= 16)
    }

    /// 2,000 seeded points, every one of 3,000 queries spread over the data and its tails,
    /// 1-D (scalar h) and 2-D (correlated H): |binned − exact| ≤ bound everywhere; the bound
    /// is not vacuous (its median is below the tolerance the grid was designed for, and
    /// within 1e4 of the median actual error: measured ~1e3 in 2-D, where the telescoped
    /// Lebesgue factors 2Λ³ and the envelope's absolute values add up).
    @Test(arguments: [(1, 1e-6), (1, 1e-10), (2, 1e-6), (2, 1e-9)])
    func theBoundBoundsTheActualError(_ dimension: Int, _ tolerance: Double) throws {
        let data = mixture(2000, seed: 31, dimension: dimension)
        let bandwidth: Bandwidth = dimension == 1 ? .standardDeviation(0.25) : .matrix(Matrix(rows: [[0.09, 0.03], [0.03, 0.16]]))
        let kde = try KernelDensityEstimate(data: data, bandwidth: bandwidth)
        var g = Xoshiro256StarStar(seed: 32)
        let queries = PointSet(dimension: dimension, values: (0..<(3000 * dimension)).map { _ in 0.5 + 2.5 * g.nextGaussian() })
        let binned = kde.logDensities(at: queries, method: .binned, tolerance: tolerance)
        let exact = kde.logDensities(at: queries)
        var errors: [Double] = [], bounds: [Double] = []
        for j in 0..<queries.count {
            let error = abs(binned.values[j] - exact[j])
            #expect(error <= binned.errorBounds[j], "d=\(dimension) query \(j): error \(error) > bound \(binned.errorBounds[j])")
            if binned.errorBounds[j] > 0 { errors.append(error); bounds.append(binned.errorBounds[j]) }
        }
        #expect(bounds.count > 2000, "most queries are on the grid")
        let medianBound = bounds.sorted()[bounds.count / 2], medianError = errors.sorted()[errors.count / 2]
        #expect(medianBound < tolerance)
        #expect(medianBound < 1e4 * max(medianError, 1e-15), "median bound \(medianBound), median error \(medianError)")
    }

    /// `.auto` keeps every point within the tolerance: exact where the bound would exceed it.
    @Test func autoMeetsTheTolerancePerPoint() throws {
        let data = mixture(3000, seed: 33)
        let kde = try KernelDensityEstimate(data: data, bandwidth: .standardDeviation(0.2))
        var g = Xoshiro256StarStar(seed: 34)
        let queries = PointSet((0..<30_000).map { _ in 4 * g.nextGaussian() })
        let result = kde.logDensities(at: queries, method: .auto, tolerance: 1e-11)
        let exact = kde.logDensities(at: queries)
        #expect(result.method == .binned)
        #expect(result.maximumErrorBound <= 1e-11)
        for j in 0..<queries.count { #expect(abs(result.values[j] - exact[j]) <= 1e-11 + 1e-13 * abs(exact[j])) }
        // Too few kernel terms to pay for a grid: exact.
        let small = kde.logDensities(at: queries.selecting(0..<10), method: .auto)
        #expect(small.method == .exact && small.exactPoints == 10)
    }

    /// The check: N = 10⁵ (1-D, Scott) training NLL by auto within 1e-8 relative of the
    /// exact sum, binned, with a reported bound that holds.
    @Test func autoNegativeLogLikelihoodOfTenToTheFifthPointsMatchesTheExactSum() throws {
        let data = mixture(100_000, seed: 35)
        let kde = try KernelDensityEstimate(data: data, bandwidth: try BandwidthRule.scott.bandwidth(for: data))
        let auto = negativeLogLikelihood(of: kde, on: data, method: .auto)
        let exact = negativeLogLikelihood(of: kde, on: data, method: .exact)
        #expect(auto.method == .binned)
        #expect(exact.method == .exact && exact.bound == 0)
        let error = abs(auto.estimate.value - exact.estimate.value)
        #expect(error <= 1e-8 * abs(exact.estimate.value), "relative error \(error / abs(exact.estimate.value))")
        #expect(error <= auto.bound + 1e-13 * abs(exact.estimate.value), "error \(error), bound \(auto.bound)")
        #expect(auto.relativeBound <= 1e-8)
        #expect(abs(auto.estimate.standardError / exact.estimate.standardError - 1) < 1e-6)
        // The generic entry point the runner calls takes the same path.
        #expect(negativeLogLikelihood(of: kde, on: data) == auto.estimate)
    }

    /// 2-D, Scott's full matrix: auto NLL within 1e-8 of the exact sum on 9,000 points.
    @Test func autoNegativeLogLikelihoodIn2DMatchesTheExactSum() throws {
        let data = mixture(9000, seed: 36, dimension: 2)
        let kde = try KernelDensityEstimate(data: data, bandwidth: try BandwidthRule.scott.bandwidth(for: data))
        let auto = negativeLogLikelihood(of: kde, on: data, method: .auto)
        let exact = negativeLogLikelihood(of: kde, on: data, method: .exact)
        #expect(auto.method == .binned)
        let error = abs(auto.estimate.value - exact.estimate.value)
        #expect(error <= min(1e-8 * abs(exact.estimate.value), auto.bound + 1e-13), "error \(error), bound \(auto.bound)")
    }

    /// Kernels and dimensions the grid does not cover are evaluated exactly, also when asked
    /// for `.binned`.
    @Test func otherKernelsAndHigherDimensionsAreExact() throws {
        let data = mixture(300, seed: 37)
        let epanechnikov = try KernelDensityEstimate(data: data, kernel: .epanechnikov, bandwidth: .standardDeviation(0.5))
        #expect(epanechnikov.logDensities(at: data, method: .binned).method == .exact)
        let d3 = references.datasets["d3"]!.pointSet
        let kde3 = try KernelDensityEstimate(data: d3, bandwidth: .standardDeviation(0.5))
        let result = kde3.logDensities(at: d3, method: .binned)
        #expect(result.method == .exact && result.values == kde3.logDensities(at: d3))
    }
}

@Suite struct BinnedKDEBuildingBlockTests {
    /// The stencil reproduces polynomials of degree < p exactly (the Lagrange property), and
    /// ω̄ is the maximum of the node polynomial over the central cell.
    @Test(arguments: [2, 4, 8, 12])
    func lagrangeStencilIsExactForPolynomialsAndItsConstantsAreMaxima(_ p: Int) {
        let stencil = LagrangeStencil(order: p)
        var weights = [Double](repeating: 0, count: p)
        var largestNodePolynomial = 0.0
        for s in 0...1000 {
            let f = Double(s) / 1000
            weights.withUnsafeMutableBufferPointer { stencil.weights(at: f, into: $0.baseAddress!) }
            for degree in 0..<p {
                var value = 0.0
                for m in 0..<p { value += weights[m] * pow(Double(m - p / 2 + 1), Double(degree)) }
                let expected = pow(f, Double(degree)), scale = pow(Double(p), Double(degree))
                #expect(abs(value - expected) <= 1e-9 * scale)
            }
            let lebesgue: Double = weights.reduce(0) { $0 + abs($1) }
            #expect(lebesgue <= stencil.lebesgueConstant)
            var nodePolynomial = 1.0
            for m in 0..<p { nodePolynomial *= abs(f - Double(m - p / 2 + 1)) }
            largestNodePolynomial = max(largestNodePolynomial, nodePolynomial)
        }
        var factorial = 1.0
        for k in 1...p { factorial *= Double(k) }
        let ratio = largestNodePolynomial / factorial / stencil.errorFactor
        #expect(abs(ratio - 1) < 1e-12)
    }

    /// Eₚ(r) is at least |Heₚ(s)|e^{−s²/2} at every s of its window (sampled densely), and
    /// equals the sampled maximum up to the sampling step.
    @Test(arguments: [8, 12])
    func hermiteEnvelopeIsTheMaximumOverItsWindow(_ p: Int) {
        let envelope = HermiteEnvelope(order: p, window: 0.4)
        for k in -60...60 {
            let r = Double(k) * 0.1
            var sampled = 0.0
            for t in 0...800 { sampled = max(sampled, envelope.magnitude(r - 0.4 + Double(t) * 0.001)) }
            let bound = envelope.derivative(r), gaussian = exp(-0.5 * r * r)
            #expect(bound >= sampled)
            #expect(bound <= sampled * (1 + 1e-4) + 1e-300)
            #expect(envelope.value(r) >= gaussian)
        }
        // He₄(s) = s⁴ − 6s² + 3.
        let s = 1.5, expected: Double = s * s * s * s - 6 * s * s + 3
        #expect(HermiteEnvelope.hermite(4, s) == expected)
    }

    /// Radix sort agrees with the standard library's sort, negatives, zeros and infinities included.
    @Test func radixSortMatchesTheStandardSort() {
        var g = Xoshiro256StarStar(seed: 38)
        var values: [Double] = []
        for _ in 0..<5000 { values.append(g.nextGaussian() * pow(10, Double(g.nextIndex(below: 20)) - 10)) }
        values += [0, -0.0, .infinity, -.infinity, 1e-310, -1e-310, .greatestFiniteMagnitude]
        #expect(RadixSort.sorted(values) == values.sorted())
        #expect(RadixSort.sorted([3, 1, 2]) == [1, 2, 3])
    }
}
