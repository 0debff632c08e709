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
        // With a `transform:`, NLLs of the data's scale: each set's shifted by its mean log-Jacobian
        // (the same for every β, so the choice of β is the same on either scale).
        func shift(_ points: PointSet) -> Double {
            -dataset.logJacobians(at: points).reduce(0, +) / Double(points.count)
        }
        let trainShift = shift(train)
        let trainNLL = curve.trainNLL.map { $0 + trainShift }
        let leaveOneOutNLL = curve.leaveOneOutNLL.map { $0 + trainShift }
        let heldOutShift = dataset.heldOut.map(shift) ?? 0
        let heldOutNLL = curve.heldOutNLL?.map { $0 + heldOutShift }
        // On the h axis every β is drawn at h = √β, the Gaussian kernel's standard deviation.
        let onH = inputs.options.text("bandwidth_axis") == "h"
        let position: (Double) -> Double = { onH ? $0.squareRoot() : $0 }
        let xs = betas.map(position)
        var marks: [Mark] = [
            .line(Line(name: "training NLL", x: xs, y: trainNLL)),
            .line(Line(name: "leave-one-out NLL", x: xs, y: leaveOneOutNLL, dash: .dashed)),
        ]
        if let heldOut = heldOutNLL {
            marks.append(.line(Line(name: "held-out NLL", x: xs, y: heldOut, dash: .dotted)))
        }
        var values: [(String, ResultValue)] = []
        let best = leaveOneOutNLL.indices.min { leaveOneOutNLL[$0] < leaveOneOutNLL[$1] }!
        func named(_ beta: Double) -> String {
            onH ? "h = \(NumberFormat.prose(beta.squareRoot(), digits: 3))"
                : "β = \(NumberFormat.prose(beta, digits: 3))"
        }
        if let chosen {
            marks.append(.rule(ReferenceLine(.vertical(position(chosen)), label: "chosen " + named(chosen))))
            values.append(("beta_chosen", .number(chosen)))
        } else {
            // Without a fit to mark, the scan's own choice: the lowest leave-one-out NLL.
            marks.append(.rule(ReferenceLine(.vertical(xs[best]), label: "best leave-one-out " + named(betas[best]))))
        }
        values.append(("beta_loo_best", .number(betas[best])))
        values.append(("nll_loo_best", .number(leaveOneOutNLL[best])))
        if let heldOut = heldOutNLL {
            let bestHeldOut = heldOut.indices.min { heldOut[$0] < heldOut[$1] }!
            values.append(("beta_heldout_best", .number(betas[bestHeldOut])))
        }
        // The y range: from 1 nat below to 2.5 nats above the lowest leave-one-out or
        // held-out NLL. The training curve dives out through the bottom as β → 0 and the
        // validation curves climb out through the top, which is the point of the figure.
        let low = (leaveOneOutNLL + (heldOutNLL ?? [])).filter(\.isFinite).min() ?? 0
        let yDomain = (low - 1)...(low + 2.5)
        let chart = Chart(id: inputs.id,
            description:
                "NLL of a Gaussian KDE of \(dataset.label) against the bandwidth β on a log axis: training NLL, "
                    + "leave-one-out NLL\(heldOutNLL == nil ? "" : " and held-out NLL").",
            x: Axis(label: onH ? "h (standard deviation of the kernel)" : "β (variance of the kernel)",
                    scale: .log10),
            y: Axis(label: "NLL (nats per point)", domain: yDomain), marks: marks)
        let table = inputs.options.boolean("table") == true
            ? [OutputBlock.table(grid(betas, trainNLL, leaveOneOutNLL, heldOutNLL))] : []
        return DrawnFigure(content: .chart(chart), values: values, blocks: table)
    }

    /// The scan as a table: β, h = √β and the three NLLs per grid point.
    static func grid(_ betas: [Double], _ trainNLL: [Double], _ leaveOneOutNLL: [Double], _ heldOutNLL: [Double]?)
        -> ResultTable {
        var header = ["β", "h", "training NLL", "leave-one-out NLL"]
        if heldOutNLL != nil { header.append("held-out NLL") }
        let rows = betas.indices.map { i -> [ResultTable.Cell] in
            var numbers = [betas[i], betas[i].squareRoot(), trainNLL[i], leaveOneOutNLL[i]]
            if let heldOut = heldOutNLL { numbers.append(heldOut[i]) }
            return numbers.map { [.number($0)] }
        }
        return ResultTable(header: header.map { [.text($0)] }, rows: rows)
    }
}
