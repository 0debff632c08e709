import Foundation
import ParzenChart

/// A chart value as `pgfplots` code, so the PDF needs no SVG converter: lines, bands,
/// histograms (`ybar interval`), rugs (ticks on the bottom axis), spikes (`ycomb`), scatter
/// points, reference lines, contour lines and heat maps (`matrix plot*`). A mark pgfplots
/// cannot draw (a heat map without a finite value) is a labelled note, named in `placeholders` for
/// a warning.
///
/// Colours are the Okabe–Ito palette of templates/plot.css (`series1` … `series8`, defined in
/// the preamble, see `LaTeXNotebookWriter.preamble`); dash patterns as in the SVG.
/// Coordinates keep 4 significant digits (TeX's arithmetic has about 5).
struct PGFPlotsWriter {
    /// The marks drawn as a note rather than a plot ("a heat map").
    private(set) var placeholders: [String] = []
    /// Scatter points kept after merging points closer than this fraction of the data range:
    /// TeX's memory holds some thousands of marks, not the 10 000 a sample may have.
    static let scatterResolution = 150.0

    /// One chart as a `tikzpicture` of the given width, in the chart's aspect ratio.
    mutating func chart(_ chart: Chart, width: String, domains: (x: ClosedRange<Double>?, y: ClosedRange<Double>?)
                        = (nil, nil)) -> String {
        let ratio = chart.size.height / chart.size.width
        var options = ["width=\(width)", "height=\(Self.number(ratio))*\(width)", "scale only axis=false",
                       "every axis plot/.append style={line width=0.9pt}", "unbounded coords=jump",
                       "tick label style={font=\\footnotesize}", "label style={font=\\small}"]
        if let title = chart.title { options.append("title={" + LaTeXText.escaped(title) + "}") }
        options += axisOptions(chart.x, "x", domain: domains.x ?? chart.x.domain)
        options += axisOptions(chart.y, "y", domain: domains.y ?? chart.y.domain)
        // Bars and stems stand on zero, as in the SVG; pgfplots would start the axis at the data.
        let standsOnZero = chart.marks.contains {
            switch $0 {
            case .histogram, .spikes: true
            default: false
            }
        }
        if standsOnZero, chart.y.scale == .linear, domains.y == nil, chart.y.domain == nil {
            options.append("ymin=0")
        }
        let named = chart.marks.contains { Self.name(of: $0) != nil }
        if chart.showsLegend && named {
            // Above the plot, or below the x axis and its label, as in the SVG.
            let place = chart.legendPlacement == .top
                ? "at={(0.5,1.03)}, anchor=south" : "at={(0.5,-0.22)}, anchor=north"
            options.append("legend style={font=\\footnotesize, \(place), legend columns=-1, "
                           + "draw=none, /tikz/every even column/.append style={column sep=1em}}")
        }
        var out = "\\begin{tikzpicture}\n\\begin{axis}[\n" + options.map { "  " + $0 }.joined(separator: ",\n")
            + "\n]\n"
        var automatic = 0
        for mark in chart.marks {
            out += self.mark(mark, chart: chart, automatic: &automatic, legend: chart.showsLegend)
        }
        return out + "\\end{axis}\n\\end{tikzpicture}"
    }

    /// Panels two to a row, sharing the data ranges the panels share.
    mutating func smallMultiples(_ group: SmallMultiples) -> String {
        let xs = group.sharesXAxis ? Self.range(group.panels.flatMap { Self.xValues($0.marks) }) : nil
        let ys = group.sharesYAxis ? Self.range(group.panels.flatMap { Self.yValues($0.marks) }) : nil
        var out = group.title.map { "{\\small\\textbf{" + LaTeXText.escaped($0) + "}}\\\\[4pt]\n" } ?? ""
        for (index, panel) in group.panels.enumerated() {
            out += chart(panel, width: "0.36\\linewidth", domains: (xs, ys))
            out += index % 2 == 0 && index != group.panels.count - 1 ? "\\hfill\n" : "\\par\\medskip\n"
        }
        return out
    }

    private func axisOptions(_ axis: Axis, _ name: String, domain: ClosedRange<Double>?) -> [String] {
        var options: [String] = []
        if let label = axis.label { options.append("\(name)label={" + LaTeXText.escaped(label) + "}") }
        if axis.scale == .log10 { options.append("\(name)mode=log") }
        if let domain {
            options.append("\(name)min=\(Self.number(domain.lowerBound)), \(name)max=\(Self.number(domain.upperBound))")
        }
        if axis.showsGrid { options.append("\(name)majorgrids, major grid style={gray!25}") }
        return options
    }

