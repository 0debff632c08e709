import ParzenCore
import ParzenFormat

extension DataDirective {
    /// Exactly one source of points; `n` with `generate`, `columns` with `source`.
    public static let rules: [OptionRule] = [
        .exactlyOne(["source", "values", "generate"], example: "source: data/old-faithful.csv"),
        .onlyWith("n", other: "generate", meaning: "generated data"),
        .onlyWith("columns", other: "source", meaning: "a CSV source"),
    ]

    /// Reads and parses a CSV source (every cell of the chosen columns must be a number),
    /// reads a `generate` mixture, counts the points and splits them, without drawing any.
    public static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape {
        let options = call.options
        let columns: [String]
        let count: Int
        var points: PointSet?
        if options.has("source") {
            let (names, read) = try csvPoints(options, in: context.context)
            (columns, count, points) = (names, read.count, read)
        } else if let values = options.numbers("values") {
            guard values.count >= 2 else {
                let numbers = "\(values.count) number\(values.count == 1 ? "" : "s")"
                throw DirectiveError("'values' has \(numbers); a data set needs at least 2",
                                     at: options.location(of: "values"))
            }
            (columns, count, points) = (["x"], values.count, PointSet(values))
        } else {
            let mixture = try MixtureSpecification.read(options.yaml("generate")!)
            (columns, count) = (generatedColumns(dimension: mixture.dimension), options.integer("n") ?? 500)
        }
        let split = try split(count: count, options: options, seed: context.seed(for: call))
        let train = split.map { parts in points.map { $0.selecting(parts.split.train) } } ?? points
        return .dataset(DatasetShape(label: call.label ?? call.displayName, columns: columns, count: count,
                                     trainCount: split?.split.train.count ?? count,
                                     heldOutCount: split?.split.heldOut.count,
                                     hasTruth: options.has("generate"), trainPoints: train))
    }

    /// The columns and points of the CSV `source`; a missing column is reported at
    /// `columns`, anything else (malformed CSV, a text or `NA` cell, with its line and
    /// column in the file) at `source`. Validation reads the file; `run` gets the same
    /// points from the context's cache instead of parsing it again.
    static func csvPoints(_ options: OptionValues, in context: RunContext) throws
        -> (columns: [String], points: PointSet) {
        let path = options.path("source")!
        let written: String
        if case .path(_, let w)? = options["source"]?.content { written = w } else { written = path }
        let wanted = (options.list("columns") ?? []).compactMap { item -> String? in
            if case .text(let t) = item.content { return t }
            return nil
        }
        return try context.csvPoints(path: path, columns: wanted) {
            let text = try context.readText(path, at: options.location(of: "source")!)
            do {
                return try DatasetLoader.points(csv: text, file: written, columns: wanted)
            } catch let error as DatasetLoader.Problem {
                let option = error.line == 1 && !wanted.isEmpty ? "columns" : "source"
                throw DirectiveError(error.message, fix: error.fix, at: options.location(of: option))
            }
        }
    }

    /// `x` in 1-D, else `x1`, `x2`, …: the column names of generated data.
    static func generatedColumns(dimension: Int) -> [String] {
        dimension == 1 ? ["x"] : (1...dimension).map { "x\($0)" }
    }

    /// The train/held-out split of `holdout`, if given, and for rows fixed by position what
    /// they are in words. A fraction draws from its own stream (`seed + 1`), so changing `n`
    /// or the generator never reuses the generating draws for the split.
    static func split(count: Int, options: OptionValues, seed: UInt64) throws -> (split: DataSplit, rows: String?)? {
        if let yaml = options.yaml("holdout") {
            let fixed = try HoldoutSpecification.read(yaml, count: count)
            return (fixed.split, fixed.description)
        }
        guard let fraction = options.number("holdout") else { return nil }
        do {
            return (try DataSplit.random(count: count, heldOutFraction: fraction, seed: seed &+ 1), nil)
        } catch let error as ModelError {
            throw DirectiveError(error.problem, fix: error.fix, at: options.location(of: "holdout"))
        }
    }
}
