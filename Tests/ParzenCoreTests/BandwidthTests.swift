import Foundation
import Testing
@testable import ParzenCore

@Suite struct BandwidthTests {
    let references = KDEReferences.shared

    /// Closed forms evaluated by numpy/scipy; only summation order differs (1e-12).
    @Test func scottAndSilvermanMatchTheirClosedFormsInOneDimension() throws {
        let data = references.datasets["d1"]!.pointSet
        let scott = try BandwidthRule.scott.bandwidth(for: data)
        let silverman = try BandwidthRule.silverman.bandwidth(for: data)
        #expect(agrees(scott.standardDeviation!, references.rules.d1.scott, relative: 1e-12))
        #expect(agrees(silverman.standardDeviation!, references.rules.d1.silverman, relative: 1e-12))
    }

    @Test func scottAndSilvermanMatchScipyInSeveralDimensions() throws {
        for (name, expected) in [("d2", references.rules.d2), ("d3", references.rules.d3)] {
            let data = references.datasets[name]!.pointSet
            guard case .matrix(let scott) = try BandwidthRule.scott.bandwidth(for: data),
                  case .matrix(let silverman) = try BandwidthRule.silverman.bandwidth(for: data) else {
                Issue.record("expected bandwidth matrices")
                return
            }
            for k in 0..<expected.scott.count {
                #expect(agrees(scott.values[k], expected.scott[k], relative: 1e-12))
                #expect(agrees(silverman.values[k], expected.silverman[k], relative: 1e-12))
            }
        }
    }

    /// A kernel other than the Gaussian gets the Gaussian answer divided by its σ_K.
    @Test func rulesRescaleToTheKernelsStandardDeviation() throws {
        let data = references.datasets["d1"]!.pointSet
        let gaussian = try BandwidthRule.silverman.bandwidth(for: data).standardDeviation!
        let epanechnikov = try BandwidthRule.silverman.bandwidth(for: data, kernel: .epanechnikov).standardDeviation!
        #expect(agrees(epanechnikov, gaussian * 5.0.squareRoot(), relative: 1e-14))
    }

