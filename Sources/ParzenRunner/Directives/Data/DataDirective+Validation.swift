import ParzenCore
import ParzenFormat
import ParzenMarkup

extension DataDirective {
    /// Exactly one source of points; `n` with `generate`, `columns` with `source`.
    public static let rules: [OptionRule] = [
        .exactlyOne(["source", "values", "generate"], example: "source: data/old-faithful.csv"),
        .onlyWith("n", other: "generate", meaning: "generated data"),
        .onlyWith("columns", other: "source", meaning: "a CSV source"),
        .onlyWith("where", other: "source", meaning: "a CSV source"),
        .notTogether(OptionMeaning("holdout", "points of this data set"), OptionMeaning("test", "another data set")),
    ]

    /// Reads and parses a CSV source (every cell of the chosen columns must be a number),
    /// reads a `generate` mixture, counts the points and splits them, without drawing any.
    public static func validate(_ call: DirectiveCall, in context: ValidationContext) throws -> ResultShape {
        let options = call.options
        let columns: [String]
        var count: Int
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
        if let subsample = try options.yaml("sample").map(SubsampleSpecification.init) {
            let rows = try subsample.rows(of: count, dataSeed: context.seed(for: call))
            (count, points) = (rows.count, points?.selecting(rows))
        }
        let label = call.label ?? call.displayName
        if let test = options.text("test") {
            let at = options.location(of: "test")!
            let shape = try context.dataset(test, at: at)
            try requireSameDimension(columns.count, label: label, test: test, dimension: shape.dimension, at: at)
            try requireUntransformed(test, shape.isTransformed, at: at)
            let heldOut = shape.trainPoints.flatMap { train in
                shape.heldOutPoints.map { PointSet(dimension: train.dimension, values: train.values + $0.values) }
                    ?? (shape.heldOutCount == nil ? train : nil)
            }
            let joined = points.flatMap { own in
                heldOut.map { PointSet(dimension: own.dimension, values: own.values + $0.values) }
            }
            let transformed = try joined.flatMap {
                try self.transformed($0, own: count, trainRows: Array(0..<count), columns: columns, options: options,
                                     seed: context.seed(for: call), in: context.context)
            }
            var dataset = DatasetShape(label: label, columns: columns, count: count + shape.count, trainCount: count,
                                       heldOutCount: shape.count, hasTruth: options.has("generate"),
                                       trainPoints: transformed?.points.selecting(0..<count) ?? points,
                                       heldOutPoints: transformed?.points.selecting(count..<(count + shape.count))
                                           ?? heldOut)
            dataset.isTransformed = options.has("transform")
            return .dataset(dataset)
        }
        let seed = context.seed(for: call)
        let split = try split(count: count, options: options, seed: seed, in: context.context)
        let trainRows = split?.split.train ?? Array(0..<count)
        let transformed = try points.flatMap {
            try self.transformed($0, own: count, trainRows: trainRows, columns: columns, options: options, seed: seed,
                                 in: context.context)?.points
        } ?? points
        let train = split.map { parts in transformed.map { $0.selecting(parts.split.train) } } ?? transformed
        let heldOut = split.flatMap { parts in transformed.map { $0.selecting(parts.split.heldOut) } }
        var dataset = DatasetShape(label: label, columns: columns, count: count, trainCount: trainRows.count,
                                   heldOutCount: split?.split.heldOut.count, hasTruth: options.has("generate"),
                                   trainPoints: train, heldOutPoints: heldOut)
        dataset.isTransformed = options.has("transform")
        return .dataset(dataset)
    }

    /// A test set is appended on the data's scale and transformed with this data set's
    /// `transform:`; one with a transform of its own would be transformed twice.
    static func requireUntransformed(_ test: String, _ isTransformed: Bool, at location: SourceLocation) throws {
        guard isTransformed else { return }
        throw DirectiveError("'\(test)' has a 'transform' of its own, but a test set is transformed as the data set "
                             + "it tests", fix: "remove 'transform' from '\(test)'", at: location)
    }

    /// A test set must have the training set's dimension.
    static func requireSameDimension(_ dimension: Int, label: String, test: String, dimension testDimension: Int,
                                     at location: SourceLocation) throws {
        guard testDimension != dimension else { return }
        throw DirectiveError("'\(test)' is \(testDimension)-D, but '\(label)' is \(dimension)-D",
                             fix: "give both data sets the same number of columns", at: location)
    }

    /// This data set's points followed by all the points of `test`, split so that those of
    /// `test` are held out: every directive that reports held-out NLL scores them.
    static func appending(_ test: Dataset, to points: PointSet) throws -> (points: PointSet, split: DataSplit) {
        let own = points.count, all = own + test.points.count
        let joined = PointSet(dimension: points.dimension, values: points.values + test.points.values)
        return (joined, try DataSplit.holdingOut(Array(own..<all), count: all))
    }

