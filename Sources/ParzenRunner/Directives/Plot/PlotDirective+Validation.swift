import ParzenCore
import ParzenFormat

extension PlotDirective {
    /// Resolves the kind from the inputs' shapes and checks that the kind gets what it draws:
    /// a data set of the right dimension, fits of that data set, samples, bandwidths, valid
    /// kernel names or formulas.
    public static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape {
        let options = call.options
        let dataset = try options.text("data").map { try context.dataset($0, at: options.location(of: "data")!) }
        let fits = try options.labels("fits").map { try context.model($0.label, at: $0.location) }
        let sample = try options.text("sample").map { try context.sample($0, at: options.location(of: "sample")!) }
        let effective = dataset ?? fits.first?.dataset ?? sample?.model.dataset
        let kind = PlotKind.resolve(written: options.text("kind"), hasSample: sample != nil,
                                    dimension: effective?.dimension, hasDimensions: options.has("dimensions"))
        let kindLocation = options.location(of: "kind") ?? call.location
        switch kind {
        case .density, .empirical, .betas, .bandwidth, .contours, .heatmap:
            guard let effective else {
                throw DirectiveError("kind '\(kind.rawValue)' needs a data set",
                                     fix: "add 'data: <label>' or 'fits: [<label>]'", at: kindLocation)
            }
            if kind != .bandwidth {
                let dimension = [.contours, .heatmap].contains(kind) ? 2 : 1
                try require(effective, dimension: dimension, for: kind, options, call)
            }
            if [.density, .contours, .heatmap].contains(kind) {
                for (fit, reference) in zip(fits, options.labels("fits")) where fit.dataset.label != effective.label {
                    throw DirectiveError(
                        "'\(reference.label)' was fitted to '\(fit.dataset.label)', not to '\(effective.label)'",
                        fix: "plot models of the same data set", at: reference.location)
                }
            }
            if kind == .bandwidth, effective.trainCount < 2 {
                let error = ModelError.tooFewPoints("a bandwidth curve", needed: 2, got: effective.trainCount)
                throw DirectiveError(error.problem, fix: error.fix, at: options.location(of: "data") ?? kindLocation)
            }
            if kind == .betas, (options.numbers("betas") ?? []).isEmpty {
                throw DirectiveError("kind 'betas' needs the bandwidths to show",
                                     fix: "add e.g. betas: [0.005, 0.05, 0.5]", at: call.location)
            }
        case .samples, .qq:
            guard let sample else {
                throw DirectiveError("kind '\(kind.rawValue)' needs samples",
                                     fix: "add 'sample: <label of a {sample}>'", at: kindLocation)
            }
            if kind == .qq || sample.model.dimension != 2 {
                try require(sample.model.dataset, dimension: 1, for: kind, options, call)
            }
        case .kernels:
            for item in options.list("kernels") ?? [] {
                _ = try KernelChoice.kernel(item)
            }
        case .latent:
            break
        }
        // After what the kind needs, which says more ("needs samples") than what it does not use.
        try kind.checkUses(options, declared: self.options)
        let controls = try PlotControls(options)
        if let truth = options.words("fits").first, kind == .bandwidth {
            throw DirectiveError("'true' in fits applies to kinds density, contours and heatmap, not 'bandwidth'",
                                 fix: "remove it: the bandwidth curve is a KDE's", at: truth.location)
        }
        if let truth = options.words("fits").first, effective?.hasTruth != true {
            throw DirectiveError("'true' needs the density that generated the data, but '\(effective?.label ?? "")' "
                                 + "was loaded, not generated",
                                 fix: "remove it, or plot a data set made with 'generate'", at: truth.location)
        }
        let entries = (options.list("fits") ?? []).compactMap { item -> String? in
            switch item.content {
            case .label(let label), .text(let label): label
            default: nil
            }
        }
        try checkLegend(controls, kind: kind, fits: entries, dataset: effective)
        // Transformed points are not the data's scale the axis shows: the run checks those.
        if controls.logX, [.density, .empirical].contains(kind), let points = effective?.trainPoints,
           effective?.dimension == 1, effective?.isTransformed == false {
            // The density figure draws the held-out points too, as the run checks.
            let heldOut = kind == .density ? effective?.heldOutPoints?.values ?? [] : []
            try controls.requirePositive(points.values + heldOut, what: "the values of '\(effective!.label)'",
                                         axis: "x", at: options.location(of: "log"))
        }
        return .opaque(resultKind)
    }

    /// Legend names only where the figure names fits and data, and only for entries it draws.
    private static func checkLegend(_ controls: PlotControls, kind: PlotKind, fits: [String],
                                    dataset: DatasetShape?) throws {
        guard let first = controls.legend.names.first else { return }
        let naming: [PlotKind] = [.density, .contours, .heatmap]
        guard naming.contains(kind) else {
            throw DirectiveError("legend names apply to kinds density, contours and heatmap, not '\(kind.rawValue)'",
                                 fix: "give only a position (legend: top, bottom or none)", at: first.location)
        }
        var drawn = (kind == .density ? fits.filter { $0 != "true" } : Array(fits.prefix(1))) + ["data"]
        if dataset?.heldOutCount != nil, controls.showsHeldOut { drawn.append("heldout") }
        if kind == .density, dataset?.hasTruth == true { drawn.append("true") }
        try controls.legend.checkKeys(drawn: drawn)
    }

    /// Refuses data of the wrong dimension, pointing at the option that brought it in.
    private static func require(_ dataset: DatasetShape, dimension: Int, for kind: PlotKind,
                                _ options: OptionValues, _ call: DirectiveCall) throws {
        guard dataset.dimension != dimension else { return }
        let option = options.has("data") ? "data" : (options.has("fits") ? "fits" : "sample")
        let fix =
            dimension == 1 ? "select one column, or use kind: contours" : "select two columns, or use kind: density"
        throw DirectiveError(
            "kind '\(kind.rawValue)' draws \(dimension)-D data, but '\(dataset.label)' is \(dataset.dimension)-D",
            fix: fix, at: options.location(of: option) ?? call.location)
    }
}

extension PlotKind {
    /// The kind written, or the one the inputs imply: `samples` with a sample, `contours`
    /// for 2-D data and `density` otherwise, `latent` with `dimensions`, else `kernels`.
    static func resolve(written: String?, hasSample: Bool, dimension: Int?, hasDimensions: Bool) -> PlotKind {
        if let written { return PlotKind(rawValue: written)! }
        if hasSample { return .samples }
        if let dimension { return dimension == 2 ? .contours : .density }
        return hasDimensions ? .latent : .kernels
    }
}
