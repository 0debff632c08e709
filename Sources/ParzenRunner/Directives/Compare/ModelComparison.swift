#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParzenCore

/// The numbers of one `{compare}`: the payload it leaves, its result values, and its output.
public struct ModelComparison: Sendable, Codable {
    /// Scores of one model.
    public struct Row: Sendable, Codable {
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
        /// When p_θ was evaluated at the draws through the binned grid: the bound on the
        /// evaluation error of `kl` and `crossEntropy` (≤ 10⁻³ SE, `MonteCarloLogDensities`).
        public var klBound: Double?
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

    /// - Parameter truthAt: where `true` stands among the models, when the generating
    ///   density is compared too (generated data only): scored on the same points, it is the
    ///   best any model can do in expectation.
    init(label: String, models: [FittedModel], truthAt: Int? = nil, criterion: String, on: String, folds: Int,
         samples: Int, seed: UInt64) throws
    {
        self.label = label
        self.criterion = criterion
        self.on = on
        self.folds = folds
        dataset = models[0].dataset
        var rows: [Row] = []
        var densities: [any DensityModel] = []
        for model in models {
            let losses = try Self.pointLosses(model, on: on, folds: folds, seed: seed)
            rows.append(Row(label: model.label, nll: Self.meanLoss(losses), pointLosses: losses))
            densities.append(model.densityOnDataScale)
        }
        if let truthAt, let truth = dataset.truth {
            let losses = try Self.truthLosses(truth, of: dataset, on: on, folds: folds, seed: seed)
            rows.insert(Row(label: "true", nll: Self.meanLoss(losses), pointLosses: losses), at: truthAt)
            densities.insert(truth, at: truthAt)
        }
        let wants = { (name: String) in criterion == name || criterion == "all" }
        if wants("kl"), let truth = dataset.truth {
            var generator = Xoshiro256StarStar(seed: seed &+ 1)
            let draws = truth.sample(samples, using: &generator)
            let logTruth = truth.logDensities(at: draws)
            entropy = Estimate(meanOf: logTruth.map { -$0 })
            for (i, model) in densities.enumerated() {
                DirectiveProgress.report("KL: \(rows[i].label), \(i + 1) of \(densities.count)")
                // The true density (`true` among the models) was evaluated at its draws just above.
                let evaluation = i == truthAt ? nil : MonteCarloLogDensities(model, at: draws, minuend: logTruth)
                let logModel = evaluation?.values ?? logTruth
                rows[i].klBound = evaluation.flatMap { $0.method == .binned ? $0.bound : nil }
                rows[i].klTerms = zip(logTruth, logModel).map { $0 - $1 }
                rows[i].kl = Estimate(meanOf: rows[i].klTerms)
                rows[i].crossEntropy = Estimate(meanOf: logModel.map { -$0 })
            }
        }
        if wants("moments") {
            for (i, model) in densities.enumerated() {
                var generator = Xoshiro256StarStar(seed: seed &+ 2 &+ UInt64(i))
                rows[i].moments = try MomentComparison(
                    model: model, data: dataset.trainOnDataScale, samples: samples, using: &generator)
            }
        }
        if wants("mmd") {
            // As many model draws as data points: every training point up to
            // `twoSamplePoints`, tested with `permutations(dimension:)` relabellings.
            let data = Self.thinned(dataset.trainOnDataScale, to: Self.twoSamplePoints)
            let permutations = Self.permutations(dimension: data.dimension)
            for (i, model) in densities.enumerated() {
                DirectiveProgress.report("two-sample tests: \(rows[i].label), \(i + 1) of \(densities.count)")
                var generator = Xoshiro256StarStar(seed: seed &+ 100 &+ UInt64(i))
                let draws = model.sample(data.count, using: &generator)
                rows[i].mmd = try TwoSampleTest.maximumMeanDiscrepancy(
                    draws, data, permutations: permutations, seed: seed &+ 200 &+ UInt64(i))
                rows[i].energy = try TwoSampleTest.energyDistance(
                    draws, data, permutations: permutations, seed: seed &+ 300 &+ UInt64(i))
            }
        }
        self.rows = rows
        best = rows.indices.min { rows[$0].nll.value < rows[$1].nll.value }!
    }

    /// −log p(xᵢ) at every evaluated point: the training or held-out points of the fitted
    /// model, or for k-fold the held-out fold of a refit on each split, pooled.
    ///
    /// With a `transform:` the models are fitted and evaluated on the transformed points, and
    /// each loss is of the data's scale: −log p_Z(zᵢ) − log|g′(xᵢ)| (see ``DataTransform``).
    static func pointLosses(_ model: FittedModel, on: String, folds: Int, seed: UInt64) throws -> [Double] {
        let dataset = model.dataset
        func losses(_ density: any DensityModel, at points: PointSet) -> [Double] {
            zip(density.logDensities(at: points), dataset.logJacobians(at: points)).map { -$0 - $1 }
        }
        switch on {
        case "train": return losses(model.model, at: dataset.train)
        case "heldout": return losses(model.model, at: dataset.heldOut!)
        default:
            let points = dataset.train
            var pooled: [Double] = []
            for (index, split) in try DataSplit.kFold(count: points.count, folds: folds, seed: seed).enumerated() {
                DirectiveProgress.report("k-fold: fold \(index + 1) of \(folds) for \(model.label)")
                let (train, heldOut) = split.apply(to: points)
                pooled += losses(try model.specification.fit(train).model, at: heldOut)
            }
            return pooled
        }
    }

    /// −log p_data(xᵢ) at the same points as `pointLosses`, in the same order (for k-fold, the
    /// held-out fold of each split in turn: the true density needs no refit).
    static func truthLosses(_ truth: GaussianMixture, of dataset: Dataset, on: String, folds: Int, seed: UInt64)
        throws -> [Double] {
        // The true density is of the data's scale, before any `transform`.
        switch on {
        case "train": return truth.logDensities(at: dataset.trainOnDataScale).map { -$0 }
        case "heldout": return truth.logDensities(at: dataset.heldOutOnDataScale!).map { -$0 }
        default:
            let points = dataset.trainOnDataScale
            return try DataSplit.kFold(count: points.count, folds: folds, seed: seed).flatMap { split in
                truth.logDensities(at: split.apply(to: points).1).map { -$0 }
            }
        }
    }

    /// The mean loss with its standard error; one point of zero density (+∞ loss, e.g. the
    /// empirical distribution off the data) makes it +∞, whatever the other points are
    /// (the empirical distribution's −∞ losses on the data would otherwise give ∞ − ∞).
    static func meanLoss(_ losses: [Double]) -> Estimate {
        if losses.contains(.infinity) {
            return Estimate(value: .infinity, standardError: .infinity, count: losses.count)
        }
        return Estimate(meanOf: losses)
    }

    /// The most training points the two-sample tests use (every one of them up to this), and
    /// B, their permutations: what keeps both tests of one model near 0.1 s of CPU at 1,000
    /// points (bench/twosample.sh --points 1000, 2026-12-01, this 2-core machine): in 1-D
    /// 1,000 permutations take 53 ms (2,000 points: 130–160 ms); in 2-D the energy distance
    /// dominates, 200 permutations take 119 ms and 500 take 158–187 ms, so 2-D and up keep 200.
    static let twoSamplePoints = 1_000
    static func permutations(dimension: Int) -> Int { dimension == 1 ? 1_000 : 200 }

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
}
