import ParzenMarkup
import ParzenFormat
import ParzenChart

/// How a `{plot}` draws what its kind draws: `bins`, `x`/`y` ranges, `log` axes, `size` or
/// `aspect`, `legend`, `title` and `show_heldout`. Validation and the run read them alike,
/// so `check` refuses every mistake, at its value, before anything is computed.
struct PlotControls {
    var bins: BinChoice?
    var x: ClosedRange<Double>?
    var y: ClosedRange<Double>?
    var logX = false
    var logY = false
    var size: ChartSize?
    var legend = LegendControl()
    var title: String?
    /// Whether held-out points are drawn (apart from the training points).
    var showsHeldOut = true

    /// Widths and heights of `size:` in SVG user units; the figure scales to the page, so
    /// they fix its aspect ratio and how large its text is against the drawing.
    static let widths = 200.0...1200.0
    static let heights = 120.0...1200.0
    /// `aspect:` (width / height) keeps the standard width, 560.
    static let aspects = 0.25...4.0

    /// The `size:` shape, for option docs.
    static let sizeShape = "{width: w, height: h} in SVG units, w in 200…1200, h in 120…1200"

    /// On a log y axis without `y:`, the axis reaches down to this fraction of the highest
    /// bar or curve: the tails of a KDE would otherwise take hundreds of decades.
    static let logFloor = 1e-4

    init(_ options: OptionValues) throws {
        bins = try options.yaml("bins").map(BinChoice.init)
        let log = options.text("log")
        logX = log == "x" || log == "both"
        logY = log == "y" || log == "both"
        x = try Self.range("x", options, log: logX)
        y = try Self.range("y", options, log: logY)
        if let yaml = options.yaml("size") {
            size = try Self.size(yaml)
        } else if let aspect = options.number("aspect") {
            guard Self.aspects.contains(aspect) else {
                throw DirectiveError("'aspect' (width / height) must be between 0.25 and 4, found "
                                     + NumberFormat.plain(aspect), fix: "e.g. aspect: 1.6",
                                     at: options.location(of: "aspect"))
            }
            size = ChartSize(width: ChartSize.standard.width, height: ChartSize.standard.width / aspect)
        }
        legend = try options.yaml("legend").map(LegendControl.init) ?? LegendControl()
        title = options.text("title")
        showsHeldOut = options.boolean("show_heldout") ?? true
    }

    /// `x: [low, high]`: two numbers, increasing, above 0 on a log axis.
    private static func range(_ name: String, _ options: OptionValues, log: Bool) throws -> ClosedRange<Double>? {
        guard let numbers = options.numbers(name), let at = options.location(of: name) else { return nil }
        guard numbers.count == 2 else {
            throw DirectiveError("'\(name)' expects two numbers, the low and high ends, found \(numbers.count)",
                                 fix: "e.g. \(name): [0, 6]", at: at)
        }
        guard numbers[0] < numbers[1] else {
            throw DirectiveError("'\(name)' goes from \(NumberFormat.plain(numbers[0])) to "
                                 + "\(NumberFormat.plain(numbers[1])); the low end must come first and be smaller",
                                 fix: "e.g. \(name): [\(NumberFormat.plain(numbers[1])), "
                                    + "\(NumberFormat.plain(numbers[0]))]", at: at)
        }
        guard !log || numbers[0] > 0 else {
            throw DirectiveError("a log \(name) axis cannot reach \(NumberFormat.plain(numbers[0]))",
                                 fix: "start the range above 0, or remove 'log'", at: at)
        }
        return numbers[0]...numbers[1]
    }

    private static func size(_ yaml: YAMLValue) throws -> ChartSize {
        guard let entries = yaml.entries else {
            throw DirectiveError("'size' expects \(sizeShape), found \(yaml.kindDescription)",
                                 fix: "e.g. size: {width: 560, height: 280}, or aspect: 2", at: yaml.location)
        }
        var width = ChartSize.standard.width, height = ChartSize.standard.height
        for entry in entries {
            let allowed = entry.key == "width" ? widths : heights
            guard ["width", "height"].contains(entry.key) else {
                throw DirectiveError("unknown size key '\(entry.key)'",
                                     fix: Suggestion.fix(for: entry.key, among: ["width", "height"]),
                                     at: entry.keyLocation)
            }
            guard case .scalar(let text, true, _, _) = entry.value, let value = Double(text), allowed.contains(value)
            else {
                throw DirectiveError("'\(entry.key)' expects a number in \(NumberFormat.plain(allowed.lowerBound))"
                                     + "…\(NumberFormat.plain(allowed.upperBound)), "
                                     + "found \(entry.value.kindDescription)", at: entry.value.location)
            }
            if entry.key == "width" { width = value } else { height = value }
        }
        return ChartSize(width: width, height: height)
    }

    /// Refuses values that cannot be drawn on a log axis, at the option that asked for it.
    func requirePositive(_ values: [Double], what: String, axis: String, at location: SourceLocation?) throws {
        guard axis == "x" ? logX : logY, let low = values.min(), low <= 0 else { return }
        throw DirectiveError("a log \(axis) axis cannot show \(what), which reach \(NumberFormat.plain(low))",
                             fix: "remove 'log', or plot positive data", at: location)
    }

    /// Title, size, axis ranges and scales, and the legend's place.
    func apply(to chart: inout Chart) {
        if let title { chart.title = title }
        if let size { chart.size = size }
        if let x { chart.x.domain = x }
        if let y { chart.y.domain = y }
        if logX { chart.x.scale = .log10 }
        if logY { chart.y.scale = .log10 }
        legend.apply(to: &chart)
    }

    /// Title and axis ranges of small multiples (their panels keep the panel size and no legend).
    func apply(to figure: inout SmallMultiples) {
        if let title { figure.title = title }
        for index in figure.panels.indices {
            if let x { figure.panels[index].x.domain = x }
            if let y { figure.panels[index].y.domain = y }
        }
    }
}