    /// The columns and points of the CSV `source`; a missing column is reported at
    /// `columns`, anything else (malformed CSV, a text or `NA` cell, with its line and
    /// column in the file) at `source`. Validation reads the file; `run` gets the same
    /// points from the context's cache instead of parsing it again.
    static func csvPoints(_ options: OptionValues, in context: RunContext) throws
        -> (columns: [String], points: PointSet) {
        let path = options.path("source")!
        let written = writtenSource(options)
        var wanted = (options.list("columns") ?? []).compactMap { item -> String? in
            if case .text(let t) = item.content { return t }
            return nil
        }
        let filters = try rowFilters(options)
        // Without `columns`, every column but the one that marks the held-out rows and those
        // `where:` compares with text.
        let split = HoldoutSpecification.column(of: options.yaml("holdout"))
        let textColumns = filters.filter { Double($0.value) == nil }.map(\.column) + (split.map { [$0] } ?? [])
        if wanted.isEmpty, !textColumns.isEmpty {
            let header = try csvTable(options, in: context).header
            if let split, !header.contains(split) {
                // Say so at `column:`, before the other columns are read as numbers.
                _ = try csvCells(options, in: context)!(split, options.yaml("holdout")!["column"]!.location)
            }
            wanted = header.filter { !textColumns.contains($0) }
        }
        // The rows are filtered before any cell is read as a number: a row `where:` leaves out
        // may hold text (or `NA`) in a data column.
        let kept = try keptRows(options, filters, in: context)
        return try context.csvPoints(path: path, columns: wanted + filters.map { "\u{0}where " + $0.text }) {
            let text = try context.readText(path, written: writtenSource(options), at: options.location(of: "source")!)
            do {
                return try DatasetLoader.points(csv: text, file: written, columns: wanted, rows: kept)
            } catch let error as DatasetLoader.Problem {
                let option = error.line == 1 && !wanted.isEmpty ? "columns" : "source"
                throw DirectiveError(error.message, fix: error.fix, at: options.location(of: option))
            }
        }
    }

    /// The conditions of `where:`, read and checked without the file.
    static func rowFilters(_ options: OptionValues) throws -> [RowFilter] {
        try (options.list("where") ?? []).compactMap { item in
            if case .text(let text) = item.content { return try RowFilter(text, at: item.location) }
            return nil
        }
    }

    /// The CSV rows `where:` keeps (nil without `where:`), at least two of them.
    static func keptRows(_ options: OptionValues, _ filters: [RowFilter], in context: RunContext) throws -> [Int]? {
        guard !filters.isEmpty else { return nil }
        let table = try csvTable(options, in: context)
        let kept = try RowFilter.keptRows(filters, in: table, file: writtenSource(options))
        guard kept.count >= 2 else {
            throw DirectiveError("'where' keeps \(kept.count) of the \(table.rows.count) rows; a data set needs at "
                                 + "least 2", fix: "loosen the conditions", at: options.location(of: "where"))
        }
        return kept
    }

    /// The `source` path as the author wrote it, for messages.
    static func writtenSource(_ options: OptionValues) -> String {
        if case .path(_, let written)? = options["source"]?.content { return written }
        return options.path("source") ?? ""
    }

    /// The CSV `source` as a table of text cells, its problems reported at `source`.
    static func csvTable(_ options: OptionValues, in context: RunContext) throws -> CSVTable {
        let path = options.path("source")!
        let text = try context.readText(path, written: writtenSource(options), at: options.location(of: "source")!)
        do {
            return try CSVTable(parsing: text)
        } catch {
            let problem = DatasetLoader.Problem(file: writtenSource(options), line: error.line, column: error.column,
                                                problem: error.message, fix: error.fix)
            throw DirectiveError(problem.message,
                                 fix: error.fix, at: options.location(of: "source"))
        }
    }

    /// The text cells of a CSV column, for `holdout: {column: …, value: …}`; nil unless the
    /// data come from a CSV file.
    static func csvCells(_ options: OptionValues, in context: RunContext)
        -> ((String, SourceLocation) throws -> [String])? {
        guard options.has("source") else { return nil }
        return { name, location in
            let table = try csvTable(options, in: context)
            guard let index = table.header.firstIndex(of: name) else {
                throw DirectiveError("no column named '\(name)'",
                                     fix: Suggestion.didYouMean(name, among: table.header)
                                         ?? "the columns are: " + table.header.map { "'\($0)'" }
                                            .joined(separator: ", "), at: location)
            }
            let rows = try keptRows(options, rowFilters(options), in: context) ?? Array(table.rows.indices)
            return rows.map { table.rows[$0][index] }
        }
    }

    /// `x` in 1-D, else `x1`, `x2`, …: the column names of generated data.
    static func generatedColumns(dimension: Int) -> [String] {
        dimension == 1 ? ["x"] : (1...dimension).map { "x\($0)" }
    }

    /// The train/held-out split of `holdout`, if given, and for rows fixed by position what
    /// they are in words. A fraction draws from its own stream (`seed + 1`), so changing `n`
    /// or the generator never reuses the generating draws for the split.
    static func split(count: Int, options: OptionValues, seed: UInt64, in context: RunContext) throws
        -> (split: DataSplit, rows: String?)? {
        if let yaml = options.yaml("holdout") {
            let fixed = try HoldoutSpecification.read(yaml, count: count, cells: csvCells(options, in: context))
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
