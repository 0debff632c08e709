import ParzenCore
import ParzenPlot

/// The intractable marginal in numbers: the relative error of two Monte Carlo estimates of
/// p(x) against the latent dimension k, on linear-Gaussian models whose p(x) is exact.
enum LatentErrorFigure {
    static func draw(_ inputs: PlotInputs) throws -> DrawnFigure {
        let dimensions = (inputs.options.list("dimensions") ?? []).compactMap { item -> Int? in
            if case .integer(let k) = item.content { return k }
            return nil
        }
        let ks = dimensions.isEmpty ? [1, 2, 4, 8, 16] : dimensions.sorted()
        let curve = try LatentVariableModel.relativeErrorByLatentDimension(ks, observedDimension: 20, noiseVariance: 0.05,
                                                                           points: 20, samples: 1000, seed: inputs.seed)
        let x = curve.map { Double($0.latentDimension) }
        // A relative error of exactly 0 cannot sit on a log axis; it would be a gap anyway.
        let chart = Chart(id: inputs.id,
                          description: "Mean relative error |p̂(x)/p(x) − 1| of 1000-draw Monte Carlo estimates against the latent dimension k, for sampling from the prior and for importance sampling, on linear-Gaussian models in 20 dimensions.",
                          x: Axis(label: "latent dimension k", scale: .log10), y: Axis(label: "relative error of p̂(x)", scale: .log10),
                          marks: [.line(Line(name: "sampling z from the prior", x: x, y: curve.map(\.priorSamplingRelativeError))),
                                  .line(Line(name: "importance sampling (Laplace proposal)", x: x, y: curve.map(\.importanceSamplingRelativeError), dash: .dashed))])
        var values: [(String, ResultValue)] = [("dimensions", .numbers(x))]
        values.append(("prior_error", .numbers(curve.map(\.priorSamplingRelativeError))))
        values.append(("importance_error", .numbers(curve.map(\.importanceSamplingRelativeError))))
        return DrawnFigure(svg: chart.render(), values: values)
    }
}
