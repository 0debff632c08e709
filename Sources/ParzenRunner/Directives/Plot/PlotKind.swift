#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParzenCore
import ParzenChart

/// The kinds of figure `{plot}` draws.
enum PlotKind: String, CaseIterable {
    case density
    case empirical
    case bandwidth
    case kernels
    case betas
    case contours
    case heatmap
    case samples
    case qq
    case latent

    var help: String {
        switch self {
        case .density:
            "1-D histogram (Freedman–Diaconis bins, density-normalised) and rug of the data, one curve per fit, and " +
                "the true density when the data were generated"
        case .empirical: "the empirical distribution as spikes of mass 1/N"
        case .bandwidth:
            "train, leave-one-out and held-out NLL of a Gaussian KDE against β (or h) on a log axis, the fit's β "
                + "marked, else the grid's best by leave-one-out"
        case .kernels: "the kernels side by side, each scaled to unit variance"
        case .betas: "one panel per β: the data's histogram with the Gaussian KDE of that bandwidth"
        case .contours: "2-D scatter of the data with density contours (marching squares) of the first fit"
        case .heatmap: "2-D heat map of the first fit's density with the data on top"
        case .samples: "histograms of samples and data overlaid (1-D) or both as points (2-D)"
        case .qq: "quantiles of the samples against quantiles of the data (1-D)"
        case .latent:
            "error of Monte Carlo estimates of log p(x) against the latent dimension k (prior sampling vs " +
                "importance sampling, linear decoder with exact answer)"
        }
    }

    func draw(_ inputs: PlotInputs) throws -> DrawnFigure {
        do {
            switch self {
            case .density: return try DensityFigure.density(inputs)
            case .empirical: return try DensityFigure.empirical(inputs)
            case .bandwidth: return try BandwidthCurveFigure.draw(inputs)
            case .kernels: return try KernelGalleryFigure.kernels(inputs)
            case .betas: return try KernelGalleryFigure.betas(inputs)
            case .contours, .heatmap: return try SurfaceFigure.draw(inputs, heatMap: self == .heatmap)
            case .samples, .qq: return try SamplesFigure.draw(inputs, quantiles: self == .qq)
            case .latent: return try LatentErrorFigure.draw(inputs)
            }
        } catch let error as ModelError {
            throw DirectiveError(error.problem, fix: error.fix, at: inputs.call.location)
        }
    }
}

/// Shared helpers for 1-D figures.
enum PlotGrid {
    /// `count` equally spaced points over `range`.
    static func points(_ range: ClosedRange<Double>, count: Int) -> [Double] {
        (0..<count).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(count - 1) }
    }

    /// The data range widened by `margin` of it each side and by three kernel widths of the
    /// widest KDE, so that every curve reaches its tails.
    static func range(of values: [Double], models: [any DensityModel] = [], margin: Double = 0.1) -> ClosedRange<Double>
    {
        let low = values.min()!, high = values.max()!
        var pad = max(margin * (high - low), 1e-9)
        for model in models {
            if let kde = model as? KernelDensityEstimate, let h = kde.bandwidth.standardDeviation {
                let kernelSD = kde.kernel.variance(dimension: 1).squareRoot()
                pad = max(pad, 3 * h * (kernelSD.isFinite ? min(kernelSD, 3) : 3))
            }
        }
        return (low - pad)...(high + pad)
    }

    /// The grid of 1-D curves: over `x:` when given, else over the data's range and margin
    /// (`range(of:models:margin:)`); log-spaced on a log x axis, so the curves are as smooth
    /// at the low end as at the high end.
    static func curveGrid(over values: [Double], models: [any DensityModel], controls: PlotControls,
                          count: Int) -> [Double] {
        guard controls.logX else { return points(controls.x ?? range(of: values, models: models), count: count) }
        let logRange = controls.x.map { log10($0.lowerBound)...log10($0.upperBound) }
            ?? range(of: values.map { log10($0) })
        return points(logRange, count: count).map { pow(10, $0) }
    }

    /// On a log y axis without `y:`, reach down to `PlotControls.logFloor` of the highest
    /// bar or curve instead of to the smallest positive value drawn.
    static func floorLogDensityAxis(_ chart: inout Chart, controls: PlotControls) {
        guard controls.logY, controls.y == nil else { return }
        let peak = chart.marks.compactMap { mark -> Double? in
            switch mark {
            case .histogram(let histogram): histogram.heights.max()
            case .line(let line): line.y.filter(\.isFinite).max()
            default: nil
            }
        }.max() ?? 1
        guard peak > 0 else { return }
        chart.y.domain = (peak * PlotControls.logFloor)...(peak * 1.5)
    }

    /// p(x) on the grid (1-D): exp of the model's batched log-density.
    static func density(of model: any DensityModel, at grid: [Double]) -> [Double] {
        model.logDensities(at: PointSet(grid)).map { exp($0) }
    }
}
