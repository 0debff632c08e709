import ParzenCore
import ParzenFormat

/// ```` ```{data} label ````: loads points from a CSV file, a literal list or a known
/// generator, and splits them into train and held-out parts with a seed.
public enum DataDirective: Directive {
    public static let name = "data"
    public static let version = 2
    public static let summary =
        "Load a data set from a CSV file, a list of values or a known generating density, with an optional seeded " +
            "train/held-out split."
    public static let resultKind = ResultKind(rawValue: "data set")
    public static let example = """
        source: data/old-faithful.csv
        columns: [eruptions]
        holdout: 0.2
        seed: 7
        """

    public static let options = [
        OptionSpec(
            "source", .path,
            help:
                "A CSV file with a header row, relative to the notebook; give exactly one of `source`, `values` and " +
                    "`generate`."
        ),
        OptionSpec(
            "columns", .list(.text), default: "every column",
            help: "The CSV columns to use: one column gives 1-D points, two give 2-D points."),
        OptionSpec("values", .list(.number), help: "The data written out as a list of numbers (1-D)."),
        OptionSpec("generate", .structure(MixtureSpecification.shape),
            help:
                "A Gaussian or a mixture of Gaussians to draw the points from; its density is then known, so " +
                    "`{compare}` can compute KL divergences to the truth."
        ),
        OptionSpec(
            "n", .integer(2...1_000_000), default: "500", help: "How many points to generate (with `generate`)."),
        OptionSpec("holdout", .scalarOrStructure(.fraction, HoldoutSpecification.shape),
                   help: "The points held out for evaluation: a fraction chosen at random with the seed, "
                       + "rows fixed by position (`{last: 100}`, `{first: 50}`, `{rows: \"401-500\"}`, "
                       + "counted from 1), or the CSV rows with a given cell (`{column: split, value: test}`; that "
                       + "column may hold text, and is left out of the points when `columns` is omitted); "
                       + "omitted, every point is for training."),
        OptionSpec(
            "test", .label([resultKind]),
            help: "Another data set of the same dimension to hold out as the test set: every point of it, scored "
                + "by every directive that reports held-out NLL, while this one's points are all for training; "
                + "give `test` or `holdout`, not both."),
        OptionSpec(
            "where", .list(.text), default: "every row",
            help: "Conditions a CSV row must meet to be used, e.g. `\"x > 0\"` or `[\"species == setosa\", "
                + "\"waiting <= 90\"]` (==, !=, <, <=, >, >=; text compares with == and !=, and a column compared "
                + "with text is left out of the points when `columns` is omitted); the split counts the rows kept."),
        OptionSpec(
            "sample", .structure(SubsampleSpecification.shape), default: "every row",
            help: "A seeded subsample of n rows without replacement, kept in data order, drawn after `where` and "
                + "before the split (its seed defaults to the data set's seed + 2)."),
        OptionSpec(
            "transform", .scalarOrStructure(.choice(ColumnTransform.names), DataTransform.shape),
            default: "none",
            help: "A change of variable per column (`{duration: log}`; a single name applies to every column): "
                + "`log`, `log1p`, `sqrt`, `standardize` (by the training points' mean and sd) or `logit` (for "
                + "values in (0, 1)). Models are fitted to the transformed values; densities, NLLs and plots are "
                + "reported on the data's scale, with the log-Jacobian of the change of variable; a value outside "
                + "a transform's domain is an error naming its row."),
        OptionSpec(
            "seed", .integer(0...Int.max), default: "derived from the notebook's seed and the label",
            help: "The seed for generating, subsampling and splitting."),
    ]

    public static func run(_ call: DirectiveCall, in context: RunContext) throws -> DirectiveResult {
        let options = call.options
        let label = call.label ?? call.displayName
        let sources = ["source", "values", "generate"].filter(options.has)
        let seed = context.seed(for: call)
        var columns: [String]
        var points: PointSet
        var origin: [Inline]
        var truth: GaussianMixture?
        switch sources[0] {
        case "source":
            let written: String
            if case .path(_, let w)? = options["source"]?.content {
                written = w
            } else {
                written = options.path("source")!
            }
            (columns, points) = try csvPoints(options, in: context)
            origin = .list(columns.map { [.code($0)] }) + [.text(" of "), .code(written)]
            let conditions = try rowFilters(options).map(\.text)
            if !conditions.isEmpty {
                origin += [.text(", the rows where ")] + conditions.enumerated().flatMap { index, condition in
                    (index == 0 ? [] : [Inline.text(" and ")]) + [.code(condition)]
                }
            }
        case "values":
            let values = options.numbers("values")!
            columns = ["x"]
            points = PointSet(values)
            origin = [.text("the listed values")]
        default:
            let mixture = try MixtureSpecification.read(options.yaml("generate")!)
            let n = options.integer("n") ?? 500
            var generator = Xoshiro256StarStar(seed: seed)
            points = mixture.sample(n, using: &generator)
            columns = generatedColumns(dimension: mixture.dimension)
            let what = mixture.componentCount == 1 ? "a Gaussian" : "a mixture of \(mixture.componentCount) Gaussians"
            origin = [.text("draws from \(what) (seed \(seed))")]
            truth = mixture
        }
        if let subsample = try options.yaml("sample").map(SubsampleSpecification.init) {
            let total = points.count
            points = points.selecting(try subsample.rows(of: total, dataSeed: seed))
            origin += [.text(", "), .count(points.count), .text(" rows drawn of "), .count(total)]
        }
        var split = try split(count: points.count, options: options, seed: seed, in: context)
        let own = points.count
        if let testLabel = options.text("test") {
            let at = options.location(of: "test")!
            let test = try context.payload(testLabel, as: Dataset.self, at: at)
            try requireSameDimension(points.dimension, label: label, test: testLabel, dimension: test.dimension, at: at)
            try requireUntransformed(testLabel, test.transform != nil, at: at)
            let joined = try appending(test, to: points)
            points = joined.points
            split = (joined.split, "the \(test.points.count) points of '\(testLabel)'")
        }
        let transformed = try transformed(points, own: own, trainRows: split?.split.train ?? Array(0..<own),
                                          columns: columns, options: options, seed: seed, in: context)
        var dataset = Dataset(label: label, columns: columns, points: transformed?.points ?? points,
                              split: split?.split, origin: origin, truth: truth)
        dataset.transform = transformed?.transform
        dataset.heldOutRows = split?.rows
        return DirectiveResult(
            kind: resultKind, values: values(of: dataset), payload: dataset, output: output(of: dataset))
    }

