import Foundation
import ParzenCore
import Testing
@testable import ParzenRunner

/// `{data}`'s `transform:` (issue 13): models are fitted to the transformed values and every
/// density and NLL is reported of the data's scale, with the log-Jacobian. The numbers are
/// scipy's (`scripts/transform-references.py`, by the change-of-variables formula), and the
/// densities on the data's scale integrate to 1.
@Suite struct DirectiveTransformTests {
    /// As in the script: 13 durations, the last 3 held out; 10 shares in (0, 1); 10 counts.
    static let durations = "[0.8, 1.3, 2.1, 2.9, 3.4, 4.7, 5.2, 7.9, 11.5, 16.0, 2.4, 6.1, 21.0]"
    static let shares = "[0.12, 0.25, 0.31, 0.44, 0.5, 0.58, 0.63, 0.71, 0.86, 0.93]"
    static let counts = "[0, 1, 1, 2, 3, 3, 4, 6, 9, 15]"

    /// A data set `d` with `body`, a Gaussian `g` and a Scott KDE `k` of it.
    func run(_ body: String, extra: String = "") -> NotebookRunner.Outcome {
        DirectiveNotebook("```{data} d\n\(body)\n```\n```{fit} g\ndata: d\nmodel: gaussian\n```\n"
                          + "```{fit} k\ndata: d\nmodel: kde\nbandwidth: scott\n```\n" + extra).run()
    }

