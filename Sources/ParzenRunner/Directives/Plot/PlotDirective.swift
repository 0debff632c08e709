import ParzenCore
import ParzenFormat
import ParzenChart

/// ```` ```{plot} label ````: draws a numbered figure from data sets, fitted models and
/// samples: densities over a histogram, the empirical distribution, the bandwidth curve,
/// kernel galleries and KDEs with several β side by side, 2-D contours and heat maps,
/// samples against data, and the latent model's Monte Carlo error against dimension.
public enum PlotDirective: Directive {
    public static let name = "plot"
    public static let version = 1
    public static let summary =
        "Draw a numbered figure: densities over the data, the empirical distribution, the bandwidth curve, kernels, " +
            "several bandwidths side by side, 2-D contours or heat maps, samples against data, or the Monte Carlo " +
            "error of a latent model."
    public static let resultKind = ResultKind(rawValue: "figure")
    public static let example = """
        data: faithful
        fits: [gauss, kde]
        caption: Two models of the eruption durations.
        """

    public static let options = [
        OptionSpec(
            "kind", .choice(PlotKind.allCases.map(\.rawValue)),
            default:
                "from the inputs: `samples` with `sample`, `contours` for 2-D data, `density` for 1-D data, " +
                    "`latent` with `dimensions`, else `kernels`",
                   help: PlotKind.allCases.map { "`\($0.rawValue)`: \($0.help)" }.joined(separator: "; ") + "."),
        OptionSpec(
            "data", .label([DataDirective.resultKind]),
            help: "The data set to draw (its histogram and rug, or its points in 2-D)."),
        OptionSpec(
            "fits", .list(.label([FitDirective.resultKind])),
            help: "Fitted models to draw as curves (1-D) or contours (2-D, the first one)."),
        OptionSpec(
            "sample", .label([SampleDirective.resultKind]),
            help: "Samples to set against their model's data (`samples`, `qq`)."),
        OptionSpec(
            "kernels", .list(.text), default: "every built-in kernel",
            help: "Kernels for `kernels`: built-in names or formulas in x."),
        OptionSpec(
            "betas", .list(.positiveNumber),
            help: "Bandwidths β (variances) for `betas` (one panel each) or the grid of `bandwidth`."),
        OptionSpec(
            "dimensions", .list(.integer(1...64)), default: "[1, 2, 4, 8, 16]",
            help: "Latent dimensions k for `latent`."),
        OptionSpec(
            "caption", .text,
            help: "The figure's caption (inline Markdown: emphasis, code, math, links); the report numbers it."),
        OptionSpec(
            "seed", .integer(0...Int.max), default: "derived from the notebook's seed and the label",
            help: "The seed of any random draws (`latent`)."),
    ]

    public static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        let inputs = try PlotInputs(call, in: context)
        let kind = try inputs.kind()
        let figure = try kind.draw(inputs)
        var values = ResultValues()
        values["kind"] = .text(kind.rawValue)
        for (key, value) in figure.values { values[key] = value }
        let caption = call.options.text("caption").map { AuthoredText($0, at: call.options.location(of: "caption")!) }
        return DirectiveResult(
            kind: resultKind, values: values, output: [.figure(FigureOutput(figure.content, caption: caption))])
    }
}

/// The inputs of one `{plot}`, resolved from its options.
struct PlotInputs {
    let call: DirectiveCall
    let id: String
    let dataset: Dataset?
    let fits: [FittedModel]
    let sample: SampleSet?
    let seed: UInt64

    init(_ call: DirectiveCall, in context: RunContext) throws {
        self.call = call
        let options = call.options
        id = call.label ?? "plot-\(call.location.line)"
        dataset = try options.text("data").map {
            try context.payload($0, as: Dataset.self, at: options.location(of: "data")!)
        }
        fits = try options.labels("fits").map { try context.payload($0.label, as: FittedModel.self, at: $0.location) }
        sample = try options.text("sample").map {
            try context.payload($0, as: SampleSet.self, at: options.location(of: "sample")!)
        }
        seed = context.seed(for: call)
    }

    var options: OptionValues { call.options }

    /// The data set to draw: the `data` option, else the first fit's, else the sample's.
    var effectiveDataset: Dataset? { dataset ?? fits.first?.dataset ?? sample?.source.dataset }

    func kind() throws -> PlotKind {
        PlotKind.resolve(
            written: options.text("kind"), hasSample: sample != nil, dimension: effectiveDataset?.dimension,
                         hasDimensions: options.has("dimensions"))
    }

    /// The data set to draw, which validation (`PlotDirective.validate`) made sure of.
    func requireDataset(for kind: PlotKind) throws -> Dataset {
        effectiveDataset!
    }
}

/// A chart (or small multiples) and the numbers it shows that prose may cite.
struct DrawnFigure {
    var content: FigureOutput.Content
    var values: [(String, ResultValue)] = []
}

extension PlotDirective: DocumentedResults {
    public static let resultKeys: [(key: String, meaning: String)] = [
        ("kind", "the kind of figure drawn"),
        (
            "beta_chosen, beta_loo_best, nll_loo_best, beta_heldout_best",
            "`bandwidth`: the fitted KDE's β, and the grid's β with the lowest leave-one-out (held-out) NLL"
        ),
        ("kernels", "`kernels`: number of panels"),
        (
            "dimensions, prior_log_error, importance_log_error",
            "`latent`: the latent dimensions and the mean |log p̂ − log p| (nats) of the two estimators"
        ),
        ("prior_relative_error, importance_relative_error", "`latent`: the mean |p̂/p − 1| of the two estimators"),
    ]
}