    /// `n`, `n_train`, `n_heldout`, `dimension`, and per column `mean`/`sd` (1-D) or
    /// `mean_<column>`/`sd_<column>`.
    static func values(of dataset: Dataset) -> ResultValues {
        var values = ResultValues()
        values["n"] = .integer(dataset.points.count)
        values["n_train"] = .integer(dataset.train.count)
        values["n_heldout"] = .integer(dataset.heldOut?.count ?? 0)
        values["dimension"] = .integer(dataset.dimension)
        let moments = Moments(of: dataset.pointsOnDataScale)
        for k in 0..<dataset.dimension {
            let suffix = dataset.dimension == 1 ? "" : "_" + dataset.columns[k]
            values["mean" + suffix] = .number(moments.mean[k])
            values["sd" + suffix] = .number(moments.covariance[k, k].squareRoot())
        }
        return values
    }

    static func output(of dataset: Dataset) -> [OutputBlock] {
        let count = dataset.points.count
        var text: [Inline] = [.count(count), .text(" point\(count == 1 ? "" : "s") (\(dataset.dimension)-D): ")]
        text += dataset.origin
        if let heldOut = dataset.heldOut {
            text += [.text("; "), .count(dataset.train.count), .text(" for training, "), .count(heldOut.count),
                     .text(" held out")]
            text.append(.text(dataset.heldOutRows.map { " (\($0))." } ?? "."))
        } else {
            text.append(.text("; all used for training."))
        }
        if let transform = dataset.transform {
            text += [.text(" Models are fitted to ")] + transform.variables(dataset.columns)
                + [.text(", and their densities and NLLs are reported as densities of ")]
                + transform.transformedColumns(dataset.columns)
                + [.text(", with the log-Jacobian of the change of variable.")]
        }
        let points = dataset.pointsOnDataScale
        let moments = Moments(of: points)
        var rows: [[ResultTable.Cell]] = []
        for k in 0..<dataset.dimension {
            let column = points.column(k)
            let numbers = [moments.mean[k], moments.covariance[k, k].squareRoot(), column.min()!, column.max()!]
            rows.append([[.code(dataset.columns[k])]] + numbers.map { [.number($0)] })
        }
        let header = ["column", "mean", "sd", "min", "max"].map { [Inline.text($0)] }
        return [.paragraph(text), .table(ResultTable(header: header, rows: rows))]
    }
}

extension DataDirective: DocumentedResults {
    public static let resultKeyDeclarations = [
        ResultKeyDeclaration([("n", .integer)], "number of points"),
        ResultKeyDeclaration([("n_train", .integer)], "points used for fitting"),
        ResultKeyDeclaration([("n_heldout", .integer)], "held-out points (0 without `holdout`)"),
        ResultKeyDeclaration([("dimension", .integer)], "number of columns d"),
        ResultKeyDeclaration([("mean", .number), ("sd", .number)],
                             "mean and standard deviation (divisor N) of the points, 1-D (on the data's scale, "
                                 + "before any `transform`)"),
        ResultKeyDeclaration([("mean_<column>", .number), ("sd_<column>", .number)], "the same per column, d > 1"),
    ]

    /// `mean`/`sd` in 1-D, else `mean_<column>`/`sd_<column>` for the data set's columns.
    public static func resultKeys(for shape: ResultShape) -> [ResultKeyDeclaration] {
        guard case .dataset(let dataset) = shape else { return resultKeyDeclarations }
        let common = Array(resultKeyDeclarations.prefix(4))
        return dataset.dimension == 1 ? common + [resultKeyDeclarations[4]]
            : common + [resultKeyDeclarations[5].expanding("<column>", into: dataset.columns, dimension: 1)]
    }
}
