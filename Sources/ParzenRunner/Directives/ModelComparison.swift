#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParzenCore

/// The numbers of one `{compare}`: the payload it leaves, its result values, and its output.
public struct ModelComparison: Sendable {
    /// Scores of one model.
    public struct Row: Sendable {
        public var label: String
        /// L(θ) on the chosen part (train, held out, or pooled over the k folds).
        public var nll: Estimate
        /// −log p(xᵢ) per evaluated point, for paired differences.
        var pointLosses: [Double]
        /// KL(p_data ‖ p_θ) by Monte Carlo from the true density, when known and asked for.
        public var kl: Estimate?
        /// −E_{p_data}[log p_θ], the cross-entropy, on the same draws as `kl`.
        public var crossEntropy: Estimate?
        /// log p_data(x) − log p_θ(x) per Monte Carlo draw, for the paired KL difference.
        var klTerms: [Double] = []
        public var moments: MomentComparison?
        public var mmd: TwoSampleTest?
        public var energy: TwoSampleTest?
    }

    public var label: String
    public var criterion: String
    /// `train`, `heldout` or `kfold`.
    public var on: String
    public var rows: [Row]
    /// H(p_data) by Monte Carlo, when the true density is known and `kl` is computed.
    public var entropy: Estimate?
    /// The index of the model with the lowest NLL.
    public var best: Int
    let dataset: Dataset
    let folds: Int

    init(label: String, models: [FittedModel], criterion: String, on: String, folds: Int, samples: Int, seed: UInt64) throws {
        self.label = label
        self.criterion = criterion
        self.on = on
        self.folds = folds
        dataset = models[0].dataset
        var rows: [Row] = []
        for model in models {
            let losses = try Self.pointLosses(model, on: on, folds: folds, seed: seed)
            rows.append(Row(label: model.label, nll: Self.meanLoss(losses), pointLosses: losses))
        }
        let wants = { (name: String) in criterion == name || criterion == "all" }
        if wants("kl"), let truth = dataset.truth {
            var generator = Xoshiro256StarStar(seed: seed &+ 1)
            let draws = truth.sample(samples, using: &generator)
            let logTruth = truth.logDensities(at: draws)
            entropy = Estimate(meanOf: logTruth.map { -$0 })
            for (i, model) in models.enumerated() {
                let logModel = model.model.logDensities(at: draws)
                rows[i].klTerms = zip(logTruth, logModel).map { $0 - $1 }
                rows[i].kl = Estimate(meanOf: rows[i].klTerms)
                rows[i].crossEntropy = Estimate(meanOf: logModel.map { -$0 })
            }
        }
        if wants("moments") {
            for (i, model) in models.enumerated() {
                var generator = Xoshiro256StarStar(seed: seed &+ 2 &+ UInt64(i))
                rows[i].moments = try MomentComparison(model: model.model, data: dataset.train, samples: samples, using: &generator)
            }
        }
        if wants("mmd") {
            // The permutation test costs (n + m)² per permutation: as many model draws as
            // data points (at most 500 of each) and 200 permutations keep it under a second.
            let data = Self.thinned(dataset.train, to: 500)
            for (i, model) in models.enumerated() {
                var generator = Xoshiro256StarStar(seed: seed &+ 100 &+ UInt64(i))
                let draws = model.model.sample(data.count, using: &generator)
                rows[i].mmd = try TwoSampleTest.maximumMeanDiscrepancy(draws, data, permutations: 200, seed: seed &+ 200 &+ UInt64(i))
                rows[i].energy = try TwoSampleTest.energyDistance(draws, data, permutations: 200, seed: seed &+ 300 &+ UInt64(i))
            }
        }
        self.rows = rows
        best = rows.indices.min { rows[$0].nll.value < rows[$1].nll.value }!
    }

