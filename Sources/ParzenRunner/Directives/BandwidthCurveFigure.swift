#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParzenCore
import ParzenPlot

/// The bandwidth curve: NLL of a Gaussian KDE against β on a log axis — on the training
/// points (which falls without bound as β → 0, the KDE collapsing onto the data), by
/// leave-one-out, and on the held-out points — with the chosen β marked.
enum BandwidthCurveFigure {
    /// The β grid without `betas:`: 41 points, log-spaced over 10⁻³…10 times the reference β
    /// (the first KDE fit's, else Scott's), wide enough to show both failure modes.
    static func defaultGrid(around reference: Double) -> [Double] {
        (0...40).map { reference * pow(10, -3 + 4 * Double($0) / 40) }
    }

    static func draw(_ inputs: PlotInputs) throws -> DrawnFigure {
        let dataset = try inputs.requireDataset(for: .bandwidth)
        let kdeFit = inputs.fits.first { $0.fit.bandwidth?.beta != nil }
        let chosen = kdeFit?.fit.bandwidth?.beta
        let train = dataset.train
        let reference = try chosen ?? BandwidthRule.scott.select(for: train, kernel: .gaussian).beta!
        let betas = inputs.options.numbers("betas")?.sorted() ?? defaultGrid(around: reference)
        let curve = try Self.curve(train: train, heldOut: dataset.heldOut, betas: betas)
        var marks: [Mark] = [
            .line(Line(name: "training NLL", x: betas, y: curve.train)),
            .line(Line(name: "leave-one-out NLL", x: betas, y: curve.leaveOneOut, dash: .dashed)),
        ]
        if let heldOut = curve.heldOut {
            marks.append(.line(Line(name: "held-out NLL", x: betas, y: heldOut, dash: .dotted)))
        }
        var values: [(String, ResultValue)] = []
        if let chosen {
            marks.append(.rule(ReferenceLine(.vertical(chosen), label: "chosen β = \(NumberFormat.prose(chosen, digits: 3))")))
            values.append(("beta_chosen", .number(chosen)))
        }
        let best = curve.leaveOneOut.indices.min { curve.leaveOneOut[$0] < curve.leaveOneOut[$1] }!
        values.append(("beta_loo_best", .number(betas[best])))
        values.append(("nll_loo_best", .number(curve.leaveOneOut[best])))
        if let heldOut = curve.heldOut {
            let bestHeldOut = heldOut.indices.min { heldOut[$0] < heldOut[$1] }!
            values.append(("beta_heldout_best", .number(betas[bestHeldOut])))
        }
        // The y range: from 1 nat below to 2.5 nats above the lowest leave-one-out or
        // held-out NLL. The training curve dives out through the bottom as β → 0 and the
        // validation curves climb out through the top, which is the point of the figure.
        let low = (curve.leaveOneOut + (curve.heldOut ?? [])).filter(\.isFinite).min() ?? 0
        let yDomain = (low - 1)...(low + 2.5)
        let chart = Chart(id: inputs.id,
                          description: "NLL of a Gaussian KDE of \(dataset.label) against the bandwidth β on a log axis: training NLL, leave-one-out NLL\(curve.heldOut == nil ? "" : " and held-out NLL").",
                          x: Axis(label: "β (variance of the kernel)", scale: .log10), y: Axis(label: "NLL (nats per point)", domain: yDomain), marks: marks)
        return DrawnFigure(svg: chart.render(), values: values)
    }

    /// Train, leave-one-out and held-out NLL of a Gaussian KDE at each β.
    ///
    /// Leave-one-out: log p₋ᵢ(xᵢ) is the log-density at xᵢ of the KDE on the other N − 1
    /// points, built for each i: exact in log space (the shortcut (N p(xᵢ) − K(0))/(N − 1)
    /// cancels catastrophically as β → 0). Cost: N² per β (N = 500, 41 β: 10⁷ kernel terms).
    static func curve(train: PointSet, heldOut: PointSet?, betas: [Double]) throws -> (train: [Double], leaveOneOut: [Double], heldOut: [Double]?) {
        guard train.count >= 2 else { throw ModelError.tooFewPoints("a bandwidth curve", needed: 2, got: train.count) }
        var trainNLL: [Double] = [], looNLL: [Double] = [], heldOutNLL: [Double] = []
        let n = train.count
        for beta in betas {
            let kde = try KernelDensityEstimate(data: train, kernel: .gaussian, bandwidth: .variance(beta))
            trainNLL.append(negativeLogLikelihood(of: kde, on: train).value)
            var loo = 0.0
            for i in 0..<n {
                let others = train.selecting((0..<n).lazy.filter { $0 != i })
                loo -= try KernelDensityEstimate(data: others, kernel: .gaussian, bandwidth: .variance(beta)).logDensity(at: train[i])
            }
            looNLL.append(loo / Double(n))
            if let heldOut { heldOutNLL.append(negativeLogLikelihood(of: kde, on: heldOut).value) }
        }
        return (trainNLL, looNLL, heldOut == nil ? nil : heldOutNLL)
    }
}
