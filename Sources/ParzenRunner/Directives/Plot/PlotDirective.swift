import ParzenCore
import ParzenFormat
import ParzenChart

/// ```` ```{plot} label ````: draws a numbered figure from data sets, fitted models and
/// samples: densities over a histogram, the empirical distribution, the bandwidth curve,
/// kernel galleries and KDEs with several β side by side, 2-D contours and heat maps,
/// samples against data, and the latent model's Monte Carlo error against dimension.
public enum PlotDirective: Directive {
    public static let name = "plot"
    public static let version = 2  // 2: β panels and spikes of transformed data on the data scale
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
            help: "The data set to draw (its histogram and rug, or its points in 2-D)." + PlotKind.usedBy("data")),
        OptionSpec(
            "fits", .list(.labelOrWord([FitDirective.resultKind], words: ["true"])),
            help: "Fitted models to draw as curves (1-D) or contours (2-D, the first one); `true` is the density "
                + "that generated the data (generated data; the 1-D curves show it anyway)." + PlotKind.usedBy("fits")),
        OptionSpec(
            "sample", .label([SampleDirective.resultKind]),
            help: "Samples to set against their model's data." + PlotKind.usedBy("sample")),
        OptionSpec(
            "kernels", .list(.text), default: "every built-in kernel",
            help: "Kernels to draw: built-in names or formulas in x." + PlotKind.usedBy("kernels")),
        OptionSpec(
            "betas", .list(.positiveNumber),
            help: "Bandwidths β (variances): one panel each (`betas`) or the grid of the curve (`bandwidth`)."
                + PlotKind.usedBy("betas")),
        OptionSpec(
            "dimensions", .list(.integer(1...64)), default: "[1, 2, 4, 8, 16]",
            help: "Latent dimensions k." + PlotKind.usedBy("dimensions")),
        OptionSpec(
            "caption", .text,
            help: "The figure's caption (inline Markdown: emphasis, code, math, links); the report numbers it."),
        OptionSpec(
            "seed", .integer(0...Int.max), default: "derived from the notebook's seed and the label",
            help: "The seed of any random draws." + PlotKind.usedBy("seed")),
        OptionSpec(
            "bandwidth_axis", .choice(["beta", "h"]), default: "`beta`",
            help: "Draw the scan against β (the variance) or h = √β (the standard deviation, scikit-learn's "
                + "`bandwidth`)." + PlotKind.usedBy("bandwidth_axis")),
        OptionSpec(
            "table", .boolean, default: "false",
            help: "Also show the scan's grid as a table: β, h and the training, leave-one-out and held-out NLL."
                + PlotKind.usedBy("table")),
        OptionSpec(
            "bins", .structure(BinChoice.shape), default: "`fd` (Freedman–Diaconis)",
            help: "The histogram's bins: a count of equal bins over the data range, a rule (`fd`, `scott`, "
                + "`sturges`, as NumPy's `histogram_bin_edges` computes them) or the edges." + PlotKind.usedBy("bins")),
        OptionSpec(
            "x", .list(.number), default: "the data's range and a margin",
            help: "The x axis range `[low, high]`."),
        OptionSpec(
            "y", .list(.number), default: "every mark's range, widened to nice ticks",
            help: "The y axis range `[low, high]`."),
        OptionSpec(
            "log", .choice(["x", "y", "both"]), default: "linear axes",
            help: "Which axes are logarithmic (base 10); the values drawn on them must be positive, and a log y axis "
                + "without `y:` reaches down to 10⁻⁴ of the highest bar or curve." + PlotKind.usedBy("log")),
        OptionSpec(
            "size", .structure(PlotControls.sizeShape), default: "560 × 350",
            help: "The figure's size in SVG units: it scales to the page, so this sets its aspect ratio and how "
                + "large its text is; give `size` or `aspect`, not both." + PlotKind.usedBy("size")),
        OptionSpec(
            "aspect", .positiveNumber, default: "1.6",
            help: "Width / height (0.25…4) at the standard width of 560 units." + PlotKind.usedBy("aspect")),
        OptionSpec(
            "legend", .structure(LegendControl.shape), default: "`top`, entries named after the fits",
            help: "Where the legend goes (`top`, `bottom`, `none`) and display names for its entries, keyed by fit "
                + "label, `data`, `heldout` or `true`, e.g. `{kde_03: \"KDE, h = 0.3\", position: bottom}`; names "
                + "apply to kinds `density`, `contours` and `heatmap`." + PlotKind.usedBy("legend")),
        OptionSpec("title", .text, help: "A title drawn above the figure (plain text; the caption is below it)."),
        OptionSpec(
            "show_heldout", .boolean, default: "true",
            help: "Whether to draw the data set's held-out points, in their own colour and legend entry, next to "
                + "the training points." + PlotKind.usedBy("show_heldout")),
    ]

    /// `size` and `aspect` both set the shape.
    public static let rules: [OptionRule] = [
        .notTogether(OptionMeaning("size", "width and height"), OptionMeaning("aspect", "width / height")),
    ]

    public static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        let inputs = try PlotInputs(call, in: context)
        let kind = try inputs.kind()
        var figure = try kind.draw(inputs)
        switch figure.content {
        case .chart(var chart):
            inputs.controls.apply(to: &chart)
            figure.content = .chart(chart)
        case .smallMultiples(var multiples):
            inputs.controls.apply(to: &multiples)
            figure.content = .smallMultiples(multiples)
        }
        var values = ResultValues()
        values["kind"] = .text(kind.rawValue)
        for (key, value) in figure.values { values[key] = value }
        let caption = call.options.text("caption").map { AuthoredText($0, at: call.options.location(of: "caption")!) }
        return DirectiveResult(
            kind: resultKind, values: values,
            output: [.figure(FigureOutput(figure.content, caption: caption))] + figure.blocks)
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
    let controls: PlotControls

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
        controls = try PlotControls(options)
    }

    var options: OptionValues { call.options }

    /// The density a 2-D figure draws: the first entry of `fits`, a fit or `true`.
    var surface: (label: String, density: any DensityModel)? {
        let firstIsTruth = options.list("fits")?.first.map { if case .text = $0.content { true } else { false } }
        if firstIsTruth == true, let truth = effectiveDataset?.truth { return ("true", truth) }
        return fits.first.map { ($0.label, $0.densityOnDataScale) }
    }

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
    /// Output after the figure, e.g. the bandwidth scan's grid as a table.
    var blocks: [OutputBlock] = []
}

extension PlotDirective: DocumentedResults {
    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("kind", .text)], "the kind of figure drawn"),
        ResultKeyDeclaration([("beta_chosen", .number), ("beta_loo_best", .number), ("nll_loo_best", .number),
                              ("beta_heldout_best", .number)],
                             "`bandwidth`: the fitted KDE's β, and the grid's β with the lowest leave-one-out "
                                 + "(held-out) NLL"),
        ResultKeyDeclaration([("kernels", .integer)], "`kernels`: number of panels"),
        ResultKeyDeclaration([("dimensions", .numbers), ("prior_log_error", .numbers),
                              ("importance_log_error", .numbers)],
                             "`latent`: the latent dimensions and the mean |log p̂ − log p| (nats) of the two "
                                 + "estimators"),
        ResultKeyDeclaration([("prior_relative_error", .numbers), ("importance_relative_error", .numbers)],
                             "`latent`: the mean |p̂/p − 1| of the two estimators"),
    ]
}
