import ParzenCore

/// ```` ```{sample} label ````: draws seeded samples from a fitted model and sets their
/// moments beside the data's.
public enum SampleDirective: Directive {
    public static let name = "sample"
    public static let version = 1
    public static let summary =
        "Draw seeded samples from a fitted model and compare their moments with the training data's."
    public static let resultKind = ResultKind(rawValue: "sample")
    public static let example = """
        fit: kde
        n: 1000
        seed: 3
        """

    public static let options = [
        OptionSpec("fit", .label([FitDirective.resultKind]), required: true, help: "The fitted model to draw from."),
        OptionSpec("n", .integer(1...1_000_000), default: "1000", help: "How many points to draw."),
        OptionSpec(
            "seed", .integer(0...Int.max), default: "derived from the notebook's seed and the label",
            help: "The seed of the draws."),
    ]

    public static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        let options = call.options
        let fitted = try context.payload(options.text("fit")!, as: FittedModel.self, at: options.location(of: "fit")!)
        let n = options.integer("n") ?? 1000
        let seed = context.seed(for: call)
        var generator = Xoshiro256StarStar(seed: seed)
        // Of the data's scale: with a `transform:`, the model's draws mapped back by g⁻¹.
        let points = fitted.densityOnDataScale.sample(n, using: &generator)
        let samples = SampleSet(label: call.label ?? call.displayName, source: fitted, points: points)
        let drawn = Moments(of: points), data = Moments(of: fitted.dataset.train)
        var values = ResultValues()
        values["n"] = .integer(n)
        values["seed"] = .integer(Int(bitPattern: UInt(seed)))
        let d = points.dimension
        for k in 0..<d {
            let suffix = d == 1 ? "" : "_" + fitted.dataset.columns[k]
            values["mean" + suffix] = .number(drawn.mean[k])
            values["sd" + suffix] = .number(drawn.covariance[k, k].squareRoot())
            values["skewness" + suffix] = .number(drawn.skewness[k])
            values["excess_kurtosis" + suffix] = .number(drawn.excessKurtosis[k])
        }
        var rows: [[ResultTable.Cell]] = []
        for k in 0..<d {
            for (what, moments) in [("samples", drawn), ("data", data)] {
                let numbers = [
                    moments.mean[k], moments.covariance[k, k].squareRoot(), moments.skewness[k],
                    moments.excessKurtosis[k],
                ]
                rows.append([[.code(fitted.dataset.columns[k]), .text(", \(what)")]] + numbers.map { [.number($0)] })
            }
        }
        let caption: [Inline] = [.text("Moments of the "), .count(n), .text(" draws and of the "),
                                 .count(fitted.dataset.train.count), .text(" training points.")]
        let header = ["", "mean", "sd", "skewness", "excess kurtosis"].map { [Inline.text($0)] }
        let table = ResultTable(header: header, rows: rows, caption: caption)
        let text: [Inline] = [.count(n), .text(" draws from "), .code(fitted.label), .text(" (seed \(seed)).")]
        return DirectiveResult(
            kind: resultKind, values: values, payload: samples, output: [.paragraph(text), .table(table)])
    }
}

extension SampleDirective: DocumentedResults {
    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("n", .integer)], "number of draws"),
        ResultKeyDeclaration([("seed", .integer)], "the seed used"),
        ResultKeyDeclaration([("mean", .number), ("sd", .number), ("skewness", .number), ("excess_kurtosis", .number)],
                             "moments of the draws (1-D; `_<column>` appended per column in d > 1)"),
    ]

    /// In d > 1 the moments are per column: `mean_x1`, … for the columns of the model's data.
    public static func resultKeys(for shape: ResultShape) -> [ResultKeyDeclaration] {
        guard case .sample(let sample) = shape, sample.model.dimension > 1 else { return resultKeyDeclarations }
        let moments = resultKeyDeclarations[2]
        let perColumn = ResultKeyDeclaration(moments.keys.map { ($0.name + "_<column>", $0.kind) }, moments.meaning)
        return resultKeyDeclarations.dropLast()
            + [perColumn.expanding("<column>", into: sample.model.dataset.columns, dimension: 1)]
    }
}
