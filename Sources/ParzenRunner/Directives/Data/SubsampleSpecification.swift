import ParzenCore
import ParzenFormat
import ParzenMarkup

/// `{data}`'s `sample: {n: 1000, seed: 3}`: a seeded subsample of n rows, without
/// replacement, kept in data order — to work with a large file at a tutorial's pace.
///
/// The rows are the held-out part of `DataSplit.random(count:heldOutFraction:seed:)` with
/// fraction n/N (Fisher–Yates on xoshiro256**, documented there), so a script can redraw
/// them. It runs after `where:` and before the split: `holdout:` splits the rows drawn.
/// Without `seed`, the data set's seed + 2 (+ 1 is the split's stream).
struct SubsampleSpecification {
    let count: Int
    let seed: UInt64?
    let location: SourceLocation

    /// The shape, for option docs.
    static let shape = "{n: count, seed: s} (seed optional)"

    init(_ yaml: YAMLValue) throws {
        guard let entries = yaml.entries else {
            throw DirectiveError("'sample' expects \(Self.shape), found \(yaml.kindDescription)",
                                 fix: "e.g. sample: {n: 1000, seed: 3}", at: yaml.location)
        }
        var count: Int?, seed: UInt64?
        for entry in entries {
            guard ["n", "seed"].contains(entry.key) else {
                throw DirectiveError("unknown sample key '\(entry.key)'",
                                     fix: Suggestion.fix(for: entry.key, among: ["n", "seed"]), at: entry.keyLocation)
            }
            let minimum = entry.key == "n" ? 2 : 0
            guard case .scalar(let text, true, _, _) = entry.value, let value = Int(text), value >= minimum else {
                throw DirectiveError("'\(entry.key)' expects a whole number ≥ \(minimum), "
                                     + "found \(entry.value.kindDescription)", at: entry.value.location)
            }
            if entry.key == "n" { count = value } else { seed = UInt64(value) }
        }
        guard let count else {
            throw DirectiveError("'sample' needs 'n', the number of rows to draw",
                                 fix: "e.g. sample: {n: 1000, seed: 3}", at: yaml.location)
        }
        (self.count, self.seed, self.location) = (count, seed, yaml["n"]!.location)
    }

    /// The rows drawn from `total`, increasing.
    func rows(of total: Int, dataSeed: UInt64) throws -> [Int] {
        guard count < total else {
            throw DirectiveError("cannot draw \(count) of the \(total) rows",
                                 fix: "draw fewer than \(total), or remove 'sample'", at: location)
        }
        let split = try DataSplit.random(count: total, heldOutFraction: Double(count) / Double(total),
                                         seed: seed ?? dataSeed &+ 2)
        return split.heldOut
    }
}