    /// −log p(xᵢ) at every evaluated point: the training or held-out points of the fitted
    /// model, or for k-fold the held-out fold of a refit on each split, pooled.
    static func pointLosses(_ model: FittedModel, on: String, folds: Int, seed: UInt64) throws -> [Double] {
        switch on {
        case "train": return model.model.logDensities(at: model.dataset.train).map { -$0 }
        case "heldout": return model.model.logDensities(at: model.dataset.heldOut!).map { -$0 }
        default:
            let points = model.dataset.train
            var losses: [Double] = []
            for split in try DataSplit.kFold(count: points.count, folds: folds, seed: seed) {
                let (train, heldOut) = split.apply(to: points)
                let refit = try model.specification.fit(train)
                losses += refit.model.logDensities(at: heldOut).map { -$0 }
            }
            return losses
        }
    }

    /// The mean loss with its standard error; one point of zero density (+∞ loss, e.g. the
    /// empirical distribution off the data) makes it +∞, whatever the other points are
    /// (the empirical distribution's −∞ losses on the data would otherwise give ∞ − ∞).
    static func meanLoss(_ losses: [Double]) -> Estimate {
        if losses.contains(.infinity) { return Estimate(value: .infinity, standardError: .infinity, count: losses.count) }
        return Estimate(meanOf: losses)
    }

    /// Every ⌈N/m⌉-th point, so at most m remain (deterministic; the data order is arbitrary).
    static func thinned(_ points: PointSet, to m: Int) -> PointSet {
        guard points.count > m else { return points }
        let step = (points.count + m - 1) / m
        return points.selecting(stride(from: 0, to: points.count, by: step))
    }

    /// Per model `nll_<label>`, `nll_se_<label>`, and as computed `kl_<label>`,
    /// `kl_se_<label>`, `mmd2_<label>`, `mmd_p_<label>`, `energy_<label>`, `energy_p_<label>`;
    /// `entropy_data`, `entropy_data_se`; `best` (the label with the lowest NLL), `on`, and
    /// `nll_difference` = L(θ₁) − L(θ₂) of the derivation (θ₁ the first listed model other
    /// than the best, θ₂ the best) with its paired standard error `nll_difference_se`.
    public var values: ResultValues {
        var values = ResultValues()
        values["best"] = .text(rows[best].label)
        values["on"] = .text(on)
        for row in rows {
            values["nll_" + row.label] = .number(row.nll.value)
            values["nll_se_" + row.label] = .number(row.nll.standardError)
            if let kl = row.kl {
                values["kl_" + row.label] = .number(kl.value)
                values["kl_se_" + row.label] = .number(kl.standardError)
            }
            if let mmd = row.mmd {
                values["mmd2_" + row.label] = .number(mmd.value)
                values["mmd_p_" + row.label] = .number(mmd.pValue)
            }
            if let energy = row.energy {
                values["energy_" + row.label] = .number(energy.value)
                values["energy_p_" + row.label] = .number(energy.pValue)
            }
        }
        if let entropy {
            values["entropy_data"] = .number(entropy.value)
            values["entropy_data_se"] = .number(entropy.standardError)
        }
        let (worse, better) = derivationPair
        let difference = pairedDifference(worse, better)
        values["nll_difference"] = .number(difference.value)
        values["nll_difference_se"] = .number(difference.standardError)
        return values
    }

    /// θ₁ and θ₂ of the derivation: the first listed model that is not the best, and the best.
    var derivationPair: (worse: Int, better: Int) {
        (rows.indices.first { $0 != best }!, best)
    }

    /// L(θ₁) − L(θ₂) with the standard error of the per-point differences (paired: the same
    /// points for both models, so their common noise cancels). Pooled k-fold losses are
    /// paired too: every model is refitted on the same folds.
    func pairedDifference(_ i: Int, _ j: Int) -> Estimate {
        Estimate(meanOf: zip(rows[i].pointLosses, rows[j].pointLosses).map { $0 - $1 })
    }

