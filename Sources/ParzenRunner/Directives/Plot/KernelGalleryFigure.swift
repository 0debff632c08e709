import ParzenMarkup
import ParzenCore
import ParzenFormat
import ParzenChart

/// Small multiples: the kernel gallery, and one KDE per β side by side.
enum KernelGalleryFigure {
    static func kernels(_ inputs: PlotInputs) throws -> DrawnFigure {
        let options = inputs.options
        let written = options.list("kernels") ?? []
        let kernels = try written.isEmpty ? Kernel.builtIn : written.map(KernelChoice.kernel)
        let grid = PlotGrid.points(-3.5...3.5, count: 281)
        let origin = PointSet([0])
        var panels: [Chart] = []
        for kernel in kernels {
            // Scale every kernel to unit standard deviation, so their shapes compare at equal
            // spread; the title gives the scale h (scikit-learn's bandwidth) that takes.
            let sd = kernel.variance(dimension: 1).squareRoot()
            let h = sd.isFinite && sd > 0 ? 1 / sd : 1
            let model = try KernelDensityEstimate(data: origin, kernel: kernel, bandwidth: .standardDeviation(h))
            let name: String = switch kernel {
            case .formula(let f): "K ∝ " + f.source
            case .radial(let f): "k ∝ " + f.source
            default: kernel.name
            }
            let scale = sd.isFinite ? "h = \(NumberFormat.prose(h, digits: 4))" : "h = 1, no finite variance"
            let curve = Line(x: grid, y: PlotGrid.density(of: model, at: grid))
            panels.append(Chart(id: "", title: "\(name), \(scale)", x: Axis(label: "u"), y: Axis(label: "K(u)"),
                                size: .panel, showsLegend: false, marks: [.line(curve)]))
        }
        let description = "The kernels " + kernels.map(\.name).joined(separator: ", ")
            + ", each drawn at unit standard deviation: at scale h = 1/σ_K, the bandwidth h that gives a standard "
            + "deviation of 1."
        let gallery = SmallMultiples(id: inputs.id, description: description, panels: panels)
        return DrawnFigure(content: .smallMultiples(gallery), values: [("kernels", .integer(kernels.count))])
    }

    static func betas(_ inputs: PlotInputs) throws -> DrawnFigure {
        let dataset = try inputs.requireDataset(for: .betas)
        let betas = inputs.options.numbers("betas")!
        let train = dataset.train
        // The KDEs are of the values the models see; with a `transform:` they are drawn on the
        // data's scale, as the density figure draws fits (`FittedModel.densityOnDataScale`).
        let kdes = try betas.map { beta -> any DensityModel in
            let kde = try KernelDensityEstimate(data: train, kernel: .gaussian, bandwidth: .variance(beta))
            return dataset.transform.map { TransformedDensity(model: kde, transform: $0) } ?? kde
        }
        let values = dataset.trainOnDataScale.values
        let grid: [Double]
        if let transform = dataset.transform?.columns[0] {
            grid = PlotGrid.curveGrid(over: values, models: kdes, controls: inputs.controls,
                                      count: DensityFigure.gridCount).filter(transform.accepts)
        } else {
            let widest = betas.max()!.squareRoot()
            let low = values.min()! - 3 * widest, high = values.max()! + 3 * widest
            grid = PlotGrid.points(low...high, count: DensityFigure.gridCount)
        }
        let bins = inputs.controls.bins?.bins(for: values)
        var panels: [Chart] = []
        for (beta, kde) in zip(betas, kdes) {
            panels.append(
                Chart(
                    id: "", title: "β = \(NumberFormat.prose(beta, digits: 3))", x: Axis(label: dataset.axisLabel(0)),
                    y: Axis(label: "density"),
                                size: .panel, showsLegend: false,
                    marks: [
                        .histogram(Histogram(data: values, bins: bins)),
                        .line(Line(x: grid, y: PlotGrid.density(of: kde, at: grid))),
                    ]))
        }
        let figure = SmallMultiples(
            id: inputs.id,
            description: "Gaussian KDEs of \(dataset.label)\(Self.scale(of: dataset)) with β = "
                + betas.map { NumberFormat.prose($0) }.joined(separator: ", ") + ", over the data's histogram.",
                                    panels: panels)
        return DrawnFigure(content: .smallMultiples(figure))
    }

    /// ", fitted to log(x) and drawn as densities of x" for transformed data, else nothing.
    private static func scale(of dataset: Dataset) -> String {
        guard let transform = dataset.transform?.columns[0] else { return "" }
        return ", fitted to \(transform.name)(x) and drawn as densities of x"
    }
}
