import ParzenCore
import ParzenFormat
import ParzenMarkup

extension DataDirective {
    /// `points` (on the data's scale, the first `own` of them this data set's, the rest those
    /// of `test`) transformed as `transform:` says, with the transform; nil without the option.
    /// `standardize` takes its mean and sd from `trainRows`. Validation and the run call it
    /// alike, so `parzen check` finds every value outside a transform's domain.
    /// - Throws: `DirectiveError` at the column's transform, naming the point (for a CSV its
    ///   file line and column) and its value.
    static func transformed(_ points: PointSet, own: Int, trainRows: [Int], columns: [String],
                            options: OptionValues, seed: UInt64, in context: RunContext) throws
        -> (points: PointSet, transform: DataTransform)? {
        guard let option = options["transform"] else { return nil }
        let (written, locations) = try DataTransform.read(option, columns: columns)
        if let outside = written.firstOutside(in: points) {
            let (problem, fix) = DataTransform.domainProblem(outside.transform, value: outside.value)
            let place = try self.place(of: outside.index, coordinate: outside.coordinate, own: own, columns: columns,
                                       options: options, seed: seed, in: context)
            throw DirectiveError("\(place): \(problem)", fix: fix, at: locations[outside.coordinate]!)
        }
        let transform = try written.standardized(on: points.selecting(trainRows), columns: columns, at: locations)
        return (transform.apply(points), transform)
    }

    /// Where point `index` came from, for a domain error: "s.csv (line 4, column 2): column
    /// 'x' has −1", "value 3 of 'values'", "draw 17 of 'generate'", "point 2 of 'te'".
    private static func place(of index: Int, coordinate k: Int, own: Int, columns: [String],
                              options: OptionValues, seed: UInt64, in context: RunContext) throws -> String {
        if index >= own { return "point \(index - own + 1) of '\(options.text("test")!)', column '\(columns[k])'" }
        // The row before `sample:` drew from the rows `where:` kept.
        var rows = Array(0..<own)
        if let subsample = try options.yaml("sample").map(SubsampleSpecification.init) {
            let total = try sourceCount(options, in: context)
            rows = try subsample.rows(of: total, dataSeed: seed)
        }
        let row = rows[index]
        if options.has("source") {
            let table = try csvTable(options, in: context)
            let tableRow = try keptRows(options, rowFilters(options), in: context)?[row] ?? row
            let position = table.fieldPositions[tableRow][table.header.firstIndex(of: columns[k])!]
            return "\(writtenSource(options)) (line \(position.line), column \(position.column)): column "
                + "'\(columns[k])'"
        }
        return options.has("values") ? "value \(row + 1) of 'values'" : "draw \(row + 1) of 'generate', '\(columns[k])'"
    }

    /// The number of points before `sample:`: rows kept by `where:`, values, or `n`.
    private static func sourceCount(_ options: OptionValues, in context: RunContext) throws -> Int {
        if options.has("source") {
            let table = try csvTable(options, in: context)
            return try keptRows(options, rowFilters(options), in: context)?.count ?? table.rows.count
        }
        return options.numbers("values")?.count ?? options.integer("n") ?? 500
    }
}
