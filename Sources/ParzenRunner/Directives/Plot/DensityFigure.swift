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
        let values = dataset.points.values
        let range = PlotGrid.range(of: values, models: inputs.fits.map(\.model))
        let grid = PlotGrid.points(range, count: gridCount)
        var marks: [Mark] = [
            .histogram(Histogram(name: "data (\(dataset.points.count) points)", data: values)),
            .rug(Rug(x: values)),
        ]
        let dashes: [LineDash] = [.solid, .dashed, .dotted]
        for (i, fit) in inputs.fits.enumerated() where !(fit.model is EmpiricalDistribution) {
            marks.append(
                .line(
                    Line(
                        name: legendName(fit), x: grid, y: PlotGrid.density(of: fit.model, at: grid),
                        dash: dashes[i % dashes.count])))
        }
        if let truth = dataset.truth {
            marks.append(
                .line(
                    Line(
                        name: "true density", x: grid, y: PlotGrid.density(of: truth, at: grid), color: .ink,
                        dash: .dotted)))
        }
        let curves = inputs.fits.map(\.label).joined(separator: ", ")
        let chart = Chart(
            id: inputs.id,
            description:
                "Histogram and rug of \(dataset.label)\(curves.isEmpty ? "" : " with the densities of \(curves)").",
                          x: Axis(label: dataset.axisLabel(0)), y: Axis(label: "density"), marks: marks)
        return DrawnFigure(content: .chart(chart))
    }

    static func empirical(_ inputs: PlotInputs) throws -> DrawnFigure {
        let dataset = try inputs.requireDataset(for: .empirical)
        let values = dataset.train.values
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