    private mutating func mark(_ mark: Mark, chart: Chart, automatic: inout Int, legend: Bool) -> String {
        func color(_ color: SeriesColor) -> String {
            switch color {
            case .automatic:
                automatic += 1
                return "series\((automatic - 1) % 8 + 1)"
            case .series: return "series\(color.paletteSlot)"
            case .ink: return "black"
            case .muted: return "gray"
            }
        }
        func entry(_ name: String) -> String {
            guard legend else { return "" }
            return "\\addlegendentry{" + LaTeXText.escaped(name) + "}\n"
        }
        // An unnamed mark takes no legend slot: `forget plot`.
        func options(_ base: String, name: String?) -> String { name == nil || !legend ? base + ", forget plot" : base }
        switch mark {
        case .line(let line):
            return "\\addplot[" + options("\(color(line.color)), \(Self.dash(line.dash)), no marks", name: line.name)
                + "] coordinates {" + Self.coordinates(line.x, line.y) + "};\n" + (line.name.map { entry($0) } ?? "")
        case .band(let band):
            let xs = band.x + band.x.reversed(), ys = band.lower + band.upper.reversed()
            return "\\addplot[" + options("draw=none, fill=\(color(band.color)), fill opacity=0.2", name: band.name)
                + "] coordinates {" + Self.coordinates(xs, ys) + "} -- cycle;\n" + (band.name.map { entry($0) } ?? "")
        case .histogram(let histogram):
            let edges = histogram.bins.edges
            guard edges.count >= 2, !histogram.heights.isEmpty else { return "" }
            // `ybar interval` reads n+1 points for n bars; the last height is repeated.
            let heights = histogram.heights + [histogram.heights.last!]
            let fill = color(histogram.color)
            let style = "ybar interval, fill=\(fill)!30, fill opacity=0.7, draw=\(fill)!70, line width=0.3pt"
            return "\\addplot[" + options(style, name: histogram.name)
                + "] coordinates {" + Self.coordinates(edges, heights) + "};\n"
                + (histogram.name.map { entry($0) } ?? "")
        case .rug(let rug):
            let ink = color(rug.color)
            return rug.x.filter(\.isFinite).map {
                "\\draw[\(ink), line width=0.3pt, draw opacity=0.5] ({axis cs:\(Self.number($0)),1} |- "
                    + "{rel axis cs:0,0}) -- ++(0,4pt);\n"
            }.joined()
        case .spikes(let spikes):
            return "\\addplot[" + options("ycomb, \(color(spikes.color)), mark=*, mark size=1pt", name: spikes.name)
                + "] coordinates {" + Self.coordinates(spikes.x, spikes.heights) + "};\n"
                + (spikes.name.map { entry($0) } ?? "")
        case .scatter(let scatter):
            let (xs, ys) = Self.thinned(scatter.x, scatter.y)
            return "\\addplot[" + options("only marks, \(color(scatter.color)), mark=*, mark size=0.8pt, "
                                          + "fill opacity=0.5, draw opacity=0.5", name: scatter.name)
                + "] coordinates {" + Self.coordinates(xs, ys) + "};\n" + (scatter.name.map { entry($0) } ?? "")
        case .rule(let rule):
            return self.rule(rule, chart: chart, color: color(rule.color))
        case .contours(let contours):
            return self.contours(contours, color: color(contours.color), legend: legend)
        case .heatMap(let map):
            return heatMap(map, color: color(map.color))
        }
    }

    /// One curve per level and piece (marching squares, as in the SVG), higher levels more
    /// opaque; a named mark's legend entry is its first curve.
    private func contours(_ contours: Contours, color: String, legend: Bool) -> String {
        let levels = contours.levels.levels(for: contours.grid)
        var out = ""
        var named = contours.name != nil && legend
        for (index, level) in levels.enumerated() {
            let opacity = Self.number(0.35 + 0.65 * Double(index + 1) / Double(levels.count))
            for line in MarchingSquares.contours(of: contours.grid, at: level) where line.points.count > 1 {
                let points = Self.coordinates(line.points.map(\.x), line.points.map(\.y))
                out += "\\addplot[\(color), solid, no marks, line width=0.6pt, draw opacity=\(opacity)"
                    + (named ? "" : ", forget plot") + "] coordinates {" + points + "}"
                    + (line.isClosed ? " -- cycle" : "") + ";\n"
                if named, let name = contours.name {
                    out += "\\addlegendentry{" + LaTeXText.escaped(name) + "}\n"
                    named = false
                }
            }
        }
        return out
    }

    /// Cells shaded from white to the mark's colour by value (`matrix plot*`, whose cells
    /// are centred on the grid points as the SVG's are); a grid without one finite value is
    /// a note instead.
    private mutating func heatMap(_ map: HeatMap, color: String) -> String {
        let grid = map.grid
        guard grid.valueRange != nil else {
            placeholders.append("a heat map")
            return Self.note("the heat map is not drawn in the LaTeX version")
        }
        var points: [String] = []
        for j in grid.y.indices {
            for i in grid.x.indices {
                let value = grid[i, j]
                let meta = value.isFinite ? Self.number(value) : "nan"
                points.append("(\(Self.number(grid.x[i])),\(Self.number(grid.y[j]))) [\(meta)]")
            }
        }
        return "\\addplot[matrix plot*, mesh/cols=\(grid.x.count), point meta=explicit, forget plot, "
            + "colormap={heat}{color=(white) color=(\(color))}] coordinates {" + points.joined(separator: " ") + "};\n"
    }

