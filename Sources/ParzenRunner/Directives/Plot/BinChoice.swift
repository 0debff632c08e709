import ParzenFormat
import ParzenMarkup
import ParzenChart

/// The `bins:` of a `{plot}` histogram: a count, a rule by name, or the edges themselves.
///
/// ```yaml
/// bins: 40                 # 40 equal bins over the data range (NumPy's bins=40)
/// bins: scott              # fd (the default), scott or sturges, as NumPy names them
/// bins: [0, 1, 2, 4, 8]    # edges, strictly increasing
/// ```
enum BinChoice: Equatable {
    case count(Int)
    case rule(Rule)
    case edges([Double])

    enum Rule: String, CaseIterable {
        case fd, scott, sturges
    }

    /// The shape, for option docs.
    static let shape = "a number of bins (1…1000), `fd`, `scott`, `sturges`, or a list of increasing bin edges"

    /// Most bars a histogram can usefully show in a text column.
    static let maximumCount = 1000

    init(_ yaml: YAMLValue) throws {
        switch yaml {
        case .scalar(let text, let isPlain, let at, _):
            if isPlain, let x = Double(text) {
                guard let n = Int(exactly: x), (1...Self.maximumCount).contains(n) else {
                    throw DirectiveError("'bins' expects a whole number of bins in 1…\(Self.maximumCount), "
                                         + "found \(yaml.kindDescription)", fix: "e.g. bins: 40", at: at)
                }
                self = .count(n)
            } else if let rule = Rule(rawValue: text) {
                self = .rule(rule)
            } else {
                throw DirectiveError("unknown bin rule '\(text)'",
                                     fix: Suggestion.fix(for: text, among: Rule.allCases.map(\.rawValue)), at: at)
            }
        case .sequence(let items, let at):
            var edges: [Double] = []
            for item in items {
                guard case .scalar(let text, true, _, _) = item, let x = Double(text), x.isFinite else {
                    throw DirectiveError("bin edges must be numbers, found \(item.kindDescription)", at: item.location)
                }
                if let last = edges.last, x <= last {
                    throw DirectiveError("bin edges must increase, but \(text) follows \(NumberFormat.plain(last))",
                                         fix: "list the edges from low to high, each once", at: item.location)
                }
                edges.append(x)
            }
            guard edges.count >= 2 else {
                throw DirectiveError("bin edges need at least two numbers, found \(edges.count)",
                                     fix: "e.g. bins: [0, 1, 2, 4]", at: at)
            }
            self = .edges(edges)
        case .mapping(_, let at):
            throw DirectiveError("'bins' expects \(Self.shape), found a mapping", at: at)
        }
    }

    /// The bins for `data` (at least one finite value); a rule gives at most 200 bins, as
    /// the default Freedman–Diaconis bins do.
    func bins(for data: [Double]) -> Bins {
        switch self {
        case .count(let n): .equalWidth(count: n, over: data)
        case .rule(.fd): .freedmanDiaconis(data)
        case .rule(.scott): .scott(data)
        case .rule(.sturges): .sturges(data)
        case .edges(let edges): Bins(edges: edges)
        }
    }
}
