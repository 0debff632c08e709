import ParzenChart
/// Turns a ``Chart`` into SVG: resolves colours, axes and layout, then writes the layers —
/// grid, marks (clipped to the plotting area), axes, annotations, legend, title.
struct ChartRenderer {
    let chart: Chart
    private let ids: FigureID
    private let drawings: [any MarkDrawing]
    private let colorClasses: [String]
    private let projection: Projection
    private let legend: Legend
    private let legendTop: Double

    init(chart: Chart) {
        self.chart = chart
        ids = FigureID(chart.id)
        drawings = chart.marks.map(\.drawing)
        colorClasses = ChartRenderer.resolveColors(drawings).map(\.className)

        let extent = chart.dataExtent()
        let yAxis = ResolvedAxis(chart.y, extent: extent.y)

        // Margins from the text they must hold.
        let style = ChartStyle.self
        let widestYLabel =
            yAxis.ticks.map { TextMetrics.width(of: $0.label, fontSize: style.layoutTickFont) }.max() ?? 0
        let left =
            style.padding + (chart.y.label == nil ? 0 : style.layoutLabelFont + 6) + widestYLabel + style.tickLength
            + style.tickGap
        let xAxis = Self.xAxisWithRoom(chart, extent: extent.x, left: left)
        let lastXLabel = xAxis.ticks.last.map { TextMetrics.width(of: $0.label, fontSize: style.layoutTickFont) } ?? 0
        let right = chart.size.width - style.padding - max(4, lastXLabel / 2)

        let entries =
            chart.showsLegend
            ? zip(drawings, colorClasses).compactMap { drawing, colorClass -> Legend.Entry? in
            guard let name = drawing.name, !name.isEmpty else { return nil }
            return Legend.Entry(name: name, symbol: drawing.legendSymbol, colorClass: colorClass)
        } : []
        legend = Legend(entries: entries, left: left, right: chart.size.width - style.padding)
        let titleBottom = style.padding + (chart.title == nil ? 0 : style.titleFont + 6)
        let legendSpace = legend.height + (legend.rowCount > 0 ? 4 : 0)
        let below = chart.legendPlacement == .bottom
        legendTop = below ? chart.size.height - style.padding - legend.height : titleBottom
        // Half a tick label of room above the top tick.
        let top = titleBottom + (below ? 0 : legendSpace) + style.layoutTickFont / 2 + 2
        let bottom = chart.size.height - style.padding - style.tickLength - style.tickGap - style.layoutTickFont
            - (chart.x.label == nil ? 0 : style.layoutLabelFont + 6) - (below ? legendSpace : 0)
        let frame = Projection.Frame(left: left, top: top, width: max(right - left, 1), height: max(bottom - top, 1))
        projection = Projection(x: xAxis, y: yAxis, frame: frame)
    }

    /// The x axis with as many of the wanted ticks as leave a gap between neighbouring
    /// labels: wide labels on a narrow chart (−1000 … 300 on a panel) get fewer ticks rather
    /// than overlapping text. The plot's width is estimated from `left` and the last label.
    static func xAxisWithRoom(_ chart: Chart, extent: ClosedRange<Double>?, left: Double) -> ResolvedAxis {
        var axis = chart.x
        while true {
            let resolved = ResolvedAxis(axis, extent: extent)
            let widths = resolved.ticks.map { TextMetrics.width(of: $0.label, fontSize: ChartStyle.layoutTickFont) }
            let right = chart.size.width - ChartStyle.padding - max(4, (widths.last ?? 0) / 2)
            let span = max(right - left, 1)
            let positions = resolved.ticks.map { resolved.fraction($0.value).map { left + $0 * span } }
            let crowded = resolved.ticks.indices.dropLast().contains { i in
                guard let a = positions[i], let b = positions[i + 1] else { return false }
                return b - a < (widths[i] + widths[i + 1]) / 2 + ChartStyle.tickLabelGap
            }
            guard crowded, axis.tickCount > 2 else { return resolved }
            axis.tickCount -= 1
        }
    }

