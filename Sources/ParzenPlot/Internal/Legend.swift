import ParzenChart
/// The legend: one entry per named mark, laid out in rows above the plotting area and
/// wrapped to the chart's width.
struct Legend {
    struct Entry {
        let name: String
        let symbol: LegendSymbol
        let colorClass: String
    }

    struct PlacedEntry {
        let entry: Entry
        let x: Double
        let row: Int
    }

    let placed: [PlacedEntry]
    let rowCount: Int

    /// Places entries left to right from `left`, starting a new row when the next entry
    /// would pass `right` (an entry wider than the whole row still gets a row of its own).
    init(entries: [Entry], left: Double, right: Double) {
        var placed: [PlacedEntry] = []
        var x = left, row = 0
        for entry in entries {
            let width = ChartStyle.legendSymbolWidth + ChartStyle.legendSymbolGap
                + TextMetrics.width(of: entry.name, fontSize: ChartStyle.layoutTickFont)
            if x > left && x + width > right {
                row += 1
                x = left
            }
            placed.append(PlacedEntry(entry: entry, x: x, row: row))
            x += width + ChartStyle.legendEntryGap
        }
        self.placed = placed
        rowCount = entries.isEmpty ? 0 : row + 1
    }

    var height: Double { Double(rowCount) * ChartStyle.legendRowHeight }

    /// Writes the legend with its first row's centre line at `top + rowHeight / 2`.
    func draw(top: Double, into svg: inout SVGWriter) {
        guard !placed.isEmpty else { return }
        svg.open("g", ["class": "plot-legend"])
        for item in placed {
            let middle = top + (Double(item.row) + 0.5) * ChartStyle.legendRowHeight
            svg.open("g", ["class": "plot-legend-entry"])
            drawSymbol(item.entry, x: item.x, middle: middle, into: &svg)
            svg.element("text", [
                "x": FixedPoint.coordinate(item.x + ChartStyle.legendSymbolWidth + ChartStyle.legendSymbolGap),
                "y": FixedPoint.coordinate(middle + 4.5),
            ], text: item.entry.name)
            svg.close("g")
        }
        svg.close("g")
    }

    private func drawSymbol(_ entry: Entry, x: Double, middle: Double, into svg: inout SVGWriter) {
        let width = ChartStyle.legendSymbolWidth, centre = x + width / 2
        var path = PathData()
        switch entry.symbol {
        case .line(let dash):
            path.polyline([PlotPoint(x: x, y: middle), PlotPoint(x: x + width, y: middle)])
            svg.path(
                path,
                ["class": "plot-line \(entry.colorClass) \(dash.className)", "fill": "none", "stroke": "currentColor"])
        case .swatch:
            path.rectangle(left: x, top: middle - 5, right: x + width, bottom: middle + 5)
            svg.path(path, ["class": "plot-swatch \(entry.colorClass)", "fill": "currentColor", "fill-opacity": "0.35"])
        case .ramp:
            svg.open("g", ["class": "plot-ramp \(entry.colorClass)", "fill": "currentColor"])
            for step in 0..<4 {
                var cell = PathData()
                let left = x + Double(step) * width / 4
                cell.rectangle(left: left, top: middle - 5, right: left + width / 4, bottom: middle + 5)
                svg.path(
                    cell, ["fill-opacity": FixedPoint.format(Double(step + 1) / 4, decimals: 2, trimmingZeros: true)])
            }
            svg.close("g")
        case .dot:
            path.dot(at: PlotPoint(x: centre, y: middle))
            svg.path(
                path,
                [
                    "class": "plot-dots \(entry.colorClass)", "fill": "none", "stroke": "currentColor",
                    "stroke-linecap": "round",
                ])
        case .spike:
            path.vertical(from: PlotPoint(x: centre, y: middle + 6), to: middle - 3)
            var dot = PathData()
            dot.dot(at: PlotPoint(x: centre, y: middle - 3))
            svg.open("g", ["class": "plot-spikes \(entry.colorClass)", "fill": "none", "stroke": "currentColor"])
            svg.path(path, ["class": "plot-stems"])
            svg.path(dot, ["class": "plot-dots", "stroke-linecap": "round"])
            svg.close("g")
        case .rug:
            for offset in [3.0, 8, 11, 15] {
                path.vertical(from: PlotPoint(x: x + offset, y: middle + 5), to: middle - 5)
            }
            svg.path(path, ["class": "plot-rug \(entry.colorClass)", "fill": "none", "stroke": "currentColor"])
        }
    }
}