    /// The reference, to 1e-12 relative: the same sums of a few logs and exps in another order
    /// and libm move the last few bits, far below any mistake in a Jacobian term (≥ 1e-2 here).
    func expectClose(_ value: Double?, _ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let value = try #require(value, sourceLocation: sourceLocation)
        let reference = try #require(TransformReferences.values[key], sourceLocation: sourceLocation)
        #expect(abs(value - reference) <= 1e-12 * abs(reference), "\(key): \(value) vs \(reference)",
                sourceLocation: sourceLocation)
    }

    /// A Gaussian and a KDE of log-durations: NLL_x = NLL_z + mean(log x), on training and held-out
    /// points alike; the KDE's β is Scott's on log x; `{compare}` scores the same NLLs.
    @Test func logTransformReportsDensitiesOfTheData() throws {
        let outcome = run("values: \(Self.durations)\nholdout: {last: 3}\ntransform: log",
                          extra: "```{compare} c\nmodels: [g, k]\non: heldout\n```\n")
        #expect(outcome.messages == [])
        try expectClose(outcome.number("g", "nll_train"), "log.gauss.nll_train")
        try expectClose(outcome.number("g", "nll_heldout"), "log.gauss.nll_heldout")
        try expectClose(outcome.number("k", "beta"), "log.kde.beta")
        try expectClose(outcome.number("k", "nll_train"), "log.kde.nll_train")
        try expectClose(outcome.number("k", "nll_heldout"), "log.kde.nll_heldout")
        try expectClose(outcome.number("c", "nll_g"), "log.gauss.nll_heldout")
        try expectClose(outcome.number("c", "nll_k"), "log.kde.nll_heldout")
        // The data set's own numbers stay of the durations.
        try expectClose(outcome.number("d", "mean"), "log.mean")
        let kde = try #require(outcome.results["k"]?.payload as? FittedModel)
        for (x, key) in [(1.0, "1"), (3, "3"), (10, "10")] {
            try expectClose(exp(kde.densityOnDataScale.logDensity(at: [x])), "log.kde.density_at_" + key)
        }
    }

    /// The bandwidth scan reports NLLs of the durations too, and `{sample}` draws durations
    /// (every one positive, as exp of the model's draws).
    @Test func scanAndSamplesAreOfTheDataScale() throws {
        let outcome = run("values: \(Self.durations)\nholdout: {last: 3}\ntransform: log",
                          extra: "```{plot} scan\ndata: d\nkind: bandwidth\nbetas: [0.1, 0.3]\n```\n"
                              + "```{sample} s\nfit: k\nn: 2000\nseed: 1\n```\n")
        #expect(outcome.messages == [])
        try expectClose(outcome.number("scan", "nll_loo_best"), "log.scan.nll_loo_best")
        let draws = try #require(outcome.results["s"]?.payload as? SampleSet)
        #expect(draws.points.values.allSatisfy { $0 > 0 })
    }

    /// The density figure draws the KDE of log-durations as a density of durations,
    /// kde_z(log x)/x, over the durations' histogram.
    @Test func densityFigureDrawsTheBackTransformedDensity() throws {
        let outcome = run("values: \(Self.durations)\nholdout: {last: 3}\ntransform: log",
                          extra: "```{plot} fig\ndata: d\nfits: [k]\n```\n")
        #expect(outcome.messages == [])
        guard case .figure(let figure)? = outcome.results["fig"]?.output.first, case .chart(let chart) = figure.content,
              case .rug(let rug) = chart.marks[1], case .line(let curve) = chart.marks[2] else {
            Issue.record("no density figure")
            return
        }
        // The rug is of the durations themselves: exp(log x) is x to an ulp or two.
        let train = [0.8, 1.3, 2.1, 2.9, 3.4, 4.7, 5.2, 7.9, 11.5, 16.0]
        #expect(zip(rug.x, train).allSatisfy { abs($0 - $1) <= 1e-15 * $1 } && rug.x.count == train.count)
        let kde = try #require(outcome.results["k"]?.payload as? FittedModel)
        // The grid follows the data (all x > 0 here); the curve at each x is the KDE of log x over x.
        #expect(curve.x.allSatisfy { $0 > 0 })
        let z = PointSet(curve.x.map(log))
        let expected = zip(kde.model.logDensities(at: z), z.values).map { exp($0 - $1) }
        #expect(zip(curve.y, expected).allSatisfy { abs($0 - $1) <= 1e-12 * $1 })
    }

    /// The β panels draw each Gaussian KDE of log-durations as a density of durations, by the
    /// change of variables written out: p(x) = (1/n) Σ φ((log x − log xᵢ)/√β) / (√β x); the
    /// empirical figure's spikes are at the durations themselves.
    @Test func betaPanelsAndSpikesAreOfTheDataScale() throws {
        let outcome = run("values: \(Self.durations)\nholdout: {last: 3}\ntransform: log",
                          extra: "```{plot} betas\ndata: d\nkind: betas\nbetas: [0.05, 0.5]\n```\n"
                              + "```{plot} spikes\ndata: d\nkind: empirical\n```\n")
        #expect(outcome.messages == [])
        let train = [0.8, 1.3, 2.1, 2.9, 3.4, 4.7, 5.2, 7.9, 11.5, 16.0]
        guard case .figure(let figure)? = outcome.results["betas"]?.output.first,
              case .smallMultiples(let multiples) = figure.content else {
            Issue.record("no β panels")
            return
        }
        #expect(multiples.description?.contains("fitted to log(x) and drawn as densities of x") == true)
        for (panel, beta) in zip(multiples.panels, [0.05, 0.5]) {
            guard case .histogram(let histogram) = panel.marks[0], case .line(let curve) = panel.marks[1] else {
                Issue.record("no histogram and curve")
                continue
            }
            // The histogram is of the durations: its bins span 0.8 … 16, not log 0.8 … log 16.
            let edges = histogram.bins.edges
            #expect(edges.first! <= 0.8 * (1 + 1e-15) && edges.last! >= 16 * (1 - 1e-15), "\(edges)")
            #expect(!curve.x.isEmpty && curve.x.allSatisfy { $0 > 0 })
            let h = beta.squareRoot()
            for (x, y) in zip(curve.x, curve.y) {
                let sum = train.map { exp(-0.5 * pow((log(x) - log($0)) / h, 2)) }.reduce(0, +)
                let expected = sum / (Double(train.count) * h * (2 * Double.pi).squareRoot() * x)
                #expect(abs(y - expected) <= 1e-12 * expected + 1e-300, "x = \(x)")
            }
        }
        guard case .figure(let spikes)? = outcome.results["spikes"]?.output.first,
              case .chart(let chart) = spikes.content, case .spikes(let marks) = chart.marks[0] else {
            Issue.record("no spikes")
            return
        }
        #expect(zip(marks.x.sorted(), train.sorted()).allSatisfy { abs($0 - $1) <= 1e-15 * $1 })
    }

    /// What the output says: the model is of log(x), reported as a density of x.
    @Test func outputsStateTheChangeOfVariable() throws {
        let outcome = run("values: \(Self.durations)\ntransform: log")
        let data = paragraphs(outcome, "d")
        #expect(data.contains("Models are fitted to log(x), and their densities and NLLs are reported as densities "
                              + "of x, with the log-Jacobian of the change of variable."))
        let fit = paragraphs(outcome, "k")
        #expect(fit.contains("This kde is a density of log(x), reported as a density of x"))
    }

    @Test func logitLog1pAndSqrtMatchScipy() throws {
        let logit = run("values: \(Self.shares)\ntransform: logit")
        #expect(logit.messages == [])
        try expectClose(logit.number("g", "nll_train"), "logit.gauss.nll_train")
        let log1p = run("values: \(Self.counts)\ntransform: {x: log1p}")
        try expectClose(log1p.number("g", "nll_train"), "log1p.gauss.nll_train")
        // √x has an infinite Jacobian at 0: the counts without their zero.
        let positive = run("values: [1, 1, 2, 3, 3, 4, 6, 9, 15]\ntransform: sqrt")
        try expectClose(positive.number("g", "nll_train"), "sqrt.gauss.nll_train")
    }

    /// Standardizing is affine and the Gaussian MLE and Scott's rule are equivariant, so on the
    /// data's scale the fits equal scipy's fits of the raw values; mean and sd come from the
    /// training points only.
    @Test func standardizeIsInvisibleOnTheDataScale() throws {
        let outcome = run("values: \(Self.durations)\nholdout: {last: 3}\ntransform: standardize")
        #expect(outcome.messages == [])
        try expectClose(outcome.number("g", "nll_train"), "standardize.gauss.nll_train")
        try expectClose(outcome.number("g", "nll_heldout"), "standardize.gauss.nll_heldout")
        try expectClose(outcome.number("k", "nll_train"), "standardize.kde.nll_train")
        let d = try #require(outcome.results["d"]?.payload as? Dataset)
        let train = d.train.values
        // The training part has mean 0 and sd 1 (divisor N), to rounding.
        #expect(abs(train.reduce(0, +)) < 1e-13)
        let squares: Double = train.map { $0 * $0 }.reduce(0, +)
        #expect(abs(squares / Double(train.count) - 1) < 1e-13)
    }

    /// p_X integrates to 1 over x's domain: ∫₀^∞ kde_z(log x)/x dx = ∫ kde_z(z) dz. Trapezoid on
    /// z-uniform nodes x = eᶻ (dx = x dz), z over ±12 of the data: the tails beyond hold < 1e-30,
    /// and the rule on a smooth, rapidly decaying integrand is accurate far below 1e-10.
    @Test func densityOnTheDataScaleIntegratesToOne() throws {
        for transform in ["log", "logit"] {
            let values = transform == "log" ? Self.durations : Self.shares
            let outcome = run("values: \(values)\ntransform: \(transform)")
            let kde = try #require(outcome.results["k"]?.payload as? FittedModel)
            let column: ColumnTransform = transform == "log" ? .log : .logit
            let step = 0.001, zs = Array(stride(from: -15.0, through: 15.0, by: step))
            let density = kde.densityOnDataScale.logDensities(at: PointSet(zs.map(column.inverse))).map(exp)
            // dx = dz / g′(x).
            let jacobians = zs.map { exp(-column.logJacobian($0)) }
            let integral = zip(density, jacobians).map { $0 * $1 }.reduce(0, +) * step
            #expect(abs(integral - 1) < 1e-8, "\(transform): \(integral)")
        }
    }

    /// The text of a result's paragraphs, formulas left out.
    func paragraphs(_ outcome: NotebookRunner.Outcome, _ label: String) -> String {
        (outcome.results[label]?.output ?? []).compactMap { block -> String? in
            guard case .paragraph(let inlines) = block else { return nil }
            return DirectiveFitControlsTests.plain(inlines)
        }.joined(separator: "\n")
    }

    /// The 2-D case: a Gaussian of (log x, y) has NLL_x = NLL_z + mean(log x), since only x is
    /// transformed; checked against the untransformed fit of (log x, y) itself.
    @Test func onlyTheNamedColumnIsTransformed() throws {
        let csv = "x,y\n1,2\n2,1\n4,5\n8,3\n3,3\n5,4\n"
        let logged = DirectiveNotebook("```{data} d\nsource: s.csv\ntransform: {x: log}\n```\n"
                                       + "```{fit} g\ndata: d\nmodel: gaussian\n```\n", files: ["s.csv": csv]).run()
        let z = "z,y\n" + csv.split(separator: "\n").dropFirst().map { line in
            let parts = line.split(separator: ",")
            return "\(log(Double(parts[0])!)),\(parts[1])"
        }.joined(separator: "\n") + "\n"
        let plain = DirectiveNotebook("```{data} d\nsource: s.csv\n```\n```{fit} g\ndata: d\nmodel: gaussian\n```\n",
                                      files: ["s.csv": z]).run()
        #expect(logged.messages == [] && plain.messages == [])
        let meanLog = [1.0, 2, 4, 8, 3, 5].map(log).reduce(0, +) / 6
        let expected = try #require(plain.number("g", "nll_train")) + meanLog
        let value = try #require(logged.number("g", "nll_train"))
        #expect(abs(value - expected) < 1e-13)
    }
}

/// Printed by `scripts/transform-references.py`.
enum TransformReferences {
    // Generated by scripts/transform-references.py; do not edit by hand.
    static let values: [String: Double] = [
        "log.gauss.nll_train": 2.6611113891507983,
        "log.gauss.nll_heldout": 3.4027332600830245,
        "log.kde.beta": 0.3531506349300696,
        "log.kde.nll_train": 2.682164325895283,
        "log.kde.nll_heldout": 3.355907779373356,
        "log.kde.density_at_1": 0.17966102055358327,
        "log.kde.density_at_3": 0.11261255755581068,
        "log.kde.density_at_10": 0.0265967825633887,
        "log.mean": 6.561538461538461,
        "log.scan.nll_loo_best": 2.909982016457147,
        "logit.gauss.nll_train": -0.08128275721596394,
        "log1p.gauss.nll_train": 2.559753675366495,
        "sqrt.gauss.nll_train": 2.609633634726737,
        "standardize.gauss.nll_train": 2.953281179850963,
        "standardize.gauss.nll_heldout": 4.375779816372357,
        "standardize.kde.nll_train": 2.8514646120219003,
    ]
}
