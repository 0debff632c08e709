import ParzenMarkup
import ParzenCore
import ParzenChart

/// 1-D density figures: the data as a histogram and rug with fitted curves, and the
/// empirical distribution as spikes.
enum DensityFigure {
    /// Grid resolution of the curves: finer than the eye needs at 560 units wide; the Line
    /// mark simplifies what it cannot see.
    static let gridCount = 401

    static func density(_ inputs: PlotInputs) throws -> DrawnFigure {
        let dataset = try inputs.requireDataset(for: .density)
        let controls = inputs.controls, names = controls.legend
        // On the data's scale: with a `transform:`, the curves are the fitted densities of the
        // transformed values times |dz/dx| (`densityOnDataScale`).
        let train = dataset.trainOnDataScale.values
        let heldOut = controls.showsHeldOut ? dataset.heldOutOnDataScale?.values : nil
        try controls.requirePositive(dataset.pointsOnDataScale.values, what: "the values of '\(dataset.label)'",
                                     axis: "x", at: inputs.options.location(of: "log"))
        var grid = PlotGrid.curveGrid(over: train + (heldOut ?? []), models: inputs.fits.map(\.densityOnDataScale),
                                      controls: controls, count: gridCount)
        if controls.x == nil, let transform = dataset.transform?.columns[0] {
            // A transformed column's density is 0 outside the transform's domain (x ≤ 0 for log):
            // the default range stops at its edge.
            grid = grid.filter(transform.accepts)
        }
        let dataName = dataset.heldOut == nil ? "data" : "training data"
        var marks: [Mark] = [
            .histogram(Histogram(name: names.name(for: "data", standard: "\(dataName) (\(train.count) points)"),
                                 data: train, bins: controls.bins?.bins(for: train))),
            .rug(Rug(x: train)),
        ]
        let dashes: [LineDash] = [.solid, .dashed, .dotted]
        var curves = 0
        for fit in inputs.fits where !(fit.model is EmpiricalDistribution) {
            let y = PlotGrid.density(of: fit.densityOnDataScale, at: grid)
            marks.append(.line(Line(name: names.name(for: fit.label, standard: legendName(fit)), x: grid, y: y,
                                    dash: dashes[curves % dashes.count])))
            curves += 1
        }
        if let truth = dataset.truth {
            marks.append(.line(Line(name: names.name(for: "true", standard: "true density"), x: grid,
                                    y: PlotGrid.density(of: truth, at: grid), color: .ink, dash: .dotted)))
        }
        if let heldOut {
            // The slot after the curves', so the held-out ticks never share a fit's colour.
            let name = names.name(for: "heldout", standard: "held-out data (\(heldOut.count) points)")
            marks.append(.rug(Rug(name: name, x: heldOut, color: .series(curves + 1))))
        }
        let fitted = inputs.fits.map(\.label).joined(separator: ", ")
        var chart = Chart(
            id: inputs.id,
            description:
                "Histogram and rug of \(dataset.label)\(fitted.isEmpty ? "" : " with the densities of \(fitted)")"
                    + (heldOut.map { ", the \($0.count) held-out points as a rug of their own." } ?? "."),
                          x: Axis(label: dataset.axisLabel(0)), y: Axis(label: "density"), marks: marks)
        PlotGrid.floorLogDensityAxis(&chart, controls: controls)
        return DrawnFigure(content: .chart(chart))
    }

    static func empirical(_ inputs: PlotInputs) throws -> DrawnFigure {
        let dataset = try inputs.requireDataset(for: .empirical)
        let values = dataset.trainOnDataScale.values
        try inputs.controls.requirePositive(values, what: "the values of '\(dataset.label)'", axis: "x",
                                            at: inputs.options.location(of: "log"))
        let chart = Chart(
            id: inputs.id,
            description:
                "The empirical distribution of \(dataset.label): a spike of mass k/N at each of the \(values.count) " +
                    "training values.",
                          x: Axis(label: dataset.axisLabel(0)), y: Axis(label: "probability mass"),
                          marks: [.spikes(Spikes.empirical(name: "p_emp, mass 1/N per point", data: values))])
        return DrawnFigure(content: .chart(chart))
    }

    /// "kde (β = 0.04)" for a Gaussian KDE (β its variance), "kde (h = 0.3)" for another
    /// kernel (h its scale: β would not be a variance), the label otherwise.
    static func legendName(_ fit: FittedModel) -> String {
        guard let bandwidth = fit.fit.bandwidth, let h = bandwidth.standardDeviation else { return fit.label }
        if fit.specification.kernel == .gaussian {
            return "\(fit.label) (β = \(NumberFormat.prose(bandwidth.beta!, digits: 3)))"
        }
        return "\(fit.label) (h = \(NumberFormat.prose(h, digits: 3)))"
    }
}