    var output: [OutputBlock] {
        var blocks: [OutputBlock] = [.table(likelihoodTable)]
        if let moments = momentsTable { blocks.append(.table(moments)) }
        if let tests = twoSampleTable { blocks.append(.table(tests)) }
        let (worse, better) = derivationPair
        let difference = pairedDifference(worse, better)
        let part = ["train": "training", "heldout": "held-out", "kfold": "\(folds)-fold cross-validated"][on]!
        var verdict = "\(InlineCode.span(rows[better].label)) has the lowest \(part) NLL"
        if difference.value.isFinite, difference.standardError.isFinite {
            let clear = difference.value > 2 * difference.standardError
            verdict += ": \(NumberFormat.prose(difference.value)) nats per point below \(InlineCode.span(rows[worse].label)), with a paired standard error of \(NumberFormat.prose(difference.standardError, digits: 2))"
            verdict += clear ? " — a clear difference." : " — within two standard errors, so this data cannot really tell them apart."
        } else {
            verdict += "; \(InlineCode.span(rows[worse].label))'s is \(NumberFormat.prose(rows[worse].nll.value))."
        }
        blocks.append(.markdown(verdict))
        if criterion == "nll" || criterion == "kl" || criterion == "all" {
            blocks.append(.markdown(derivationIntroduction))
            blocks.append(.math(derivation, display: true))
            if entropy != nil { blocks.append(.markdown(identityCheck)) }
        }
        return blocks
    }

    /// NLL per model, and KL from the truth when computed.
    private var likelihoodTable: ResultTable {
        let part = ["train": "train", "heldout": "held-out", "kfold": "\(folds)-fold"][on]!
        var header: [ResultTable.Cell] = [.markdown("model"), .markdown("NLL (\(part))"), .markdown("± SE")]
        let hasKL = rows[0].kl != nil
        if hasKL { header += [.markdown("$D_{\\mathrm{KL}}(p_{\\text{data}} \\Vert p_\\theta)$"), .markdown("± SE")] }
        let body = rows.enumerated().map { i, row -> [ResultTable.Cell] in
            var cells: [ResultTable.Cell] = [.markdown(InlineCode.span(row.label) + (i == best ? " (best)" : "")), .number(row.nll.value), .number(row.nll.standardError)]
            if let kl = row.kl { cells += [.number(kl.value), .number(kl.standardError)] }
            return cells
        }
        var caption = "Models of \(InlineCode.span(dataset.label)): average negative log-likelihood in nats per point, lower is better."
        if hasKL { caption += " KL divergence from the true density by Monte Carlo from \(rows[0].kl!.count) of its draws." }
        return ResultTable(header: header, rows: body, caption: caption)
    }

    /// Moments of model draws and of the data, first coordinate.
    private var momentsTable: ResultTable? {
        guard let first = rows[0].moments else { return nil }
        func cells(_ name: String, _ m: Moments) -> [ResultTable.Cell] {
            [.markdown(name), .number(m.mean[0]), .number(m.covariance[0, 0].squareRoot()), .number(m.skewness[0]), .number(m.excessKurtosis[0])]
        }
        var body = rows.map { cells(InlineCode.span($0.label), $0.moments!.model) }
        body.append(cells("data", first.data))
        return ResultTable(header: [.markdown("moments"), .markdown("mean"), .markdown("sd"), .markdown("skewness"), .markdown("excess kurtosis")], rows: body,
                           caption: "Matching statistics: moments of \(first.sampleCount) draws from each model and of the training data\(dataset.dimension > 1 ? " (first coordinate)" : "").")
    }

    /// MMD² and energy distance between model draws and data, with p-values.
    private var twoSampleTable: ResultTable? {
        guard rows[0].mmd != nil else { return nil }
        let body = rows.map { row -> [ResultTable.Cell] in
            [.markdown(InlineCode.span(row.label)), .number(row.mmd!.value), .number(row.mmd!.pValue), .number(row.energy!.value), .number(row.energy!.pValue)]
        }
        return ResultTable(header: [.markdown("samples alike?"), .markdown("MMD²"), .markdown("p"), .markdown("energy distance"), .markdown("p")], rows: body,
                           caption: "Two-sample tests between model draws and the training data: MMD² with a Gaussian kernel (median heuristic) and the energy distance, permutation p-values from 200 permutations; a small p says the samples look different.")
    }

