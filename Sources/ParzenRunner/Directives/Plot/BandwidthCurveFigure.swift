import ParzenMarkup
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParzenCore
import ParzenChart

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
        // The curve is the unbounded Gaussian KDE's: only such a fit's β is a point on it (another
        // kernel's h² is not its variance, and a reflected KDE is another density).
        let kdeFit = inputs.fits.first {
            $0.specification.kernel == .gaussian && $0.specification.boundary == nil && $0.fit.bandwidth?.beta != nil
        }
        let chosen = kdeFit?.fit.bandwidth?.beta
        let train = dataset.train
        let reference = try chosen ?? BandwidthRule.scott.bandwidth(for: train, kernel: .gaussian).beta!
        let betas = inputs.options.numbers("betas")?.sorted() ?? defaultGrid(around: reference)
        let curve = try BandwidthCurve(train: train, heldOut: dataset.heldOut, betas: betas)
        var marks: [Mark] = [
            .line(Line(name: "training NLL", x: betas, y: curve.trainNLL)),
            .line(Line(name: "leave-one-out NLL", x: betas, y: curve.leaveOneOutNLL, dash: .dashed)),
        ]
        if let heldOut = curve.heldOutNLL {
            marks.append(.line(Line(name: "held-out NLL", x: betas, y: heldOut, dash: .dotted)))
        }
        var values: [(String, ResultValue)] = []
        if let chosen {
            marks.append(
                .rule(ReferenceLine(.vertical(chosen), label: "chosen β = \(NumberFormat.prose(chosen, digits: 3))")))
            values.append(("beta_chosen", .number(chosen)))
        }
        let best = curve.leaveOneOutNLL.indices.min { curve.leaveOneOutNLL[$0] < curve.leaveOneOutNLL[$1] }!
        values.append(("beta_loo_best", .number(betas[best])))
        values.append(("nll_loo_best", .number(curve.leaveOneOutNLL[best])))
        if let heldOut = curve.heldOutNLL {
            let bestHeldOut = heldOut.indices.min { heldOut[$0] < heldOut[$1] }!
            values.append(("beta_heldout_best", .number(betas[bestHeldOut])))
        }
        // The y range: from 1 nat below to 2.5 nats above the lowest leave-one-out or
        // held-out NLL. The training curve dives out through the bottom as β → 0 and the
        // validation curves climb out through the top, which is the point of the figure.
        let low = (curve.leaveOneOutNLL + (curve.heldOutNLL ?? [])).filter(\.isFinite).min() ?? 0
        let yDomain = (low - 1)...(low + 2.5)
        let chart = Chart(id: inputs.id,
            description:
                "NLL of a Gaussian KDE of \(dataset.label) against the bandwidth β on a log axis: training NLL, "
                    + "leave-one-out NLL\(curve.heldOutNLL == nil ? "" : " and held-out NLL").",
            x: Axis(label: "β (variance of the kernel)", scale: .log10),
            y: Axis(label: "NLL (nats per point)", domain: yDomain), marks: marks)
        return DrawnFigure(content: .chart(chart), values: values)
    }
}
