import ParzenCore
import ParzenChart

/// Samples from a model against the data it was fitted to: overlaid histograms (1-D), both
/// as points (2-D), or a QQ plot.
enum SamplesFigure {
    static func draw(_ inputs: PlotInputs, quantiles: Bool) throws -> DrawnFigure {
        let sample = inputs.sample!
        let dataset = sample.source.dataset
        let model = sample.source.label
        try checkLogAxes(inputs, quantiles: quantiles)
        if quantiles {
            let qq = QQPlot(x: dataset.trainOnDataScale.values, y: sample.points.values)
            let chart = Chart(
                id: inputs.id,
                description:
                    "Quantiles of \(sample.points.count) samples from \(model) against quantiles of the " +
                        "\(dataset.train.count) training points of \(dataset.label); points on the diagonal mean " +
                        "matching distributions.",
                x: Axis(label: "data quantiles (\(dataset.axisLabel(0)))"), y: Axis(label: "sample quantiles"),
                marks: qq.marks(name: "quantiles"))
            return DrawnFigure(content: .chart(chart))
        }
        if dataset.dimension == 2 {
            let train = dataset.trainOnDataScale
            let chart = Chart(
                id: inputs.id,
                description:
                    "\(sample.points.count) samples from \(model) and the training points of \(dataset.label).",
                              x: Axis(label: dataset.axisLabel(0)), y: Axis(label: dataset.axisLabel(1)),
                marks: [
                    .scatter(
                        Scatter(name: "samples from \(model)", x: sample.points.column(0), y: sample.points.column(1))),
                    .scatter(
                        Scatter(name: "data", x: train.column(0), y: train.column(1), color: .ink)),
                ])
            return DrawnFigure(content: .chart(chart))
        }
        let data = dataset.trainOnDataScale.values, drawn = sample.points.values
        // One set of bins for both, so the bars compare bin by bin.
        let bins = inputs.controls.bins?.bins(for: data + drawn) ?? Bins.freedmanDiaconis(data + drawn)
        let chart = Chart(
            id: inputs.id,
            description:
                "Histograms of \(drawn.count) samples from \(model) and of the \(data.count) training points of " +
                    "\(dataset.label), on the same bins.",
                          x: Axis(label: dataset.axisLabel(0)), y: Axis(label: "density"),
                          marks: [.histogram(Histogram(name: "data", data: data, bins: bins)),
                .histogram(Histogram(name: "samples from \(model)", data: drawn, bins: bins, color: .series(1))),
                                  .rug(Rug(x: data))])
        return DrawnFigure(content: .chart(chart))
    }

    /// Data and samples on a log axis must be positive: the QQ plot puts the data's
    /// quantiles on x and the samples' on y, the others both on x (and both on y in 2-D).
    private static func checkLogAxes(_ inputs: PlotInputs, quantiles: Bool) throws {
        let sample = inputs.sample!, dataset = sample.source.dataset, controls = inputs.controls
        let data = "the values of '\(dataset.label)'", drawn = "the samples from \(sample.source.label)"
        let at = inputs.options.location(of: "log")
        if quantiles {
            try controls.requirePositive(dataset.trainOnDataScale.values, what: data, axis: "x", at: at)
            try controls.requirePositive(sample.points.values, what: drawn, axis: "y", at: at)
            return
        }
        for k in 0..<dataset.dimension {
            let axis = k == 0 ? "x" : "y"
            try controls.requirePositive(dataset.trainOnDataScale.column(k), what: data, axis: axis, at: at)
            try controls.requirePositive(sample.points.column(k), what: drawn, axis: axis, at: at)
        }
    }
}