    /// `.automatic` marks take palette slots 1, 2, 3… in order.
    static func resolveColors(_ drawings: [any MarkDrawing]) -> [SeriesColor] {
        var next = 1
        return drawings.map { drawing in
            guard drawing.color == .automatic else { return drawing.color }
            defer { next += 1 }
            return .series(next)
        }
    }

    func render(into svg: inout SVGWriter) {
        let size = chart.size
        let description = chart.description ?? composedDescription()
        svg.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "class": "parzen-plot",
            "viewBox": "0 0 \(FixedPoint.coordinate(size.width)) \(FixedPoint.coordinate(size.height))",
            "role": "img", "aria-labelledby": "\(ids.title) \(ids.description)",
            "font-family": "sans-serif", "font-size": FixedPoint.coordinate(ChartStyle.tickFont),
        ])
        svg.element("title", ["id": ids.title], text: chart.title ?? composedName())
        svg.element("desc", ["id": ids.description], text: description)
        let frame = projection.frame
        // The clip reaches a little past the frame so that lines on its edge keep their width.
        svg.open("defs")
        svg.open("clipPath", ["id": ids.clip])
        svg.element("rect", [
            "x": FixedPoint.coordinate(frame.left - 2), "y": FixedPoint.coordinate(frame.top - 2),
            "width": FixedPoint.coordinate(frame.width + 4), "height": FixedPoint.coordinate(frame.height + 4),
        ])
        svg.close("clipPath")
        svg.close("defs")
        if let title = chart.title {
            svg.element("text", [
                "class": "plot-title", "x": FixedPoint.coordinate(frame.left),
                "y": FixedPoint.coordinate(ChartStyle.padding + ChartStyle.titleFont - 2),
            ], text: title)
        }
        legend.draw(top: legendTop, into: &svg)
        drawGrid(into: &svg)
        svg.open("g", ["class": "plot-marks", "clip-path": "url(#\(ids.clip))"])
        for (drawing, colorClass) in zip(drawings, colorClasses) {
            drawing.draw(with: projection, colorClass: colorClass, into: &svg)
        }
        svg.close("g")
        drawXAxis(into: &svg)
        drawYAxis(into: &svg)
        var annotations = SVGWriter()
        for (drawing, colorClass) in zip(drawings, colorClasses) {
            drawing.drawAnnotations(with: projection, colorClass: colorClass, into: &annotations)
        }
        if !annotations.output.isEmpty {
            svg.open("g", ["class": "plot-annotations"])
            svg.append(annotations)
            svg.close("g")
        }
        svg.close("svg")
    }

    /// Tick positions inside the frame (a tick exactly on its edge counts, up to rounding).
    private func visibleTicks(_ axis: ResolvedAxis, _ position: (Double) -> Double?, from low: Double, to high: Double)
        -> [(ResolvedAxis.Tick, Double)]
    {
        axis.ticks.compactMap { tick in
            guard let at = position(tick.value), at >= low - 0.5, at <= high + 0.5 else { return nil }
            return (tick, at)
        }
    }

    private func drawGrid(into svg: inout SVGWriter) {
        let frame = projection.frame
        var path = PathData()
        if chart.x.showsGrid {
            for (_, x) in visibleTicks(projection.x, projection.horizontal, from: frame.left, to: frame.right) {
                path.vertical(from: PlotPoint(x: x, y: frame.bottom), to: frame.top)
            }
        }
        if chart.y.showsGrid {
            for (_, y) in visibleTicks(projection.y, projection.vertical, from: frame.top, to: frame.bottom) {
                path.polyline([PlotPoint(x: frame.left, y: y), PlotPoint(x: frame.right, y: y)])
            }
        }
        svg.path(path, ["class": "plot-grid", "fill": "none", "stroke": "currentColor", "stroke-opacity": "0.15"])
    }

    private func drawXAxis(into svg: inout SVGWriter) {
        let frame = projection.frame, style = ChartStyle.self
        svg.open("g", ["class": "plot-axis plot-axis-x"])
        var domain = PathData(), ticks = PathData()
        domain.polyline([PlotPoint(x: frame.left, y: frame.bottom), PlotPoint(x: frame.right, y: frame.bottom)])
        let visible = visibleTicks(projection.x, projection.horizontal, from: frame.left, to: frame.right)
        for (_, x) in visible {
            ticks.vertical(from: PlotPoint(x: x, y: frame.bottom), to: frame.bottom + style.tickLength)
        }
        svg.path(domain, ["class": "plot-domain", "fill": "none", "stroke": "currentColor"])
        svg.path(ticks, ["class": "plot-ticks", "fill": "none", "stroke": "currentColor"])
        let labelY = frame.bottom + style.tickLength + style.tickGap + style.layoutTickFont - 3
        for (tick, x) in visible {
            svg.element("text", [
                    "class": "plot-tick-label", "x": FixedPoint.coordinate(x), "y": FixedPoint.coordinate(labelY),
                    "text-anchor": "middle"
            ], text: tick.label)
        }
        if let label = chart.x.label {
            svg.element("text", [
                "class": "plot-label", "x": FixedPoint.coordinate(frame.left + frame.width / 2),
                "y": FixedPoint.coordinate(labelY + style.layoutLabelFont + 4), "text-anchor": "middle",
            ], text: label)
        }
        svg.close("g")
    }

    private func drawYAxis(into svg: inout SVGWriter) {
        let frame = projection.frame, style = ChartStyle.self
        svg.open("g", ["class": "plot-axis plot-axis-y"])
        var domain = PathData(), ticks = PathData()
        domain.polyline([PlotPoint(x: frame.left, y: frame.bottom), PlotPoint(x: frame.left, y: frame.top)])
        let visible = visibleTicks(projection.y, projection.vertical, from: frame.top, to: frame.bottom)
        for (_, y) in visible {
            ticks.polyline([PlotPoint(x: frame.left, y: y), PlotPoint(x: frame.left - style.tickLength, y: y)])
        }
        svg.path(domain, ["class": "plot-domain", "fill": "none", "stroke": "currentColor"])
        svg.path(ticks, ["class": "plot-ticks", "fill": "none", "stroke": "currentColor"])
        let labelX = frame.left - style.tickLength - style.tickGap
        for (tick, y) in visible {
            svg.element("text", [
                    "class": "plot-tick-label", "x": FixedPoint.coordinate(labelX), "y": FixedPoint.coordinate(y + 4),
                    "text-anchor": "end"
            ], text: tick.label)
        }
        if let label = chart.y.label {
            let x = style.padding + style.layoutLabelFont - 3, y = frame.top + frame.height / 2
            svg.element("text", [
                    "class": "plot-label",
                    "transform": "translate(\(FixedPoint.coordinate(x)) \(FixedPoint.coordinate(y))) rotate(-90)",
                "text-anchor": "middle",
            ], text: label)
        }
        svg.close("g")
    }

    /// "Chart of data (histogram), KDE (line) and y = x (reference line)".
    private func composedName() -> String {
        let parts = drawings.map { drawing in
            drawing.name.flatMap { $0.isEmpty ? nil : "\($0) (\(drawing.kindDescription))" } ?? drawing.kindDescription
        }
        return parts.isEmpty ? "Empty chart" : "Chart of " + ChartRenderer.list(parts)
    }

    /// The composed name followed by each axis's label, scale and range.
    private func composedDescription() -> String {
        func axisSentence(_ name: String, _ resolved: ResolvedAxis) -> String {
            let label = resolved.axis.label.map { ": \($0)" } ?? ""
            let scale = resolved.axis.scale == .log10 ? ", logarithmic" : ""
            return
                "\(name) axis\(label)\(scale), from \(resolved.formatted(resolved.domain.lowerBound)) to " +
                    "\(resolved.formatted(resolved.domain.upperBound))."
        }
        return composedName() + ". " + axisSentence("Horizontal", projection.x) + " "
            + axisSentence("Vertical", projection.y)
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ parts: [String]) -> String {
        guard parts.count > 1 else { return parts.first ?? "" }
        return parts.dropLast().joined(separator: ", ") + " and " + parts[parts.count - 1]
    }
}

extension Chart {
    /// The range of data the marks need, per axis.
    func dataExtent() -> Extent {
        var extent = Extent(xScale: x.scale, yScale: y.scale)
        for mark in marks { mark.drawing.include(in: &extent) }
        return extent
    }
}