    private var derivationIntroduction: String {
        let (worse, better) = derivationPair
        return "Why the lower NLL means the better model: with $\\theta_1$ = \(InlineCode.span(rows[worse].label)) and $\\theta_2$ = \(InlineCode.span(rows[better].label)), the difference of their KL divergences from $p_{\\text{data}}$ needs no knowledge of $p_{\\text{data}}$ beyond samples: each is $\\mathbb{E}[\\log p_{\\text{data}} - \\log p_\\theta]$, and the entropy $H(p_{\\text{data}}) = -\\mathbb{E}[\\log p_{\\text{data}}]$ cancels. Here $\\mathbb{E}$ is the expectation under $p_{\\text{data}}$, estimated by the average over the \(rows[worse].nll.count) evaluated points."
    }

    /// The MLE ⇔ min-KL argument as an `align`, the last line numbered and labelled
    /// `eq:<label>` so prose can cite it with `\eqref`.
    private var derivation: String {
        let (worse, better) = derivationPair
        let l1 = rows[worse].nll.value, l2 = rows[better].nll.value
        let difference = l1 - l2
        let relation = difference > 0 ? "> 0" : (difference < 0 ? "< 0" : "= 0")
        let data = "p_{\\text{data}}"
        return """
            \\begin{align}
            D_{\\mathrm{KL}}(\(data) \\Vert p_{\\theta_1}) - D_{\\mathrm{KL}}(\(data) \\Vert p_{\\theta_2})
            &= \\left(-H(\(data)) - \\mathbb{E}\\left[\\log p_{\\theta_1}\\right]\\right) - \\left(-H(\(data)) - \\mathbb{E}\\left[\\log p_{\\theta_2}\\right]\\right) \\nonumber \\\\
            &= \\mathbb{E}\\left[\\log p_{\\theta_2}\\right] - \\mathbb{E}\\left[\\log p_{\\theta_1}\\right] \\nonumber \\\\
            &\\approx L(\\theta_1) - L(\\theta_2) = \(NumberFormat.tex(l1)) - \(NumberFormat.tex(l2)) = \(NumberFormat.tex(difference)) \(relation) \\label{eq:\(label)}
            \\end{align}
            """
    }

    /// With a known true density: H(p_data), both KLs, and the identity checked in numbers.
    private var identityCheck: String {
        let (worse, better) = derivationPair
        guard let entropy, let kl1 = rows[worse].kl, let kl2 = rows[better].kl else { return "" }
        let n = kl1.count
        let klDifference = Estimate(meanOf: zip(rows[worse].klTerms, rows[better].klTerms).map { $0 - $1 })
        return "The data were generated, so $p_{\\text{data}}$ is known and every term can be computed by Monte Carlo from \(n) draws of it: "
            + "$H(p_{\\text{data}}) \\approx \(NumberFormat.tex(entropy.value))$, "
            + "$D_{\\mathrm{KL}}(p_{\\text{data}} \\Vert p_{\\theta_1}) \\approx \(NumberFormat.tex(kl1.value))$ and "
            + "$D_{\\mathrm{KL}}(p_{\\text{data}} \\Vert p_{\\theta_2}) \\approx \(NumberFormat.tex(kl2.value))$, "
            + "whose difference \(NumberFormat.prose(kl1.value - kl2.value)) ± \(NumberFormat.prose(klDifference.standardError, digits: 2)) is what $L(\\theta_1) - L(\\theta_2) = \(NumberFormat.tex(rows[worse].nll.value - rows[better].nll.value))$ ± \(NumberFormat.prose(pairedDifference(worse, better).standardError, digits: 2)) estimates from the data alone."
    }
}
