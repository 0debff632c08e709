import ParzenFormat
import ParzenMarkup

extension PlotKind {
    /// The kinds drawn as one chart (the others are small multiples, whose panels have no
    /// legend and a fixed size).
    static let singleCharts: [PlotKind] = allCases.filter { ![.kernels, .betas].contains($0) }

    /// The kinds that use each option; an option not listed here is used by every kind.
    /// `check` refuses an option the kind in effect does not use, so nothing written is
    /// silently ignored.
    static let kindsUsing: [String: [PlotKind]] = [
        "data": [.density, .empirical, .bandwidth, .betas, .contours, .heatmap],
        "fits": [.density, .bandwidth, .contours, .heatmap],
        "sample": [.samples, .qq],
        "kernels": [.kernels],
        "betas": [.bandwidth, .betas],
        "dimensions": [.latent],
        "seed": [.latent],
        "bins": [.density, .betas, .samples],
        "log": [.density, .empirical, .bandwidth, .samples, .qq],
        "size": singleCharts,
        "aspect": singleCharts,
        "legend": singleCharts,
        "show_heldout": [.density, .contours, .heatmap],
        "bandwidth_axis": [.bandwidth],
        "table": [.bandwidth],
    ]

    /// Whether this kind uses the option.
    func uses(_ option: String) -> Bool { Self.kindsUsing[option].map { $0.contains(self) } ?? true }

    /// "Used by kinds `a` and `b`." for an option's help, or "" when every kind uses it.
    static func usedBy(_ option: String) -> String {
        guard let kinds = kindsUsing[option] else { return "" }
        let names = kinds.map { "`\($0.rawValue)`" }
        let list = names.count < 2 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return " Used by \(names.count == 1 ? "kind" : "kinds") \(list)."
    }

    /// Refuses the first option (in reading order) that this kind does not use, at the
    /// option, suggesting the closest option it does use when one is close.
    func checkUses(_ options: OptionValues, declared: [OptionSpec]) throws {
        let unused = declared.map(\.name).filter { options.has($0) && !uses($0) }
            .sorted { options.location(of: $0)! < options.location(of: $1)! }
        guard let option = unused.first else { return }
        let used = declared.map(\.name).filter(uses)
        let problem = DirectiveProblem.notUsedByKind(
            option: "'\(option)'", kind: rawValue, usedBy: Self.kindsUsing[option]!.map(\.rawValue),
            suggestion: Suggestion.closest(to: option, among: used))
        throw DirectiveError(problem, at: options.location(of: option))
    }
}