    /// The Cauchy shape 1/(1+x²) integrates but has no variance: the rules cannot be carried
    /// to it through σ_K, and must say so rather than return h = 0.
    @Test func rulesRefuseKernelsWithInfiniteVariance() throws {
        let data = references.datasets["d1"]!.pointSet
        let cauchy = Kernel.formula(try FormulaKernel(source: "1/(1+x*x)"))
        #expect(throws: ModelError(.invalidParameter,
                                   problem: "the scott rule scales a bandwidth by the kernel's standard deviation, but the kernel 'formula: 1/(1+x*x)' has infinite variance",
                                   fix: "give the bandwidth as a number")) {
            try BandwidthRule.scott.bandwidth(for: data, kernel: cauchy)
        }
    }

    /// Botev's kde.m transcribed to numpy, root by brentq; both sides solve the same
    /// equation to a few ulps, so 1e-10 covers the FFT's and the sums' rounding. KDEpy's
    /// value is 0.36–0.43 of it (its issue #199).
    @Test func improvedSheatherJonesMatchesBotevsAlgorithm() throws {
        let small = try BandwidthRule.isj.bandwidth(for: references.datasets["d1"]!.pointSet).standardDeviation!
        #expect(agrees(small, references.rules.d1.isj, relative: 1e-10), "\(small) vs \(references.rules.d1.isj)")
        let large = try BandwidthRule.isj.bandwidth(for: PointSet(references.isj_large.points)).standardDeviation!
        #expect(agrees(large, references.isj_large.isj, relative: 1e-10), "\(large) vs \(references.isj_large.isj)")
        #expect(abs(references.isj_large.isj_kdepy / large - 0.43) < 0.01)
    }

    /// The exact objective against numpy's exact sum (1e-12: both are log-sum-exps of the
    /// same terms); the binned optimum against scipy's bounded search on the exact sum
    /// (xatol 1e-10 in log h): the notes measured 1.3e-5, the issue allows 1e-3.
    @Test func leaveOneOutCrossValidationFindsTheExactOptimum() throws {
        let data = PointSet(references.loo.points)
        let cv = try LikelihoodCrossValidation(data: data)
        #expect(agrees(cv.objective(h: references.loo.h), references.loo.objective, relative: 1e-12))
        let (bandwidth, objective) = try cv.optimum()
        let h = bandwidth.standardDeviation!
        #expect(abs(h / references.loo.h - 1) < 1e-4, "\(h) vs \(references.loo.h)")
        #expect(abs(objective - references.loo.objective) < 1e-6)
        #expect(try BandwidthRule.cv.bandwidth(for: data) == bandwidth)
    }

    /// Rounded data: 40 values to one decimal, 31 distinct (23 of them unique). The repeated
    /// values pull the criterion up at small h, but the unique ones pull it down faster, so
    /// the maximum is interior. Reference: scipy's bounded search on the exact objective,
    ///     x = np.round(np.sin(np.arange(1, 41) * 1.7) * 2 + np.arange(1, 41) * 0.05, 1)
    ///     minimize_scalar(-CV(exp(t)), bounds=(log 0.01, log 5), method='bounded', xatol=1e-10)
    /// → h = 0.6713247538401496, CV = −1.8535911355542436 (binned vs exact: 1e-4, as above).
    @Test func crossValidationHandlesRepeatedValues() throws {
        let x = (1...40).map { i -> Double in
            ((sin(Double(i) * 1.7) * 2 + Double(i) * 0.05) * 10).rounded() / 10
        }
        let (bandwidth, objective) = try LikelihoodCrossValidation(data: PointSet(x)).optimum()
        #expect(abs(bandwidth.standardDeviation! / 0.6713247538401496 - 1) < 1e-4)
        #expect(abs(objective - -1.8535911355542436) < 1e-6)
    }

    /// Exact-path cross-validation (another kernel, and 2-D with whitening) must find an
    /// interior maximum where the objective beats its neighbours.
    @Test func crossValidationWorksForOtherKernelsAndDimensions() throws {
        let d1 = references.datasets["d1"]!.pointSet
        let cv = try LikelihoodCrossValidation(data: d1, kernel: .epanechnikov)
        let (bandwidth, objective) = try cv.optimum()
        let h = bandwidth.standardDeviation!
        #expect(objective >= cv.objective(h: h * 1.01) && objective >= cv.objective(h: h * 0.99))
        let d2 = references.datasets["d2"]!.pointSet
        let cv2 = try LikelihoodCrossValidation(data: d2)
        let (matrix, best) = try cv2.optimum()
        guard case .matrix(let m) = matrix else { Issue.record("expected a matrix"); return }
        #expect(m.rows == 2)
        // The whitened objective equals the KDE's own leave-one-out mean at that matrix.
        var total = 0.0
        for i in 0..<d2.count {
            let others = d2.selecting((0..<d2.count).filter { $0 != i })
            total += try KernelDensityEstimate(data: others, bandwidth: matrix).logDensity(at: d2[i])
        }
        #expect(agrees(best, total / Double(d2.count), relative: 1e-10))
    }

    @Test func everyRuleRefusesDegenerateData() {
        for rule in BandwidthRule.allCases {
            #expect(throws: ModelError.self) { try rule.bandwidth(for: PointSet([1.5])) }
            #expect(throws: ModelError.self) { try rule.bandwidth(for: PointSet([1.5, 1.5, 1.5])) }
        }
        #expect(throws: ModelError.self) { try BandwidthRule.isj.bandwidth(for: PointSet(points: [[0, 1], [1, 0], [2, 2]])) }
        #expect(throws: ModelError(.degenerateData,
                                   problem: "every point occurs more than once, so the leave-one-out likelihood grows without bound as the bandwidth shrinks",
                                   fix: "use the silverman rule or give a bandwidth explicitly")) {
            try BandwidthRule.cv.bandwidth(for: PointSet([0, 0, 1, 1, 2.5, 2.5]))
        }
        #expect(throws: ModelError.self) { try BandwidthRule.scott.bandwidth(for: PointSet(points: [[0, 1], [1, 2], [2, 3]])) }
        do {
            _ = try BandwidthRule.silverman.bandwidth(for: PointSet([2, 2]))
        } catch let error as ModelError {
            #expect(error.description == "the data are constant (every value is 2.0), so the silverman rule has no spread to measure; give a bandwidth explicitly or remove the constant column")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// The leave-one-out curve against its definition (a KDE of the other N − 1 points);
    /// train NLL falls as β → 0 while LOO and held-out NLL rise again (overfitting).
    @Test func bandwidthCurveMatchesItsDefinition() throws {
        let all = references.datasets["d1"]!.pointSet
        let train = all.selecting(0..<120), heldOut = all.selecting(120..<200)
        let betas = [1e-4, 1e-2, 0.05, 0.2, 1, 10]
        for kernel in [Kernel.gaussian, .epanechnikov] {
            let curve = try BandwidthCurve(train: train, heldOut: heldOut, kernel: kernel, betas: betas)
            for (k, beta) in betas.enumerated() {
                var loo = 0.0
                for i in 0..<train.count {
                    let others = train.selecting((0..<train.count).filter { $0 != i })
                    loo += try KernelDensityEstimate(data: others, kernel: kernel, bandwidth: .variance(beta)).logDensity(at: train[i])
                }
                let expected = -loo / Double(train.count)
                #expect(curve.leaveOneOutNLL[k] == expected || agrees(curve.leaveOneOutNLL[k], expected, relative: 1e-10),
                        "\(kernel.name) β=\(beta): \(curve.leaveOneOutNLL[k]) vs \(expected)")
                let kde = try KernelDensityEstimate(data: train, kernel: kernel, bandwidth: .variance(beta))
                let heldOutNLL = -kde.logDensities(at: heldOut).reduce(0, +) / Double(heldOut.count)
                #expect(agrees(curve.heldOutNLL![k], heldOutNLL, relative: 1e-14))
            }
            #expect(curve.trainNLL[0] < curve.trainNLL[2])
        }
        let gaussian = try BandwidthCurve(train: train, heldOut: heldOut, betas: betas)
        #expect(gaussian.leaveOneOutNLL[0] > gaussian.leaveOneOutNLL[2] && gaussian.heldOutNLL![0] > gaussian.heldOutNLL![2])
    }

    @Test func rulesAreFoundByName() {
        #expect(BandwidthRule.allCases.map(\.rawValue) == ["scott", "silverman", "isj", "cv"])
        #expect(BandwidthRule(rawValue: "isj") == .isj)
    }
}
