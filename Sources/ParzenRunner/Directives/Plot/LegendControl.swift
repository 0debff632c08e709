import ParzenFormat
import ParzenMarkup
import ParzenChart

/// The `legend:` of a `{plot}`: where the legend goes, and display names for its entries.
///
/// ```yaml
/// legend: none                                   # or top (the default), bottom
/// legend: {kde_03: "KDE, h = 0.3", data: durations, position: bottom}
/// ```
/// Names are keyed by what the entry stands for: a fit's label, `data` (the training points),
/// `heldout` (the held-out points) or `true` (the generating density).
struct LegendControl {
    enum Position: String, CaseIterable {
        case top, bottom, none
    }

    /// The shape, for option docs.
    static let shape = "`top`, `bottom` or `none`, or a mapping of display names by fit label (and `data`, "
        + "`heldout`, `true`) with an optional `position:`"

    /// Keys that name an entry other than a fit's.
    static let entryKeys = ["data", "heldout", "true"]

    var position: Position = .top
    /// Display names by key, with where each key was written, in the author's order.
    var names: [(key: String, name: String, location: SourceLocation)] = []

    init() {}

    init(_ yaml: YAMLValue) throws {
        switch yaml {
        case .scalar:
            position = try Self.position(yaml)
        case .mapping(let entries, _):
            for entry in entries {
                if entry.key == "position" {
                    position = try Self.position(entry.value)
                    continue
                }
                guard case .scalar(let name, _, _, _) = entry.value, !name.isEmpty else {
                    throw DirectiveError("the legend name of '\(entry.key)' must be text, "
                                         + "found \(entry.value.kindDescription)",
                                         fix: "e.g. \(entry.key): \"KDE, h = 0.3\"", at: entry.value.location)
                }
                names.append((entry.key, name, entry.keyLocation))
            }
        case .sequence(_, let at):
            throw DirectiveError("'legend' expects \(Self.shape), found a list",
                                 fix: "e.g. legend: {kde: \"KDE\", position: bottom}", at: at)
        }
    }

    private static func position(_ yaml: YAMLValue) throws -> Position {
        let words = Position.allCases.map(\.rawValue)
        guard case .scalar(let text, _, _, _) = yaml, let position = Position(rawValue: text) else {
            let found = yaml.scalarText.map { "'\($0)'" } ?? yaml.kindDescription
            throw DirectiveError("the legend position must be one of top, bottom or none, found \(found)",
                                 fix: yaml.scalarText.flatMap { Suggestion.didYouMean($0, among: words) }
                                    ?? "e.g. legend: bottom", at: yaml.location)
        }
        return position
    }

    /// The display name for `key`, else `standard`.
    func name(for key: String, standard: String) -> String {
        names.first { $0.key == key }?.name ?? standard
    }

    /// Refuses a name for an entry the figure does not draw, suggesting one it does.
    func checkKeys(drawn: [String]) throws {
        for entry in names where !drawn.contains(entry.key) {
            throw DirectiveError("the figure has no legend entry '\(entry.key)'",
                                 fix: Suggestion.fix(for: entry.key, among: drawn), at: entry.location)
        }
    }

    func apply(to chart: inout Chart) {
        switch position {
        case .top: chart.legendPlacement = .top
        case .bottom: chart.legendPlacement = .bottom
        case .none: chart.showsLegend = false
        }
    }
}