    private func rule(_ rule: ReferenceLine, chart: Chart, color: String) -> String {
        let style = "\(color), \(Self.dash(rule.dash)), line width=0.6pt"
        let label = rule.label.map {
            " node[pos=0.95, above, sloped, font=\\scriptsize] {" + LaTeXText.escaped($0) + "}"
        } ?? ""
        switch rule.position {
        case .vertical(let x):
            return "\\draw[\(style)] ({axis cs:\(Self.number(x)),1} |- {rel axis cs:0,0}) -- "
                + "({axis cs:\(Self.number(x)),1} |- {rel axis cs:0,1})\(label);\n"
        case .horizontal(let y):
            return "\\draw[\(style)] ({rel axis cs:0,0} |- {axis cs:1,\(Self.number(y))}) -- "
                + "({rel axis cs:1,0} |- {axis cs:1,\(Self.number(y))})\(label);\n"
        case .identity:
            guard let range = Self.range(Self.xValues(chart.marks) + Self.yValues(chart.marks)) else { return "" }
            return "\\addplot[\(style), forget plot] coordinates {(\(Self.number(range.lowerBound)),"
                + "\(Self.number(range.lowerBound))) (\(Self.number(range.upperBound)),"
                + "\(Self.number(range.upperBound)))}\(label);\n"
        }
    }

    /// A note drawn in the middle of the plot area.
    private static func note(_ text: String) -> String {
        "\\node[draw, fill=white, font=\\small, align=center] at (rel axis cs:0.5,0.5) {[" + text + "]};\n"
    }

    // MARK: Data

    private static func name(of mark: Mark) -> String? {
        switch mark {
        case .line(let m): m.name
        case .band(let m): m.name
        case .histogram(let m): m.name
        case .spikes(let m): m.name
        case .scatter(let m): m.name
        case .contours(let m): m.name
        case .rug, .rule, .heatMap: nil
        }
    }

    private static func xValues(_ marks: [Mark]) -> [Double] {
        marks.flatMap { mark -> [Double] in
            switch mark {
            case .line(let m): m.x
            case .band(let m): m.x
            case .histogram(let m): m.bins.edges
            case .rug(let m): m.x
            case .spikes(let m): m.x
            case .scatter(let m): m.x
            case .contours(let m): m.grid.x
            case .heatMap(let m): m.grid.x
            case .rule: []
            }
        }.filter(\.isFinite)
    }

    private static func yValues(_ marks: [Mark]) -> [Double] {
        marks.flatMap { mark -> [Double] in
            switch mark {
            case .line(let m): m.y
            case .band(let m): m.lower + m.upper
            case .histogram(let m): m.heights + [0]
            case .spikes(let m): m.heights + [0]
            case .scatter(let m): m.y
            case .contours(let m): m.grid.y
            case .heatMap(let m): m.grid.y
            case .rug, .rule: []
            }
        }.filter(\.isFinite)
    }

    private static func range(_ values: [Double]) -> ClosedRange<Double>? {
        guard let low = values.min(), let high = values.max() else { return nil }
        let ticks = NiceTicks.loose(covering: low...high)
        return (ticks.values.first ?? low)...(ticks.values.last ?? high)
    }

    /// Points merged onto a grid of `scatterResolution` cells per axis, in input order.
    private static func thinned(_ xs: [Double], _ ys: [Double]) -> ([Double], [Double]) {
        let points = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }
        guard points.count > 1000, let rx = range(points.map(\.0)), let ry = range(points.map(\.1)) else {
            return (points.map(\.0), points.map(\.1))
        }
        let sx = (rx.upperBound - rx.lowerBound) / scatterResolution
        let sy = (ry.upperBound - ry.lowerBound) / scatterResolution
        var seen = Set<[Int]>()
        var kept: [(Double, Double)] = []
        for (x, y) in points where seen.insert([Int((x / sx).rounded()), Int((y / sy).rounded())]).inserted {
            kept.append((x, y))
        }
        return (kept.map(\.0), kept.map(\.1))
    }

    /// `(x,y)` pairs; a non-finite value breaks the curve (`unbounded coords=jump`).
    private static func coordinates(_ xs: [Double], _ ys: [Double]) -> String {
        zip(xs, ys).map { x, y in
            x.isFinite && y.isFinite ? "(\(number(x)),\(number(y)))" : "(\(number(x.isFinite ? x : 0)),nan)"
        }.joined(separator: " ")
    }

    private static func dash(_ dash: LineDash) -> String {
        switch dash {
        case .solid: "solid"
        case .dashed: "dashed"
        case .dotted: "dotted"
        }
    }

    /// A number with 4 significant digits, in plain or `e` notation as pgfplots reads it.
    static func number(_ x: Double) -> String {
        String(format: "%.4g", x)
    }
}
