import ParzenCore
import ParzenChart

/// The intractable marginal in numbers: the error of two Monte Carlo estimates of log p(x)
/// against the latent dimension k, on linear-Gaussian models whose p(x) is exact. The error
/// is |log p̂ − log p| in nats, which keeps growing where the relative error |p̂/p − 1|
/// saturates at 1 (p̂ ≪ p).
enum LatentErrorFigure {
    static func draw(_ inputs: PlotInputs) throws -> DrawnFigure {
        let dimensions = (inputs.options.list("dimensions") ?? []).compactMap { item -> Int? in
            if case .integer(let k) = item.content { return k }
            return nil
        }
        let ks = dimensions.isEmpty ? [1, 2, 4, 8, 16] : dimensions.sorted()
        let curve = try LatentVariableModel.relativeErrorByLatentDimension(
            ks, observedDimension: 20, noiseVariance: 0.05,
                                                                           points: 20, samples: 1000, seed: inputs.seed)
        let x = curve.map { Double($0.latentDimension) }
        let chart = Chart(id: inputs.id,
            description:
                "Mean error |log p̂(x) − log p(x)| in nats of 1000-draw Monte Carlo estimates against the latent " +
                    "dimension k, for sampling from the prior and for importance sampling, on linear-Gaussian " +
                    "models in 20 dimensions.",
            x: Axis(label: "latent dimension k", scale: .log10),
            y: Axis(label: "|log p̂(x) − log p(x)| (nats)", scale: .log10),
            marks: [
                .line(Line(name: "sampling z from the prior", x: x, y: curve.map(\.priorSamplingLogError))),
                .line(
                    Line(
                        name: "importance sampling (Laplace proposal)", x: x,
                        y: curve.map(\.importanceSamplingLogError), dash: .dashed)),
            ])
        var values: [(String, ResultValue)] = [("dimensions", .numbers(x))]
        values.append(("prior_log_error", .numbers(curve.map(\.priorSamplingLogError))))
        values.append(("importance_log_error", .numbers(curve.map(\.importanceSamplingLogError))))
        values.append(("prior_relative_error", .numbers(curve.map(\.priorSamplingRelativeError))))
        values.append(("importance_relative_error", .numbers(curve.map(\.importanceSamplingRelativeError))))
        return DrawnFigure(content: .chart(chart), values: values)
    }
}
